import type { PyNode } from "./parse.js";

// Small readers over tree-sitter Python nodes.

export function start(node: PyNode): number {
  return node.range().start.index;
}
export function end(node: PyNode): number {
  return node.range().end.index;
}
export function lineOf(node: PyNode): number {
  return node.range().start.line + 1;
}

/** Skips parentheses: `(x)` → `x`. */
export function unwrap(node: PyNode): PyNode {
  let current = node;
  while (current.kind() === "parenthesized_expression") {
    const inner = current.namedChildren().filter((c) => c.kind() !== "comment");
    if (inner.length !== 1) break;
    current = inner[0];
  }
  return current;
}

const STRING_PREFIX_RE = /^([rRbBuU]*)(['"]{1,3})/;

/** Prefix and opening quote of a string literal's text. */
const STRING_OPEN_RE = /^([a-zA-Z]*)('{3}|"{3}|'|")/;

/** A string literal's opening, prefix and quote (`rb'''`); "" when its text has none. */
export function stringOpening(text: string): string {
  return STRING_OPEN_RE.exec(text)?.[0] ?? "";
}

/** A plain string literal (no f-string interpolation, no implicit concatenation): its value. */
export function stringValue(node: PyNode | null | undefined): string | undefined {
  if (!node || node.kind() !== "string") return undefined;
  // Read from the literal's text (its prefix, quotes and what is between them): one native call
  // instead of walking its children. A literal that is not closed (a file with errors) is walked.
  const text = node.text();
  const open = STRING_OPEN_RE.exec(text);
  if (!open || !text.endsWith(open[2]) || text.length < open[0].length + open[2].length) return stringValueOfChildren(node);
  if (/[fF]/.test(open[1])) return undefined;
  const content = text.slice(open[0].length, text.length - open[2].length);
  return /[rR]/.test(open[1]) ? content : unescapeSimple(content);
}

function stringValueOfChildren(node: PyNode): string | undefined {
  const startNode = node.children()[0];
  if (!startNode || /[fF]/.test(startNode.text())) return undefined;
  if (node.children().some((c) => c.kind() === "interpolation")) return undefined;
  const raw = /[rR]/.test(startNode.text());
  const content = node.children().filter((c) => c.kind() === "string_content" || c.kind() === "escape_sequence");
  const text = content.map((c) => c.text()).join("");
  return raw ? text : unescapeSimple(text);
}

function unescapeSimple(text: string): string {
  return text.replace(/\\(["'\\nt])/g, (_m, c: string) => ({ n: "\n", t: "\t" })[c] ?? c);
}

/** The quote character a string literal uses (`'` or `"`). */
export function quoteOf(node: PyNode): "'" | '"' {
  const match = STRING_PREFIX_RE.exec(node.text());
  return match && match[2][0] === "'" ? "'" : '"';
}

/** The string's content nodes (the text between the quotes, interpolations excluded). */
export function stringContents(node: PyNode): PyNode[] {
  return node.children().filter((c) => c.kind() === "string_content");
}

export function isFString(node: PyNode): boolean {
  return node.kind() === "string" && /^[a-zA-Z]*[fF]/.test(node.text());
}

/** `a.b.c` as text when the node is a dotted name, else undefined. */
export function dottedName(node: PyNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind() === "identifier") return node.text();
  if (node.kind() === "attribute") {
    const object = dottedName(node.field("object"));
    const attr = node.field("attribute");
    return object && attr ? `${object}.${attr.text()}` : undefined;
  }
  return undefined;
}

/** Positional and keyword arguments of a call. */
export function callArgs(call: PyNode): { positional: PyNode[]; keywords: Map<string, PyNode>; keywordNodes: PyNode[]; splat: boolean } {
  const list = call.field("arguments");
  const positional: PyNode[] = [];
  const keywords = new Map<string, PyNode>();
  const keywordNodes: PyNode[] = [];
  let splat = false;
  for (const arg of list?.namedChildren() ?? []) {
    if (arg.kind() === "comment") continue;
    if (arg.kind() === "keyword_argument") {
      const name = arg.field("name")?.text();
      const value = arg.field("value");
      if (name && value) keywords.set(name, value);
      keywordNodes.push(arg);
    } else if (arg.kind() === "list_splat" || arg.kind() === "dictionary_splat") {
      splat = true;
    } else {
      positional.push(arg);
    }
  }
  return { positional, keywords, keywordNodes, splat };
}

/** The statement (child of a module or block) that holds `node`. */
export function enclosingStatement(node: PyNode): PyNode | undefined {
  let current: PyNode | null = node;
  while (current) {
    const parent: PyNode | null = current.parent();
    if (!parent) return undefined;
    if (parent.kind() === "module" || parent.kind() === "block") return current;
    current = parent;
  }
  return undefined;
}

/** Where a marker goes: the statement, or the `elif`/`else`/`except` clause that holds the node. */
export function markerAnchor(node: PyNode): PyNode | undefined {
  let current: PyNode | null = node;
  while (current) {
    const parent: PyNode | null = current.parent();
    if (!parent) return undefined;
    if (["elif_clause", "else_clause", "except_clause", "case_clause"].includes(current.kind() as string)) return current;
    if (parent.kind() === "module" || parent.kind() === "block") return current;
    current = parent;
  }
  return undefined;
}

/** The function that holds `node` (its scope), or undefined at module level. */
export function enclosingFunction(node: PyNode): PyNode | undefined {
  return node.ancestors().find((a) => a.kind() === "function_definition" || a.kind() === "lambda");
}

/** Leading whitespace of the line `offset` is on. */
export function indentAt(source: string, offset: number): string {
  const lineStart = source.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))![0];
}

export function lineStartAt(source: string, offset: number): number {
  return source.lastIndexOf("\n", offset - 1) + 1;
}

/** One indentation step as the file writes it (tab, or the smallest space indent seen). */
export function indentUnit(source: string): string {
  const indents = source.split("\n").filter((l) => /\S/.test(l)).map((l) => /^[ \t]*/.exec(l)![0]).filter((i) => i.length > 0);
  if (indents.some((i) => i.startsWith("\t"))) return "\t";
  const spaces = indents.map((i) => i.length).filter((n) => n > 0);
  return " ".repeat(spaces.length ? Math.min(...spaces) : 4);
}
