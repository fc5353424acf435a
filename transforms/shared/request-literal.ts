import type { JsContext } from "./context.js";
import { isIdentifierName, propertyKey } from "./ast.js";
import { hasTrailingComma, isMultiline, parseExpression, printArrayText, printNode, printObjectText, quoteString, styleOf } from "./print.js";
import { isOpaque, type RequestObject, type RequestValue } from "../../src/mapping/request.js";

// Object literal ↔ RequestValue: a request body in source becomes plain data with the AST nodes it
// cannot evaluate as `Opaque` leaves, `mapRequest` maps it, and the result is printed back in the
// file's style, reusing the text of those nodes and of properties that did not change.

type Node = { type: string; [key: string]: any };

export interface EvaluatedObject {
  node: Node;
  value: RequestObject;
  /** Spreads and computed keys: the body is incomplete. */
  partial: boolean;
  /** `...x` elements, printed back in front of the mapped keys. */
  spreads: Node[];
  /** Original properties by key, reused when the mapping keeps them as they were. */
  properties: Map<string, Node>;
}

/** Longest single-line literal the printer writes; longer ones go one entry per line. */
const MAX_LINE = 80;

function evaluateValue(node: Node): RequestValue {
  switch (node.type) {
    case "StringLiteral":
    case "NumericLiteral":
    case "BooleanLiteral":
      return node.value;
    case "NullLiteral":
      return null;
    case "Literal":
      return node.value === null || ["string", "number", "boolean"].includes(typeof node.value) ? node.value : { opaque: node };
    case "ArrayExpression":
      if (node.elements.some((e: Node | null) => !e || e.type === "SpreadElement")) return { opaque: node };
      return node.elements.map((e: Node) => evaluateValue(e));
    case "ObjectExpression": {
      const evaluated = evaluateObject(node);
      return evaluated.partial ? { opaque: node } : evaluated.value;
    }
    default:
      return { opaque: node };
  }
}

/** Evaluate an object literal; unknown values stay as their AST nodes. */
export function evaluateObject(node: Node): EvaluatedObject {
  const result: EvaluatedObject = { node, value: {}, partial: false, spreads: [], properties: new Map() };
  for (const property of node.properties as Node[]) {
    if (property.type === "SpreadElement" || property.type === "SpreadProperty") {
      result.partial = true;
      result.spreads.push(property);
      continue;
    }
    const key = property.type === "ObjectMethod" ? undefined : propertyKey(property);
    if (key === undefined) {
      result.partial = true;
      continue;
    }
    result.value[key] = evaluateValue(property.value);
    result.properties.set(key, property);
  }
  return result;
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
 * spreads, then the mapped keys. A property the mapping left as it was keeps its own text.
 */
export function printObject(ctx: JsContext, value: RequestObject, original?: EvaluatedObject, leading: string[] = []): Node {
  const entries = [
    ...leading,
    ...(original?.spreads ?? []).map((s) => printNode(s)),
    ...Object.entries(value).map(([key, v]) => {
      const property = original?.properties.get(key);
      return property && sameValue(original!.value[key], v) ? printNode(property) : printEntry(ctx, key, v);
    }),
  ];
  const multiline = isMultiline(original?.node) || !fits(entries) || entries.some((e) => e.includes("\n"));
  const style = styleOf(ctx);
  return parseExpression(ctx, printObjectText(entries, style, multiline, hasTrailingComma(ctx, original?.node) ?? style.trailingComma));
}
