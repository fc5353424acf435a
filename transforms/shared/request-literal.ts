import type { JSCodeshift } from "jscodeshift";
import { isOpaque, type RequestObject, type RequestValue } from "../../src/mapping/request.js";

// Object literal ↔ RequestValue: a request body in source becomes plain data with the AST nodes it
// cannot evaluate as `Opaque` leaves, `mapRequest` maps it, and the result is printed back reusing
// those nodes (so comments and formatting of untouched values survive).

type Node = { type: string; [key: string]: any };

export interface EvaluatedObject {
  value: RequestObject;
  /** Spreads and computed keys: the body is incomplete. */
  partial: boolean;
  /** `...x` elements, printed back in front of the mapped keys. */
  spreads: Node[];
  /** Original properties by key, to carry their comments over. */
  properties: Map<string, Node>;
}

const IDENTIFIER_RE = /^[A-Za-z_$][\w$]*$/;

function isProperty(node: Node): boolean {
  return node.type === "ObjectProperty" || node.type === "Property";
}

function keyOf(property: Node): string | undefined {
  if (property.computed) return undefined;
  const key = property.key;
  if (key.type === "Identifier") return key.name;
  if ((key.type === "StringLiteral" || key.type === "Literal") && typeof key.value === "string") return key.value;
  return undefined;
}

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
    case "TSAsExpression":
    case "TSSatisfiesExpression":
      return node.typeAnnotation?.type === "TSTypeReference" && node.typeAnnotation.typeName?.name === "const"
        ? evaluateValue(node.expression)
        : { opaque: node };
    default:
      return { opaque: node };
  }
}

/** Evaluate an object literal; unknown values stay as their AST nodes. */
export function evaluateObject(node: Node): EvaluatedObject {
  const result: EvaluatedObject = { value: {}, partial: false, spreads: [], properties: new Map() };
  for (const property of node.properties as Node[]) {
    if (property.type === "SpreadElement" || property.type === "SpreadProperty") {
      result.partial = true;
      result.spreads.push(property);
      continue;
    }
    const key = isProperty(property) ? keyOf(property) : undefined;
    if (key === undefined) {
      result.partial = true;
      continue;
    }
    result.value[key] = evaluateValue(property.value);
    result.properties.set(key, property);
  }
  return result;
}

/** Print a mapped value back as an expression, reusing opaque nodes. */
export function buildValue(j: JSCodeshift, value: RequestValue): any {
  if (value === null) return j.nullLiteral();
  if (typeof value === "string") return j.stringLiteral(value);
  if (typeof value === "number") return value < 0 ? j.unaryExpression("-", j.numericLiteral(-value)) : j.numericLiteral(value);
  if (typeof value === "boolean") return j.booleanLiteral(value);
  if (isOpaque(value)) return value.opaque;
  if (Array.isArray(value)) return j.arrayExpression(value.map((v) => buildValue(j, v)));
  return buildObject(j, value);
}

function buildKey(j: JSCodeshift, key: string) {
  return IDENTIFIER_RE.test(key) ? j.identifier(key) : j.stringLiteral(key);
}

/** A property `key: value`, shorthand when the value is the identifier of the same name. */
export function buildProperty(j: JSCodeshift, key: string, value: RequestValue, original?: Node): any {
  const built = buildValue(j, value);
  const property = j.objectProperty(buildKey(j, key), built) as any;
  if (built?.type === "Identifier" && built.name === key) property.shorthand = true;
  if (original && keyOf(original) === key && original.comments) property.comments = original.comments;
  return property;
}

/**
 * Print a mapped object: spreads of the original first, then the mapped keys. Properties whose key
 * did not change keep their comments.
 */
export function buildObject(j: JSCodeshift, value: RequestObject, original?: EvaluatedObject, leading: any[] = []): any {
  const properties = Object.entries(value).map(([key, v]) => buildProperty(j, key, v, original?.properties.get(key)));
  return j.objectExpression([...leading, ...(original?.spreads ?? []), ...properties]);
}
