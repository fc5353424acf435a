import type { JsContext, JsStep } from "../shared/context.js";
import { memberKey, parentMember, propertyKey, type AnyNode, type AnyPath } from "../shared/ast.js";
import { followValue } from "../shared/flow.js";
import { findCallbackBodies } from "./callbacks/callback-bodies.js";
import { rewriteCallbackReads } from "./callbacks/callback-reads.js";
import { describeStep } from "../step-info.js";
import { findNodes } from "../shared/find.js";

// Callbacks (mapping §4): handlers (Express, Fastify, Next.js route handlers, plain `http`) that
// read a Gladia callback body. The request-side `callback`/`callback_url` → `webhook_url` is in
// the request mapping.

/** "gladia" in a string, template or name (not only in a comment). */
function mentionsGladiaInCode(ctx: JsContext): boolean {
  const { j, root } = ctx;
  const test = (text: unknown) => typeof text === "string" && /gladia/i.test(text);
  return (
    findNodes(root, j.StringLiteral).some((p: AnyPath) => test(p.node.value)) ||
    findNodes(root, j.TemplateElement).some((p: AnyPath) => test(p.node.value.raw)) ||
    findNodes(root, j.Identifier).some((p: AnyPath) => test(p.node.name))
  );
}

/** The body reads `payload`, which only Gladia's callback shape has next to those events. */
function readsPayload(ctx: JsContext, starts: AnyPath[]): boolean {
  const flow = followValue(ctx.j, starts);
  return (
    flow.exprs.some((e) => memberKey(parentMember(e)?.node) === "payload") ||
    flow.patterns.some((p) => p.node.properties?.some((prop: AnyNode) => propertyKey(prop) === "payload"))
  );
}

export const httpCallbacksStep: JsStep = {
  name: "http-callbacks",
  description: describeStep("http-callbacks"),
  run(ctx) {
    if (!/gladia/i.test(ctx.source) || !/transcription\.(success|error|created)/.test(ctx.source)) return false;
    const mentioned = mentionsGladiaInCode(ctx);
    let changed = false;
    for (const starts of findCallbackBodies(ctx)) {
      if (mentioned || readsPayload(ctx, starts)) changed = rewriteCallbackReads(ctx, starts) || changed;
    }
    return changed;
  },
};
