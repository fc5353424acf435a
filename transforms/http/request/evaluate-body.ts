import type { JSCodeshift } from "jscodeshift";
import { propertyKey, unwrap, type AnyNode, type AnyPath } from "../../shared/ast.js";
import { constInit, findBinding } from "../../shared/scope.js";
import type { RequestObject, RequestValue } from "../../../src/mapping/request.js";

// A request body object literal as a `RequestValue` for `mapRequest`: strings, booleans, null,
// arrays and objects become values the mapping can read; every other leaf (numbers, identifiers,
// calls) is an Opaque handle holding its AST node, printed back as written.

export interface ConditionalSpread {
  /** The spread element `...(c ? A : B)` / `...(c && A)`. */
  path: AnyPath;
  /** Branch object literals (the `&&` form has only the consequent). */
  branches: AnyPath[];
}

export interface EvaluatedBody {
  body: RequestObject;
  /** Spreads, computed keys or methods the mapping cannot see into. */
  partial: boolean;
  /** Kept as written, in their original position (unknown spreads, computed keys). */
  kept: { node: AnyNode; keysBefore: string[] }[];
  conditionals: ConditionalSpread[];
  /** `const base = {…}` objects spread into this body (inlined by the rewrite). */
  inlinedConstants: AnyPath[];
  /** Original property nodes by key, for their comments. */
  properties: Map<string, AnyNode>;
}

const opaque = (node: AnyNode): RequestValue => ({ opaque: node });

/** The object literal a spread or value names in this file (`{…}` or a constant holding one). */
function objectLiteral(j: JSCodeshift, path: AnyPath): { object: AnyPath; constant?: AnyPath } | undefined {
  const node = unwrap(path.node);
  if (node.type === "ObjectExpression") {
    let target = path;
    while (target.node !== node) target = target.get("expression");
    return { object: target };
  }
  if (node.type !== "Identifier") return undefined;
  const binding = findBinding(path, node.name);
  const init = binding && constInit(j, binding);
  const inner = init && objectLiteral(j, init);
  return inner ? { object: inner.object, constant: binding!.id } : undefined;
}

export function evaluateValue(j: JSCodeshift, path: AnyPath): RequestValue {
  const node = unwrap(path.node);
  switch (node?.type) {
    case "StringLiteral":
    case "BooleanLiteral":
      return node.value;
    case "NullLiteral":
      return null;
    case "TemplateLiteral":
      return node.expressions.length === 0 ? node.quasis[0].value.cooked : opaque(path.node);
    case "ArrayExpression":
      if (node.elements.some((el: AnyNode) => !el || el.type === "SpreadElement")) return opaque(path.node);
      return node.elements.map((_el: AnyNode, i: number) => evaluateValue(j, elementPath(path, node, i)));
    case "ObjectExpression":
    case "Identifier": {
      const literal = objectLiteral(j, path);
      if (!literal) return opaque(path.node);
      const nested = evaluateObject(j, literal.object);
      return nested.partial ? opaque(path.node) : nested.body;
    }
    default:
      return opaque(path.node);
  }
}

function elementPath(path: AnyPath, node: AnyNode, index: number): AnyPath {
  let target = path;
  while (target.node !== node) target = target.get("expression");
  return target.get("elements", index);
}

function conditionalBranches(j: JSCodeshift, spread: AnyPath): AnyPath[] | undefined {
  const arg = spread.get("argument");
  const node = unwrap(arg.node);
  let target = arg;
  while (target.node !== node) target = target.get("expression");
  const sides = node.type === "ConditionalExpression" ? ["consequent", "alternate"] : node.type === "LogicalExpression" && node.operator === "&&" ? ["right"] : [];
  if (sides.length === 0) return undefined;
  const branches = sides.map((side) => objectLiteral(j, target.get(side)));
  if (branches.some((b) => !b || b.constant)) return undefined;
  return branches.map((b) => b!.object);
}

export function evaluateObject(j: JSCodeshift, object: AnyPath): EvaluatedBody {
  const result: EvaluatedBody = { body: {}, partial: false, kept: [], conditionals: [], inlinedConstants: [], properties: new Map() };
  object.node.properties.forEach((prop: AnyNode, i: number) => {
    const propPath = object.get("properties", i);
    const keysBefore = Object.keys(result.body);
    if (prop.type === "SpreadElement") {
      const literal = objectLiteral(j, propPath.get("argument"));
      const branches = literal ? undefined : conditionalBranches(j, propPath);
      if (literal) {
        const inner = evaluateObject(j, literal.object);
        Object.assign(result.body, inner.body);
        inner.properties.forEach((node, key) => result.properties.set(key, node));
        result.partial ||= inner.partial;
        result.kept.push(...inner.kept);
        if (literal.constant) result.inlinedConstants.push(literal.constant);
      } else if (branches) {
        result.conditionals.push({ path: propPath, branches });
        result.kept.push({ node: prop, keysBefore });
      } else {
        result.partial = true;
        result.kept.push({ node: prop, keysBefore });
      }
      return;
    }
    const key = propertyKey(prop);
    if (key === undefined || prop.type === "ObjectMethod") {
      result.partial = true;
      result.kept.push({ node: prop, keysBefore });
      return;
    }
    result.body[key] = prop.shorthand ? opaque(prop.value) : evaluateValue(j, propPath.get("value"));
    result.properties.set(key, prop);
  });
  return result;
}
