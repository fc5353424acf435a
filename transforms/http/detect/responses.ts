import type { JSCodeshift } from "jscodeshift";
import { isCall, memberKey, parentMember, type AnyPath } from "../../shared/ast.js";
import { followValue, keyReads } from "../../shared/flow.js";
import type { HttpCall } from "./clients.js";

// From a request call to the parsed JSON body: `await res.json()` (fetch, node-fetch, ky, got),
// `res.data` / `const { data } = …` (axios), through bindings, `.then` chains and local returns.

/** Where the response body (parsed JSON) of this call first appears. */
export function bodyStarts(j: JSCodeshift, call: HttpCall): AnyPath[] {
  const flow = followValue(j, [call.path]);
  if (call.client === "axios") {
    const { members, destructured } = keyReads(flow, "data");
    return [...members, ...destructured];
  }
  return flow.exprs
    .map(parentMember)
    .filter((m): m is AnyPath => m !== undefined && memberKey(m.node) === "json" && isCall(m.parent.node) && m.parent.node.callee === m.node)
    .map((m) => m.parent);
}
