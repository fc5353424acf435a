import type { JSCodeshift } from "jscodeshift";
import { isCall, isFunction, patternIdentifiers, type AnyNode, type AnyPath } from "./ast.js";
import { findNodes } from "./find.js";

// Block-aware name resolution (ast-types' own scopes ignore `let`/`const` blocks, and polling code
// redeclares `const res` in every loop body).

export interface Binding {
  name: string;
  /** The node that declares it: a block, a function, a `for`, a `catch`, the program. */
  scope: AnyPath;
  /** The declaring identifier. */
  id: AnyPath;
}

const TYPE_ONLY_PARENT = /^TS(?!AsExpression|NonNullExpression|SatisfiesExpression|TypeAssertion|ParameterProperty|ExportAssignment)/;

/** Is this Identifier a value reference (not a property key, label, or type name)? */
export function isReference(path: AnyPath): boolean {
  const parent = path.parent?.node;
  const node = path.node;
  if (!parent) return true;
  if ((parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") && parent.property === node) return parent.computed;
  if (/Property|Method/.test(parent.type) && parent.key === node) return parent.computed;
  if (["LabeledStatement", "BreakStatement", "ContinueStatement"].includes(parent.type)) return false;
  if (parent.type === "ImportSpecifier" || parent.type === "ImportDefaultSpecifier" || parent.type === "ImportNamespaceSpecifier") return false;
  if (parent.type === "ExportSpecifier" && parent.exported === node && parent.local !== node) return false;
  if (parent.type === "MetaProperty") return false;
  return !TYPE_ONLY_PARENT.test(parent.type);
}

function declarationIds(path: AnyPath): AnyPath[] {
  const node = path.node;
  switch (node?.type) {
    case "VariableDeclaration":
      return node.declarations.flatMap((_d: AnyNode, i: number) => patternIdentifiers(path.get("declarations", i, "id")));
    case "FunctionDeclaration":
    case "ClassDeclaration":
      return node.id ? [path.get("id")] : [];
    case "ImportDeclaration":
      return node.specifiers.map((_s: AnyNode, i: number) => path.get("specifiers", i, "local"));
    case "ExportNamedDeclaration":
    case "ExportDefaultDeclaration":
      return node.declaration ? declarationIds(path.get("declaration")) : [];
    default:
      return [];
  }
}

function idsDeclaredBy(path: AnyPath): AnyPath[] {
  const node = path.node;
  if (isFunction(node)) {
    const params = node.params.flatMap((_p: AnyNode, i: number) => patternIdentifiers(path.get("params", i)));
    return node.type === "FunctionExpression" && node.id ? [...params, path.get("id")] : params;
  }
  switch (node.type) {
    case "Program":
    case "BlockStatement":
    case "StaticBlock":
    case "TSModuleBlock":
      return node.body.flatMap((_s: AnyNode, i: number) => declarationIds(path.get("body", i)));
    case "SwitchStatement":
      return node.cases.flatMap((c: AnyNode, i: number) =>
        c.consequent.flatMap((_s: AnyNode, k: number) => declarationIds(path.get("cases", i, "consequent", k))),
      );
    case "ForStatement":
      return node.init ? declarationIds(path.get("init")) : [];
    case "ForOfStatement":
    case "ForInStatement":
      return declarationIds(path.get("left"));
    case "CatchClause":
      return node.param ? patternIdentifiers(path.get("param")) : [];
    default:
      return [];
  }
}

/**
 * Declarations per scope node, cached while the tree is only read (see `withBindingCache`): the
 * detection step resolves every call's callee, which would otherwise rescan each block per call.
 */
let declarationCache: WeakMap<object, AnyPath[]> | undefined;

function declaredIn(path: AnyPath): AnyPath[] {
  if (!declarationCache) return idsDeclaredBy(path);
  let ids = declarationCache.get(path.node);
  if (!ids) declarationCache.set(path.node, (ids = idsDeclaredBy(path)));
  return ids;
}

/** Run a read-only analysis with declarations cached (the tree must not change inside `fn`). */
export function withBindingCache<T>(fn: () => T): T {
  const outer = declarationCache;
  declarationCache = outer ?? new WeakMap();
  try {
    return fn();
  } finally {
    declarationCache = outer;
  }
}

/** The binding `name` refers to at `path`, or undefined (a global or an import we cannot see). */
export function findBinding(path: AnyPath, name: string): Binding | undefined {
  for (let current: AnyPath | null = path; current; current = current.parent) {
    const id = declaredIn(current).find((p) => p.node.name === name);
    if (id) return { name, scope: current, id };
  }
  return undefined;
}

/** The binding an Identifier path refers to or declares. */
export function bindingOf(idPath: AnyPath): Binding | undefined {
  return idPath.node?.type === "Identifier" ? findBinding(idPath, idPath.node.name) : undefined;
}

/** Every reference to a binding (reads and writes), excluding its declaration. */
export function getReferences(j: JSCodeshift, binding: Binding): AnyPath[] {
  // A function filter, not `{ name }`: the same test (an Identifier's `name` is its own), without
  // matchNode's generic object comparison for every Identifier of the scope.
  return findNodes(binding.scope, j.Identifier, (node: AnyNode) => node.name === binding.name)
    .paths()
    .filter((p) => p.node !== binding.id.node && isReference(p) && findBinding(p, binding.name)?.id.node === binding.id.node);
}

/** Is the binding ever reassigned after its declaration? */
export function isReassigned(j: JSCodeshift, binding: Binding): boolean {
  return getReferences(j, binding).some((ref) => {
    const parent = ref.parent.node;
    return (parent.type === "AssignmentExpression" && parent.left === ref.node) || parent.type === "UpdateExpression";
  });
}

/** The binding that names a function: `function f`, `const f = () => …`, `const f = function …`. */
export function functionBinding(fnPath: AnyPath): Binding | undefined {
  const node = fnPath.node;
  if (node.type === "FunctionDeclaration" && node.id) return findBinding(fnPath.parent, node.id.name);
  const parent = fnPath.parent?.node;
  if (parent?.type === "VariableDeclarator" && parent.init === node && parent.id.type === "Identifier") {
    return findBinding(fnPath.parent, parent.id.name);
  }
  return undefined;
}

/** Call expressions `f(…)` whose callee is this binding. */
export function callSites(j: JSCodeshift, binding: Binding): AnyPath[] {
  return getReferences(j, binding)
    .filter((ref) => isCall(ref.parent.node) && ref.parent.node.callee === ref.node)
    .map((ref) => ref.parent);
}

/** The function a binding names, when it is declared in this file as a function. */
export function functionOf(binding: Binding): AnyPath | undefined {
  const parent = binding.id.parent;
  if (isFunction(parent.node) && parent.node.id === binding.id.node) return parent;
  if (parent.node.type === "VariableDeclarator" && parent.node.id === binding.id.node && parent.node.init) {
    const init = parent.get("init");
    if (isFunction(init.node) || init.node.type === "FunctionExpression") return init;
  }
  return undefined;
}

/** The initialiser of a `const` (or never-reassigned `let`) binding. */
export function constInit(j: JSCodeshift, binding: Binding): AnyPath | undefined {
  const declarator = binding.id.parent;
  if (declarator.node.type !== "VariableDeclarator" || declarator.node.id !== binding.id.node || !declarator.node.init) return undefined;
  const declaration = declarator.parent.node;
  if (declaration.kind !== "const" && isReassigned(j, binding)) return undefined;
  return declarator.get("init");
}

/** Is the enclosing function (or the binding) exported from the module? */
export function isExported(path: AnyPath): boolean {
  for (let current: AnyPath | null = path; current; current = current.parent) {
    if (current.node.type === "ExportNamedDeclaration" || current.node.type === "ExportDefaultDeclaration") return true;
    if (current.node.type === "Program") return false;
  }
  return false;
}
