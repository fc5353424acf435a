import type { JSCodeshift } from "jscodeshift";
import { isCall, isFunction, isMember, memberKey, propertyKey, TRANSPARENT, type AnyNode, type AnyPath } from "./ast.js";
import { callSites, findBinding, functionBinding, functionOf, getReferences, isExported } from "./scope.js";

// Where does a value go within the file? From an expression (or a binding) we follow it through
// `await`, wrappers, `const`/`let` bindings, destructuring, `.then` callbacks, arguments of local
// functions, `resolve(x)` of a `new Promise`, and returns of local functions to their call sites.

export interface ValueFlow {
  /** Expression paths that evaluate to the value (references, awaits, calls of local functions…). */
  exprs: AnyPath[];
  /** Object/array patterns that receive the value. */
  patterns: AnyPath[];
  /** Places where the value leaves what the file shows (an unknown call, a property, an export). */
  sinks: AnyPath[];
  /** Returned from a callback of a method call (`xs.flatMap((x) => value)`): the method and its call. */
  callbackReturns: { method: string; call: AnyPath; from: AnyPath }[];
}

const PATTERNS = new Set(["ObjectPattern", "ArrayPattern"]);

function isDeclaringId(path: AnyPath): boolean {
  return path.node.type === "Identifier" && findBinding(path, path.node.name)?.id.node === path.node;
}

function enclosingFunction(path: AnyPath): AnyPath | undefined {
  for (let current = path.parent; current; current = current.parent) if (isFunction(current.node)) return current;
  return undefined;
}

/** `resolve` of `new Promise((resolve) => …)`: calling it makes the value the promise's. */
function promiseOfResolve(calleePath: AnyPath): AnyPath | undefined {
  if (calleePath.node.type !== "Identifier") return undefined;
  const binding = findBinding(calleePath, calleePath.node.name);
  const executor = binding?.id.parent;
  if (!executor || !isFunction(executor.node) || executor.node.params[0] !== binding!.id.node) return undefined;
  const owner = executor.parent;
  const isPromise = owner.node.type === "NewExpression" && owner.node.callee.type === "Identifier" && owner.node.callee.name === "Promise";
  return isPromise ? owner : undefined;
}

/** Where a function's return value goes: its call sites, or the `.then(...)` it is the callback of. */
function returnTargets(j: JSCodeshift, fn: AnyPath): { paths: AnyPath[]; escapes: boolean } {
  const owner = fn.parent;
  if (isCall(owner.node) && owner.node.arguments[0] === fn.node && ["then", "catch"].includes(memberKey(owner.node.callee) ?? "")) {
    return { paths: [owner], escapes: false };
  }
  const binding = functionBinding(fn);
  if (!binding) return { paths: [], escapes: true };
  return { paths: callSites(j, binding), escapes: isExported(fn) };
}

function argumentTargets(call: AnyPath, index: number): AnyPath[] | undefined {
  const callee = call.node.callee;
  if (callee.type !== "Identifier") return undefined;
  const binding = findBinding(call, callee.name);
  const fn = binding && functionOf(binding);
  if (fn) return fn.node.params[index] ? [fn.get("params", index)] : [];
  const promise = index === 0 ? promiseOfResolve(call.get("callee")) : undefined;
  return promise ? [promise] : undefined;
}

