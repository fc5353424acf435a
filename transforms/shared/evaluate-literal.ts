import type { JSCodeshift } from "jscodeshift";
import { propertyKey, unwrap, unwrapPath, type AnyNode, type AnyPath } from "./ast.js";
import { constInit, findBinding } from "./scope.js";
import type { RequestObject, RequestValue } from "../../src/mapping/request.js";

// A request object literal (raw-HTTP body, SDK options) as a `RequestValue` for `mapRequest`:
// strings, booleans, null, arrays and objects become values the mapping can read; every other leaf
// (numbers, identifiers, calls) is an Opaque handle holding its AST node, printed back as written.
// With `resolve` (the default) constants holding object literals are read through, and
// `...(c ? A : B)` spreads are kept as branches; without it both are unknown spreads/values.

export interface EvaluateOptions {
  resolve?: boolean;
}

export interface ConditionalSpread {
  /** The spread element `...(c ? A : B)` / `...(c && A)`. */
  path: AnyPath;
  /** Branch object literals (the `&&` form has only the consequent). */
  branches: AnyPath[];
}

export interface EvaluatedBody {
  /** The object literal. */
  node: AnyNode;
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
function objectLiteral(j: JSCodeshift, path: AnyPath, options: EvaluateOptions): { object: AnyPath; constant?: AnyPath } | undefined {
  const node = unwrap(path.node);
  if (node.type === "ObjectExpression") return { object: unwrapPath(path) };
  if (node.type !== "Identifier" || options.resolve === false) return undefined;
  const binding = findBinding(path, node.name);
  const init = binding && constInit(j, binding);
  const inner = init && objectLiteral(j, init, options);
  return inner ? { object: inner.object, constant: binding!.id } : undefined;
}

export function evaluateValue(j: JSCodeshift, path: AnyPath, options: EvaluateOptions = {}): RequestValue {
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
      return node.elements.map((_el: AnyNode, i: number) => evaluateValue(j, unwrapPath(path).get("elements", i), options));
    case "ObjectExpression":
    case "Identifier": {
      const literal = objectLiteral(j, path, options);
      if (!literal) return opaque(path.node);
      const nested = evaluateObject(j, literal.object, options);
      return nested.partial ? opaque(path.node) : nested.body;
    }
    default:
      return opaque(path.node);
  }
}

function conditionalBranches(j: JSCodeshift, spread: AnyPath, options: EvaluateOptions): AnyPath[] | undefined {
  if (options.resolve === false) return undefined;
  const target = unwrapPath(spread.get("argument"));
  const node = target.node;
  const sides = node.type === "ConditionalExpression" ? ["consequent", "alternate"] : node.type === "LogicalExpression" && node.operator === "&&" ? ["right"] : [];
  if (sides.length === 0) return undefined;
  const branches = sides.map((side) => objectLiteral(j, target.get(side), options));
  if (branches.some((b) => !b || b.constant)) return undefined;
  return branches.map((b) => b!.object);
}

export function evaluateObject(j: JSCodeshift, object: AnyPath, options: EvaluateOptions = {}): EvaluatedBody {
  const result: EvaluatedBody = { node: object.node, body: {}, partial: false, kept: [], conditionals: [], inlinedConstants: [], properties: new Map() };
  object.node.properties.forEach((prop: AnyNode, i: number) => {
    const propPath = object.get("properties", i);
    const keysBefore = Object.keys(result.body);
    if (prop.type === "SpreadElement") {
      const literal = objectLiteral(j, propPath.get("argument"), options);
      const branches = literal ? undefined : conditionalBranches(j, propPath, options);
      if (literal) {
        const inner = evaluateObject(j, literal.object, options);
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
    result.body[key] = prop.shorthand ? opaque(prop.value) : evaluateValue(j, propPath.get("value"), options);
    result.properties.set(key, prop);
  });
  return result;
}
