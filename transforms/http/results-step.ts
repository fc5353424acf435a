import type { JsContext, JsStep } from "../shared/context.js";
import { rewriteResultReads, type UnmappedRead } from "../shared/result-reads.js";
import { getFacts } from "./detect/facts.js";
import { fetchSubtitles } from "./results/subtitles-fetch.js";
import { jobsLeaveFile, planSubtitlesFetch } from "./results/subtitles-plan.js";
import { describeStep } from "../step-info.js";

// Reads of a Gladia job fetched over HTTP: result paths, items and units, statuses, error_code;
// subtitles read from the job become a request for them.

export const UTTERANCE_READS_KEY = "http:utterance-reads";
const SUBTITLES_KEY = "http:subtitles";

interface SubtitleReads {
  fetched: number;
  marked: number;
  jobsLeaveFile: boolean;
}

/**
 * Every subtitles read of the file now fetches them, and no job leaves the file: the request's
 * `subtitles` flag needs no human (a note, not a marker).
 */
export function subtitlesAreFetched(ctx: JsContext): boolean {
  const reads = ctx.shared.get(SUBTITLES_KEY) as SubtitleReads | undefined;
  return !!reads && reads.fetched > 0 && reads.marked === 0 && !reads.jobsLeaveFile;
}

export const httpResultsStep: JsStep = {
  name: "http-results",
  description: describeStep("http-results"),
  run(ctx) {
    const facts = getFacts(ctx);
    if (!facts || facts.jobBodies.length === 0) return false;
    const plan = planSubtitlesFetch(ctx, facts);
    // Without a plan no read is fetched, and `jobsLeaveFile` is never asked: skip its walk.
    const subtitles: SubtitleReads = { fetched: 0, marked: 0, jobsLeaveFile: !!plan && jobsLeaveFile(ctx, facts) };
    const rewriteUnmapped = (read: UnmappedRead): boolean => {
      if (read.rule !== "subtitles-result") return false;
      const fetched = !!plan && fetchSubtitles(ctx, plan, read);
      subtitles[fetched ? "fetched" : "marked"]++;
      return fetched;
    };
    const report = rewriteResultReads(ctx, facts.jobBodies.map((path) => ({ path, level: "job" as const })), { rewriteUnmapped });
    ctx.shared.set(UTTERANCE_READS_KEY, report.utteranceReads);
    ctx.shared.set(SUBTITLES_KEY, subtitles);
    return report.changed;
  },
};
