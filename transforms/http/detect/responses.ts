import type { JSCodeshift } from "jscodeshift";
import { isCall, memberKey, parentMember, propertyKey, type AnyPath } from "../../shared/ast.js";
import { followValue } from "../../shared/flow.js";
import type { HttpCall } from "./clients.js";

// From a request call to the parsed JSON body: `await res.json()` (fetch, node-fetch, ky, got),
// `res.data` / `const { data } = …` (axios), through bindings, `.then` chains and local returns.

/** Where the response body (parsed JSON) of this call first appears. */
export function bodyStarts(j: JSCodeshift, call: HttpCall): AnyPath[] {
  const flow = followValue(j, [call.path]);
  if (call.client === "axios") {
    const reads = flow.exprs.map(parentMember).filter((m): m is AnyPath => m !== undefined && memberKey(m.node) === "data");
    const destructured = flow.patterns
      .filter((p) => p.node.type === "ObjectPattern")
      .flatMap((p) => p.node.properties.map((prop: unknown, i: number) => (propertyKey(prop) === "data" ? p.get("properties", i, "value") : undefined)))
      .filter((p: AnyPath | undefined): p is AnyPath => p !== undefined);
    return [...reads, ...destructured];
  }
  return flow.exprs
    .map(parentMember)
    .filter((m): m is AnyPath => m !== undefined && memberKey(m.node) === "json" && isCall(m.parent.node) && m.parent.node.callee === m.node)
    .map((m) => m.parent);
}
