import type { JsContext } from "../../shared/context.js";
import { isIdentifierName, type AnyNode } from "../../shared/ast.js";
import { isOpaque, type RequestObject, type RequestValue } from "../../../src/mapping/request.js";

// `mapRequest` params back to nodes: Opaque leaves are the original nodes, new values are new
// literals (laid out at print time by shared/print/format-later.ts).

export function printValue(ctx: JsContext, value: RequestValue): AnyNode {
  const { j } = ctx;
  if (isOpaque(value)) return value.opaque as AnyNode;
  if (value === null) return j.nullLiteral();
  if (Array.isArray(value)) return j.arrayExpression(value.map((v) => printValue(ctx, v)));
  switch (typeof value) {
    case "string":
      return j.stringLiteral(value);
    case "number":
      return j.numericLiteral(value);
    case "boolean":
      return j.booleanLiteral(value);
    default:
      return j.objectExpression(Object.entries(value as RequestObject).map(([k, v]) => printProperty(ctx, k, v)));
  }
}

export function printProperty(ctx: JsContext, key: string, value: RequestValue): AnyNode {
  const { j } = ctx;
  const node = j.objectProperty(isIdentifierName(key) ? j.identifier(key) : j.stringLiteral(key), printValue(ctx, value));
  const valueNode = node.value as AnyNode;
  if (valueNode.type === "Identifier" && valueNode.name === key) node.shorthand = true;
  return node;
}
