import type { JsStep } from "../shared/context.js";
import { collectFacts } from "./detect/facts.js";
import { describeStep } from "../step-info.js";

// First HTTP step: find the Gladia calls and the values they return (ctx.shared "http:facts").
// It changes nothing; every later http-* step reads the facts.

export const httpDetectStep: JsStep = {
  name: "http-detect",
  description: describeStep("http-detect"),
  run(ctx) {
    if (!/gladia/i.test(ctx.source)) return false;
    collectFacts(ctx);
    return false;
  },
};
