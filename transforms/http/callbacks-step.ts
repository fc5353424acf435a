import type { JsStep } from "../shared/context.js";
import { findCallbackBodies } from "./callbacks/callback-bodies.js";
import { rewriteCallbackReads } from "./callbacks/callback-reads.js";

// Callbacks (mapping §4): handlers (Express, Fastify, Next.js route handlers, plain `http`) that
// read a Gladia callback body. The request-side `callback`/`callback_url` → `webhook_url` is in
// the request mapping.

export const httpCallbacksStep: JsStep = {
  name: "http-callbacks",
  description: "Gladia callback handlers: id → transcript_id, event → status, payload reads → marker with the fetch",
  run(ctx) {
    if (!/gladia/i.test(ctx.source) || !/transcription\.(success|error|created)/.test(ctx.source)) return false;
    let changed = false;
    for (const starts of findCallbackBodies(ctx)) changed = rewriteCallbackReads(ctx, starts) || changed;
    return changed;
  },
};
