import type { AnyNode } from "./ast.js";

// Change the text of a string literal or template piece in place, keeping its quote character.

function quoteOf(node: AnyNode): string {
  const raw: string | undefined = node.extra?.raw ?? node.raw;
  return raw && (raw[0] === "'" || raw[0] === '"') ? raw[0] : '"';
}

export function setStringValue(node: AnyNode, value: string): void {
  if (node.type === "TemplateElement") {
    node.value = { raw: value.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${"), cooked: value };
    return;
  }
  const quote = quoteOf(node);
  const raw = `${quote}${value.replace(/\\/g, "\\\\").split(quote).join(`\\${quote}`)}${quote}`;
  node.value = value;
  // Other `extra` facts (e.g. `parenthesized`) still hold.
  node.extra = { ...node.extra, rawValue: value, raw };
  if (node.raw !== undefined) node.raw = raw;
}

/** Text of a string literal or template piece. */
export function stringValue(node: AnyNode): string | undefined {
  if (node.type === "TemplateElement") return node.value.cooked ?? undefined;
  return typeof node.value === "string" ? node.value : undefined;
}
