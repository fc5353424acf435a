import type { JSCodeshift } from "jscodeshift";
import { isIdentifierName, type AnyNode } from "../../shared/ast.js";
import { isOpaque, type RequestObject, type RequestValue } from "../../../src/mapping/request.js";

// `mapRequest` params back to an object literal: Opaque leaves are the original nodes, new values
// are new literals (recast prints them in the file's quote style).

export interface PrintStyle {
  /** The original object quoted its keys (`"audio_url": …`): keep doing so. */
  quotedKeys: boolean;
}

function printKey(j: JSCodeshift, key: string, style: PrintStyle): AnyNode {
  return style.quotedKeys || !isIdentifierName(key) ? j.stringLiteral(key) : j.identifier(key);
}

export function printValue(j: JSCodeshift, value: RequestValue, style: PrintStyle): AnyNode {
  if (isOpaque(value)) return value.opaque as AnyNode;
  if (value === null) return j.nullLiteral();
  if (Array.isArray(value)) return j.arrayExpression(value.map((v) => printValue(j, v, style)));
  switch (typeof value) {
    case "string":
      return j.stringLiteral(value);
    case "number":
      return j.numericLiteral(value);
    case "boolean":
      return j.booleanLiteral(value);
    default:
      return printObject(j, value as RequestObject, style);
  }
}

export function printProperty(j: JSCodeshift, key: string, value: RequestValue, style: PrintStyle): AnyNode {
  const node = j.objectProperty(printKey(j, key, style), printValue(j, value, style));
  const valueNode = node.value as AnyNode;
  if (!style.quotedKeys && valueNode.type === "Identifier" && valueNode.name === key) node.shorthand = true;
  return node;
}

export function printObject(j: JSCodeshift, object: RequestObject, style: PrintStyle): AnyNode {
  return j.objectExpression(Object.entries(object).map(([key, value]) => printProperty(j, key, value, style)));
}

export function styleOf(object: AnyNode): PrintStyle {
  const keys = object.properties.filter((p: AnyNode) => p.type === "ObjectProperty" && !p.computed).map((p: AnyNode) => p.key.type);
  return { quotedKeys: keys.length > 0 && keys.every((t: string) => t === "StringLiteral") };
}
