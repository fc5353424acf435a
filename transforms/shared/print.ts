import recast from "recast";
import type { JsContext } from "./context.js";
import { detectStyle, type CodeStyle } from "./style.js";
import { quoteString as quoteWith, render, type Doc } from "./print/doc.js";

// New code is written as source text in the file's style and parsed: recast then keeps that
// layout where it is inserted (its generic printer would break every object over lines and put
// blank lines around nested ones). Existing sub-expressions are embedded with their own text.

type Node = { type: string; [key: string]: any };

const STYLE_KEY = "print:style";

export function styleOf(ctx: JsContext): CodeStyle {
  let style = ctx.shared.get(STYLE_KEY) as CodeStyle | undefined;
  if (!style) ctx.shared.set(STYLE_KEY, (style = detectStyle(ctx.source)));
  return style;
}

/** The source of an existing node (its original text where recast can reuse it; new strings in `quote`). */
export function printNode(node: Node, quote?: CodeStyle["quote"]): string {
  return recast.print(node as any, quote ? { quote } : {}).code;
}

export function quoteString(value: string, style: CodeStyle): string {
  return quoteWith(value, style.quote === "single" ? "'" : '"');
}

/** Parse an expression written as text (for any parser: it is read as an assignment's right side). */
export function parseExpression(ctx: JsContext, code: string): Node {
  const program = (ctx.j(`_ = ${code}`).get().node as Node).program;
  return program.body[0].expression.right;
}

/** New code in the file's style: `;`-terminated statements lose the semicolons if the file has none. */
function inFileStyle(ctx: JsContext, code: string): string {
  return styleOf(ctx).semicolons ? code : code.replace(/;$/gm, "");
}

function parseProgram(ctx: JsContext, text: string): Node[] {
  return (ctx.j(text).get().node as Node).program.body;
}

/** Parse statements written as text (`;`-terminated; the semicolons go if the file has none). */
export function parseStatements(ctx: JsContext, code: string): Node[] {
  return parseProgram(ctx, inFileStyle(ctx, code));
}

export function parseStatement(ctx: JsContext, code: string): Node {
  return parseStatements(ctx, code)[0];
}

type StatementPath = { node: unknown; replace(...nodes: unknown[]): unknown };

/** Replace `statement` by itself followed by `code`: parsed together, they keep a plain line break between them. */
export function appendStatement(ctx: JsContext, statement: StatementPath, code: string): void {
  const [kept, added] = parseProgram(ctx, `${printNode(statement.node as Node)}\n${inFileStyle(ctx, code)}`);
  statement.replace(kept, added);
}

/** `code` then a blank line before `statement` (which keeps its comments). */
export function prependStatement(ctx: JsContext, statement: StatementPath, code: string): void {
  const [added, kept] = parseProgram(ctx, `${inFileStyle(ctx, code)}\n\n${printNode(statement.node as Node)}`);
  statement.replace(added, kept);
}

/** The file's text from a node's first leading comment to the node, and from the node to its last trailing comment. */
function commentSurroundings(node: Node): [string, string] {
  const comments = (node.comments ?? []) as Node[];
  const lines = node.loc?.lines;
  if (comments.length === 0 || !lines || comments.some((c) => c.loc?.lines !== lines)) return ["", ""];
  const leading = comments.filter((c) => !c.trailing);
  const trailing = comments.filter((c) => c.trailing);
  return [
    leading.length > 0 ? lines.slice(leading[0].loc.start, node.loc.start).toString() : "",
    trailing.length > 0 ? lines.slice(node.loc.end, trailing[trailing.length - 1].loc.end).toString() : "",
  ];
}

/**
 * Replace `statement` by the statement `code`, keeping its comments. The comments are parsed again
 * with the new code: moved onto a node parsed from other text, their positions would point into
 * the wrong source and recast's printer would read past its end (two leading comments crashed it).
 */
export function replaceStatement(ctx: JsContext, statement: StatementPath, code: string): void {
  const [before, after] = commentSurroundings(statement.node as Node);
  statement.replace(parseProgram(ctx, `${before}${inFileStyle(ctx, code)}${after}`)[0]);
}

/** Rendered by the doc printer (print/doc.ts) at column 0, one level of the file's indentation deep. */
function renderText(doc: Doc, style: CodeStyle): string {
  return render(doc, { column: 0, indent: "", unit: style.indent, quote: style.quote === "single" ? "'" : '"', width: Infinity });
}

/** `{ a, b }` on one line, or one entry per line; `entries` are printed `key: value` / `...x` texts. */
export function printObjectText(entries: string[], style: CodeStyle, multiline: boolean, trailingComma = style.trailingComma): string {
  const objectStyle = { multiline: multiline && entries.length > 0, bracketSpacing: true, trailingComma };
  return renderText({ kind: "object", entries: entries.map((raw) => ({ raw })), style: objectStyle }, style);
}

/** Does this multi-line literal (or pattern) of the file end with a comma before its closing bracket? */
export function hasTrailingComma(node: Node | undefined): boolean | undefined {
  if (!isMultiline(node)) return undefined;
  return node!.extra?.trailingComma !== undefined;
}

export function printArrayText(items: string[], style: CodeStyle, multiline: boolean): string {
  return renderText({ kind: "array", items: items.map((text) => ({ kind: "raw", text })), multiline, trailingComma: style.trailingComma }, style);
}

export function isMultiline(node: Node | undefined): boolean {
  return !!node?.loc && node.loc.start.line !== node.loc.end.line;
}
