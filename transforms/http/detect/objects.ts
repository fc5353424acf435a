import type { JSCodeshift } from "jscodeshift";
import { propertyKey, staticString, unwrap, type AnyNode, type AnyPath } from "../../shared/ast.js";
import { constInit, findBinding } from "../../shared/scope.js";

// Object literals as the file writes them: options/config objects passed by name, their properties.

/** The object literal an expression is or names (`{…}`, or a constant holding one). */
export function resolveObject(j: JSCodeshift, path: AnyPath | undefined, depth = 0): AnyPath | undefined {
  if (!path?.node || depth > 4) return undefined;
  const node = path.node;
  if (node.type !== unwrap(node).type) return resolveObject(j, path.get("expression"), depth);
  if (node.type === "ObjectExpression") return path;
  if (node.type === "Identifier") {
    const binding = findBinding(path, node.name);
    const init = binding && constInit(j, binding);
    return init ? resolveObject(j, init, depth + 1) : undefined;
  }
  return undefined;
}

/** The value path of `key` in an object literal (the last one wins, as at runtime). */
export function propertyValue(object: AnyPath | undefined, key: string): AnyPath | undefined {
  if (!object) return undefined;
  const props: AnyNode[] = object.node.properties;
  for (let i = props.length - 1; i >= 0; i--) {
    if (propertyKey(props[i]) !== key) continue;
    return props[i].type === "ObjectMethod" ? undefined : object.get("properties", i, "value");
  }
  return undefined;
}

/** The property path (not its value) of `key`. */
export function propertyPath(object: AnyPath | undefined, key: string): AnyPath | undefined {
  const value = propertyValue(object, key);
  return value?.parent;
}

/** Upper-case HTTP method from `{ method: "post" }`; `fallback` when absent, undefined when dynamic. */
export function methodOf(object: AnyPath | undefined, fallback: string): string | undefined {
  const value = propertyValue(object, "method");
  // `{ ...init, headers }`: the method may be in the spread.
  if (!value && object?.node.properties.some((p: AnyNode) => p.type === "SpreadElement")) return undefined;
  if (!value) return fallback;
  return staticString(value.node)?.toUpperCase();
}
