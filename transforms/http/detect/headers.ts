import type { JSCodeshift } from "jscodeshift";
import { isCall, isFunction, isMember, memberKey, propertyKey, staticString, type AnyPath } from "../../shared/ast.js";
import { findBinding, getReferences, constInit, functionOf, isReference } from "../../shared/scope.js";
import { AUTH_HEADER } from "../../../src/mapping/transport.js";
import { findNodes } from "../../shared/find.js";

// Is the Gladia auth header (`x-gladia-key`, any casing) in these headers? Followed through
// constants, spreads, `new Headers(...)`, `headers.set(...)`, and helper functions that return them.

const MAX_DEPTH = 4;

export function isGladiaHeaderName(text: string | undefined): boolean {
  return text !== undefined && text.toLowerCase() === AUTH_HEADER.gladia;
}

function headerSetOnBinding(j: JSCodeshift, id: AnyPath): boolean {
  const binding = findBinding(id, id.node.name);
  if (!binding) return false;
  return getReferences(j, binding).some((ref) => {
    const member = ref.parent.node;
    const call = ref.parent.parent?.node;
    return isMember(member) && member.object === ref.node && ["set", "append"].includes(memberKey(member) ?? "") &&
      isCall(call) && isGladiaHeaderName(staticString(call.arguments[0]));
  });
}

function returnsGladiaHeader(j: JSCodeshift, fn: AnyPath, depth: number): boolean {
  if (fn.node.body.type !== "BlockStatement") return containsGladiaHeader(j, fn.get("body"), depth + 1);
  return findNodes(fn.get("body"), j.ReturnStatement).paths().some((ret) => ret.node.argument && containsGladiaHeader(j, ret.get("argument"), depth + 1));
}

/** Does the expression (headers object, Headers instance, helper call…) carry `x-gladia-key`? */
export function containsGladiaHeader(j: JSCodeshift, path: AnyPath | undefined, depth = 0): boolean {
  if (!path?.node || depth > MAX_DEPTH) return false;
  const direct = findNodes(path, j.Node)
    .paths()
    .concat([path])
    .some((p: AnyPath) => isGladiaHeaderName(staticString(p.node)) || isGladiaHeaderName(propertyKey(p.node)));
  if (direct) return true;
  const identifiers: AnyPath[] = path.node.type === "Identifier" ? [path] : findNodes(path, j.Identifier).paths().filter(isReference);
  return identifiers.some((id) => {
    const binding = findBinding(id, id.node.name);
    if (!binding) return false;
    const init = constInit(j, binding);
    if (init && containsGladiaHeader(j, init, depth + 1)) return true;
    if (headerSetOnBinding(j, binding.id)) return true;
    const fn = functionOf(binding);
    const called = isCall(id.parent.node) && id.parent.node.callee === id.node;
    return Boolean(fn && called && isFunction(fn.node) && returnsGladiaHeader(j, fn, depth));
  });
}

/** Any `x-gladia-key` header name anywhere in the file (axios defaults, header constants…). */
export function fileMentionsGladiaHeader(source: string): boolean {
  return /x-gladia-key/i.test(source);
}

