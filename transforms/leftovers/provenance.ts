import type { JsContext } from "../shared/context.js";
import { isMember, patternIdentifiers, unwrap, type AnyNode, type AnyPath } from "../shared/ast.js";
import { followValue } from "../shared/flow.js";
import { collectFacts, getFacts } from "../http/detect/facts.js";
import type { HttpCall } from "../http/detect/clients.js";
import { bodyStarts } from "../http/detect/responses.js";
import { evaluate, type UrlValue } from "../http/detect/url-value.js";
import { GLADIA_ORIGIN_RE } from "../../src/mapping/transport.js";

// Values provably from another API: the JSON of an HTTP call to another host, and of a call whose
// URL was read from such a JSON (`fetch(created.result_url)` of a look-alike API), followed through
// the file like the Gladia values are.

export interface ForeignValues {
  exprs: Set<AnyNode>;
  patterns: Set<AnyNode>;
}

function isOtherHost(value: UrlValue): boolean {
  if (value.alternatives) return value.alternatives.every(isOtherHost);
  return /^https?:\/\//i.test(value.text) && !GLADIA_ORIGIN_RE.test(value.text);
}

/** The value and what is read from it (member chains, destructured bindings), one level down. */
function withReads(ctx: JsContext, starts: AnyPath[]): ForeignValues {
  const flow = followValue(ctx.j, starts);
  const reads: AnyPath[] = flow.patterns.flatMap(patternIdentifiers);
  for (const expr of flow.exprs) {
    let top: AnyPath | undefined;
    for (let member = expr.parent; member && isMember(member.node) && member.node.object === (top ?? expr).node; member = member.parent) top = member;
    if (top) reads.push(top);
  }
  const derived = followValue(ctx.j, reads);
  return {
    exprs: new Set([...flow.exprs, ...derived.exprs].map((p) => p.node)),
    patterns: new Set([...flow.patterns, ...derived.patterns].map((p) => p.node)),
  };
}

export function foreignValues(ctx: JsContext): ForeignValues {
  const others = (getFacts(ctx) ?? collectFacts(ctx)).otherCalls;
  const foreign = others.filter((call) => call.url && isOtherHost(evaluate(ctx.j, call.url)));
  let rest: HttpCall[] = others.filter((call) => !foreign.includes(call));
  for (;;) {
    const values = withReads(ctx, foreign.flatMap((call) => bodyStarts(ctx.j, call)));
    const joined = rest.filter((call) => call.url && (values.exprs.has(call.url.node) || values.exprs.has(unwrap(call.url.node))));
    if (joined.length === 0) return values;
    foreign.push(...joined);
    rest = rest.filter((call) => !joined.includes(call));
  }
}

export function isForeign(values: ForeignValues, base: AnyPath): boolean {
  return values.patterns.has(base.node) || values.exprs.has(base.node);
}
