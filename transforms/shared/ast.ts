import type { ASTPath } from "jscodeshift";

// Small, parser-neutral questions about Babel AST nodes (every jscodeshift parser used here is Babel).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNode = any;
export type AnyPath = ASTPath<AnyNode>;

export function isMember(node: AnyNode): boolean {
  return node?.type === "MemberExpression" || node?.type === "OptionalMemberExpression";
}

export function isCall(node: AnyNode): boolean {
  return node?.type === "CallExpression" || node?.type === "OptionalCallExpression";
}

export function isFunction(node: AnyNode): boolean {
  return ["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression", "ObjectMethod", "ClassMethod"].includes(node?.type);
}

export function isStringLiteral(node: AnyNode): boolean {
  return node?.type === "StringLiteral" || (node?.type === "Literal" && typeof node.value === "string");
}

export function isNumericLiteral(node: AnyNode): boolean {
  return node?.type === "NumericLiteral" || (node?.type === "Literal" && typeof node.value === "number");
}

/** The static text of a string literal or an expression-free template literal. */
export function staticString(node: AnyNode): string | undefined {
  if (isStringLiteral(node)) return node.value;
  if (node?.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
}

/** `a.b` → "b", `a["b"]` → "b"; undefined for any other computed access. */
export function memberKey(node: AnyNode): string | undefined {
  if (!isMember(node)) return undefined;
  if (!node.computed && node.property.type === "Identifier") return node.property.name;
  if (node.computed) return staticString(node.property);
  return undefined;
}

/** Key of an object property or pattern property (identifier or string literal, not computed). */
export function propertyKey(node: AnyNode): string | undefined {
  if (!node || !["ObjectProperty", "Property", "ObjectMethod"].includes(node.type)) return undefined;
  if (!node.computed && node.key.type === "Identifier") return node.key.name;
  return staticString(node.key);
}

/** Wrappers that do not change the value: `(x)`, `x as T`, `x!`, `x satisfies T`, `<T>x`. */
export const TRANSPARENT = new Set([
  "ParenthesizedExpression",
  "TSAsExpression",
  "TSNonNullExpression",
  "TSSatisfiesExpression",
  "TSTypeAssertion",
  "TypeCastExpression",
]);

/** Strip transparent wrappers from a node. */
export function unwrap(node: AnyNode): AnyNode {
  let current = node;
  while (current && TRANSPARENT.has(current.type)) current = current.expression;
  return current;
}

/** An expression that can be repeated without side effects: `x`, `this`, `a.b.c`, `a["b"]`. */
export function isPure(node: AnyNode): boolean {
  const n = unwrap(node);
  if (n?.type === "Identifier" || n?.type === "ThisExpression") return true;
  return isMember(n) && memberKey(n) !== undefined && isPure(n.object);
}

/** Is `path` the object of a member access (`path.x`), possibly through transparent wrappers? */
export function parentMember(path: AnyPath): AnyPath | undefined {
  const parent = path.parent;
  if (parent && isMember(parent.node) && parent.node.object === path.node) return parent;
  return undefined;
}

/** Paths of every Identifier a pattern binds (`{ a, b: [c] }` → a, c). */
export function patternIdentifiers(path: AnyPath): AnyPath[] {
  const node = path.node;
  switch (node?.type) {
    case "Identifier":
      return [path];
    case "ObjectPattern":
      return node.properties.flatMap((_p: AnyNode, i: number) => {
        const prop = path.get("properties", i);
        return prop.node.type === "RestElement" ? patternIdentifiers(prop.get("argument")) : patternIdentifiers(prop.get("value"));
      });
    case "ArrayPattern":
      return node.elements.flatMap((el: AnyNode, i: number) => (el ? patternIdentifiers(path.get("elements", i)) : []));
    case "AssignmentPattern":
      return patternIdentifiers(path.get("left"));
    case "RestElement":
      return patternIdentifiers(path.get("argument"));
    case "TSParameterProperty":
      return patternIdentifiers(path.get("parameter"));
    default:
      return [];
  }
}

/** Is this expression path written to (assignment target, `++`, `delete`)? */
export function isWriteTarget(path: AnyPath): boolean {
  const parent = path.parent?.node;
  if (!parent) return false;
  if (parent.type === "AssignmentExpression" && parent.left === path.node) return true;
  if (parent.type === "UpdateExpression") return true;
  return parent.type === "UnaryExpression" && parent.operator === "delete";
}

/** A valid JS identifier name (for printing a key without quotes). */
export function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}
