import recast from "recast";
import type { JsContext } from "./context.js";
import { detectStyle, type CodeStyle } from "./style.js";

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

/** The source of an existing node (its original text where recast can reuse it). */
export function printNode(node: Node): string {
  return recast.print(node as any).code;
}

export function quoteString(value: string, style: CodeStyle): string {
  const q = style.quote === "single" ? "'" : '"';
  const escaped = value.replace(/\\/g, "\\\\").replace(new RegExp(q, "g"), `\\${q}`).replace(/\n/g, "\\n");
  return `${q}${escaped}${q}`;
}

/** Parse an expression written as text (for any parser: it is read as an assignment's right side). */
export function parseExpression(ctx: JsContext, code: string): Node {
  const program = (ctx.j(`_ = ${code}`).get().node as Node).program;
  return program.body[0].expression.right;
}

/** Parse statements written as text (`;`-terminated; the semicolons go if the file has none). */
export function parseStatements(ctx: JsContext, code: string): Node[] {
  const text = styleOf(ctx).semicolons ? code : code.replace(/;$/gm, "");
  return (ctx.j(text).get().node as Node).program.body;
}

export function parseStatement(ctx: JsContext, code: string): Node {
  return parseStatements(ctx, code)[0];
}

type StatementPath = { node: unknown; replace(...nodes: unknown[]): unknown };

/** Replace `statement` by itself followed by `code`: parsed together, they keep a plain line break between them. */
export function appendStatement(ctx: JsContext, statement: StatementPath, code: string): void {
  const [kept, added] = parseStatements(ctx, `${printNode(statement.node as Node)}\n${code}`);
  statement.replace(kept, added);
}

/** `code` then a blank line before `statement` (which keeps its comments). */
export function prependStatement(ctx: JsContext, statement: StatementPath, code: string): void {
  const [added, kept] = parseStatements(ctx, `${code}\n\n${printNode(statement.node as Node)}`);
  statement.replace(added, kept);
}

/** Continuation lines of an embedded multi-line text, indented one level deeper. */
export function indentLines(text: string, indent: string): string {
  return text.replace(/\n/g, `\n${indent}`);
}

/** `{ a, b }` on one line, or one entry per line; `entries` are printed `key: value` / `...x` texts. */
export function printObjectText(entries: string[], style: CodeStyle, multiline: boolean, trailingComma = style.trailingComma): string {
  if (entries.length === 0) return "{}";
  if (!multiline) return `{ ${entries.join(", ")} }`;
  const body = entries.map((e) => `${style.indent}${indentLines(e, style.indent)}`).join(",\n");
  return `{\n${body}${trailingComma ? "," : ""}\n}`;
}

/** Does this multi-line literal end with a comma before its closing bracket? */
export function hasTrailingComma(ctx: JsContext, node: Node | undefined): boolean | undefined {
  if (!isMultiline(node) || typeof node!.end !== "number") return undefined;
  return /,\s*[}\]]$/.test(ctx.source.slice(node!.start, node!.end));
}

export function printArrayText(items: string[], style: CodeStyle, multiline: boolean): string {
  if (!multiline) return `[${items.join(", ")}]`;
  const body = items.map((e) => `${style.indent}${indentLines(e, style.indent)}`).join(",\n");
  return `[\n${body}${style.trailingComma ? "," : ""}\n]`;
}

export function isMultiline(node: Node | undefined): boolean {
  return !!node?.loc && node.loc.start.line !== node.loc.end.line;
}
