import type { AnyNode } from "./ast.js";

// Change the text of a string literal or template piece in place, keeping its quote character.

function quoteOf(node: AnyNode): string {
  const raw: string | undefined = node.extra?.raw;
  return raw && (raw[0] === "'" || raw[0] === '"') ? raw[0] : '"';
}

export function setStringValue(node: AnyNode, value: string): void {
  if (node.type === "TemplateElement") {
    node.value = { raw: value.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${"), cooked: value };
    return;
  }
  const quote = quoteOf(node);
  const escaped = value.replace(/\\/g, "\\\\").split(quote).join(`\\${quote}`);
  node.value = value;
  node.extra = { rawValue: value, raw: `${quote}${escaped}${quote}` };
}

/** Text of a string literal or template piece. */
export function stringValue(node: AnyNode): string | undefined {
  if (node.type === "TemplateElement") return node.value.cooked ?? undefined;
  return typeof node.value === "string" ? node.value : undefined;
}
