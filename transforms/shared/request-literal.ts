import type { ASTPath } from "jscodeshift";
import type { JsContext } from "./context.js";
import { evaluateObject, type EvaluatedBody } from "./evaluate-literal.js";
import { isIdentifierName } from "./ast.js";
import { hasTrailingComma, isMultiline, parseExpression, printArrayText, printNode, printObjectText, quoteString, styleOf } from "./print.js";
import { isOpaque, type RequestObject, type RequestValue } from "../../src/mapping/request.js";

// Object literal ↔ RequestValue for the SDK step: an options literal becomes plain data with the
// AST nodes it cannot evaluate as `Opaque` leaves, `mapRequest` maps it, and the result is printed
// back in the file's style, reusing the text of those nodes and of properties that did not change.

type Node = { type: string; [key: string]: any };

/** Longest single-line literal the printer writes; longer ones go one entry per line. */
const MAX_LINE = 80;

/**
 * Evaluate an options literal of an SDK call (transforms/shared/evaluate-literal.ts, not looking
 * through constants): spreads, computed keys and conditional spreads make it partial.
 */
export function evaluateOptions(ctx: JsContext, path: ASTPath): EvaluatedBody {
  const evaluated = evaluateObject(ctx.j, path, { resolve: false });
  return { ...evaluated, partial: evaluated.partial || evaluated.conditionals.length > 0 };
}

function sameValue(a: RequestValue | undefined, b: RequestValue | undefined): boolean {
  if (isOpaque(a as RequestValue) || isOpaque(b as RequestValue)) return isOpaque(a as RequestValue) && isOpaque(b as RequestValue) && (a as any).opaque === (b as any).opaque;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => sameValue((a as RequestObject)[k], (b as RequestObject)[k]));
  }
  return a === b;
}

function fits(entries: string[], open = 4): boolean {
  return entries.every((e) => !e.includes("\n")) && entries.join(", ").length + open <= MAX_LINE;
}

/** A mapped value as source text in the file's style. */
export function printValue(ctx: JsContext, value: RequestValue): string {
  const style = styleOf(ctx);
  if (value === null) return "null";
  if (typeof value === "string") return quoteString(value, style);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (isOpaque(value)) return printNode(value.opaque as Node);
  if (Array.isArray(value)) {
    const items = value.map((v) => printValue(ctx, v));
    return printArrayText(items, style, !fits(items, 2));
  }
  const entries = Object.entries(value).map(([key, v]) => printEntry(ctx, key, v));
  const nested = Object.values(value).some((v) => v !== null && typeof v === "object" && !Array.isArray(v) && !isOpaque(v));
  return printObjectText(entries, style, nested || !fits(entries));
}

/** `key: value`, shorthand when the value is the identifier of the same name. */
export function printEntry(ctx: JsContext, key: string, value: RequestValue): string {
  if (isOpaque(value) && (value.opaque as Node).type === "Identifier" && (value.opaque as Node).name === key) return key;
  const printedKey = isIdentifierName(key) ? key : quoteString(key, styleOf(ctx));
  return `${printedKey}: ${printValue(ctx, value)}`;
}

/**
 * A mapped object as a new node: `leading` entries first (e.g. `audio`), then the original
 * spreads and computed keys, then the mapped keys. A property the mapping left as it was keeps its own text.
 */
export function printObject(ctx: JsContext, value: RequestObject, original?: EvaluatedBody, leading: string[] = []): Node {
  const entries = [
    ...leading,
    ...(original?.kept ?? []).map((k) => printNode(k.node)),
    ...Object.entries(value).map(([key, v]) => {
      const property = original?.properties.get(key);
      return property && sameValue(original!.body[key], v) ? printNode(property) : printEntry(ctx, key, v);
    }),
  ];
  const multiline = isMultiline(original?.node) || !fits(entries) || entries.some((e) => e.includes("\n"));
  const style = styleOf(ctx);
  return parseExpression(ctx, printObjectText(entries, style, multiline, hasTrailingComma(original?.node) ?? style.trailingComma));
}
