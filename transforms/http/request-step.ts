import type { JsContext, JsStep } from "../shared/context.js";
import type { AnyPath } from "../shared/ast.js";
import { doneNodes } from "../shared/item-reads.js";
import { getFacts, type GladiaCall } from "./detect/facts.js";
import { propertyValue } from "./detect/objects.js";
import { bodyTargets, rewriteBody } from "./request/rewrite-body.js";
import { UTTERANCE_READS_KEY } from "./results-step.js";
import { describeStep } from "../step-info.js";

// Request bodies of create calls (mapping §2), wherever the body is built: inline, a variable,
// `JSON.stringify(x)`, axios `data`, ky/got `json`, spreads of known objects, conditional spreads.

/** The expression a create call sends as its JSON body. */
function bodyExpression(call: GladiaCall): AnyPath | undefined {
  if (call.client === "axios") return call.data;
  return propertyValue(call.options, "json") ?? propertyValue(call.options, "body");
}

/** Once per file: the first read of utterances whose request the file does not show. */
function markUtteranceReads(ctx: JsContext, reads: AnyPath[]): void {
  if (reads.length > 0) ctx.mark(reads[0], "utterances-need-speaker-labels");
}

export const httpRequestStep: JsStep = {
  name: "http-request",
  description: describeStep("http-request"),
  run(ctx) {
    const facts = getFacts(ctx);
    const creates = facts?.calls.filter((c) => c.kind === "create") ?? [];
    const utteranceReads = (ctx.shared.get(UTTERANCE_READS_KEY) as AnyPath[] | undefined) ?? [];
    let changed = false;
    let resolved = 0;
    let unresolved = 0;
    for (const call of creates) {
      for (const target of bodyTargets(ctx, bodyExpression(call))) {
        if (!target) {
          ctx.mark(call.path, "request-unresolved");
          unresolved++;
          continue;
        }
        resolved++;
        if (doneNodes(ctx).has(target.object.node)) continue;
        doneNodes(ctx).add(rewriteBody(ctx, target, utteranceReads.length > 0).node);
        changed = true;
      }
    }
    if (resolved === 0 || unresolved > 0) markUtteranceReads(ctx, utteranceReads);
    return changed;
  },
};