/** The next paths the value reaches from `path`, one step up. */
function step(j: JSCodeshift, path: AnyPath, flow: ValueFlow): AnyPath[] {
  const parent = path.parent;
  const pn = parent?.node;
  const node = path.node;
  if (!pn) return [];
  if (TRANSPARENT.has(pn.type) || pn.type === "AwaitExpression") return [parent];
  if (pn.type === "ConditionalExpression" && pn.test !== node) return [parent];
  if (pn.type === "LogicalExpression" && (pn.operator !== "&&" || pn.right === node)) return [parent];
  if (pn.type === "SequenceExpression" && pn.expressions.at(-1) === node) return [parent];
  if (pn.type === "VariableDeclarator" && pn.init === node) return [parent.get("id")];
  if (pn.type === "AssignmentExpression" && pn.right === node && pn.operator === "=") {
    if (pn.left.type === "Identifier") {
      const binding = findBinding(parent, pn.left.name);
      return binding ? [binding.id, parent] : [parent];
    }
    if (PATTERNS.has(pn.left.type)) return [parent.get("left"), parent];
    flow.sinks.push(path);
    return [parent];
  }
  if (pn.type === "ReturnStatement" || (pn.type === "ArrowFunctionExpression" && pn.body === node)) {
    const fn = pn.type === "ReturnStatement" ? enclosingFunction(path) : parent;
    if (!fn) return [];
    const owner = fn.parent;
    const method = isCall(owner.node) && owner.node.arguments[0] === fn.node ? memberKey(owner.node.callee) : undefined;
    if (method && !["then", "catch"].includes(method)) {
      flow.callbackReturns.push({ method, call: owner, from: path });
      return [];
    }
    const { paths, escapes } = returnTargets(j, fn);
    if (escapes) flow.sinks.push(path);
    return paths;
  }
  if ((isCall(pn) || pn.type === "NewExpression") && pn.callee !== node) {
    const index = pn.arguments.indexOf(node);
    const targets = index >= 0 ? argumentTargets(parent, index) : undefined;
    if (targets) return targets;
    flow.sinks.push(path);
    return [];
  }
  if (isMember(pn) && pn.object === node && isCall(parent.parent?.node) && parent.parent.node.callee === pn) {
    const key = memberKey(pn);
    const call = parent.parent;
    const callback = call.node.arguments[0];
    if (key === "then" && callback && isFunction(callback)) {
      return callback.params[0] ? [call.get("arguments", 0, "params", 0)] : [];
    }
    if (key === "catch" || key === "finally") return [call];
  }
  if (["ArrayExpression", "SpreadElement", "ThrowStatement", "ExportDefaultDeclaration", "YieldExpression"].includes(pn.type)) {
    flow.sinks.push(path);
    return [];
  }
  if (pn.type === "ObjectProperty" && pn.value === node && parent.parent?.node.type === "ObjectExpression") {
    flow.sinks.push(path);
    return [];
  }
  return [];
}

/** Follow a value from its starting points (expressions, declaring identifiers, or patterns). */
export function followValue(j: JSCodeshift, starts: AnyPath[]): ValueFlow {
  const flow: ValueFlow = { exprs: [], patterns: [], sinks: [], callbackReturns: [] };
  const seen = new Set<AnyNode>();
  const queue = [...starts];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (!path?.node || seen.has(path.node)) continue;
    seen.add(path.node);
    if (PATTERNS.has(path.node.type)) {
      flow.patterns.push(path);
    } else if (path.node.type === "AssignmentPattern") {
      queue.push(path.get("left"));
    } else if (isDeclaringId(path)) {
      const binding = findBinding(path, path.node.name)!;
      queue.push(...getReferences(j, binding).filter((ref) => !(ref.parent.node.type === "AssignmentExpression" && ref.parent.node.left === ref.node)));
    } else {
      flow.exprs.push(path);
      queue.push(...step(j, path, flow));
    }
  }
  return flow;
}

/** Reads of `key` on the value: `v.key` / `v?.["key"]` member paths, and `{ key: x } = v` value paths. */
export function keyReads(flow: ValueFlow, key: string): { members: AnyPath[]; destructured: AnyPath[] } {
  const members = flow.exprs
    .map((expr) => (isMember(expr.parent?.node) && expr.parent.node.object === expr.node ? expr.parent : undefined))
    .filter((m): m is AnyPath => m !== undefined && memberKey(m.node) === key);
  const destructured = flow.patterns
    .filter((p) => p.node.type === "ObjectPattern")
    .flatMap((p) => p.node.properties.map((prop: AnyNode, i: number) => (propertyKey(prop) === key ? p.get("properties", i, "value") : undefined)))
    .filter((p: AnyPath | undefined): p is AnyPath => p !== undefined);
  return { members, destructured };
}
