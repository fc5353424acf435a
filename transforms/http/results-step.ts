import type { JsStep } from "../shared/context.js";
import { rewriteResultReads } from "../shared/result-reads.js";
import { getFacts } from "./detect/facts.js";
import { describeStep } from "../step-info.js";

// Reads of a Gladia job fetched over HTTP: result paths, items and units, statuses, error_code.

export const UTTERANCE_READS_KEY = "http:utterance-reads";

export const httpResultsStep: JsStep = {
  name: "http-results",
  description: describeStep("http-results"),
  run(ctx) {
    const facts = getFacts(ctx);
    if (!facts || facts.jobBodies.length === 0) return false;
    const report = rewriteResultReads(ctx, facts.jobBodies.map((path) => ({ path, level: "job" as const })));
    ctx.shared.set(UTTERANCE_READS_KEY, report.utteranceReads);
    return report.changed;
  },
};
