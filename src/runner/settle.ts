import type { FileResult, ManifestUse } from "../core/types.js";
import type { AnalysisHints } from "../analysis/hints.js";
import type { ProcessedText } from "../core/process-text.js";
import type { RunMode } from "../report/types.js";
import type { DiscoveredFile } from "./discover.js";
import { redactSecrets, unifiedDiff } from "./diff.js";
import { CodeUse, MANIFEST_LANGUAGES } from "./manifest-use.js";
import { runTasks } from "./pool.js";
import type { FileTask } from "./process-file.js";
import type { SourceStats } from "./read.js";
import { writeSafely } from "./write.js";

// The candidates' half of a run (loaded only when some file passed the pre-filter): transform
// them (pool or in-process), then, in the main thread and in order, diff or write each result.
// Manifests go last: what they keep depends on what the migrated code imports.

export interface Candidate {
  file: DiscoveredFile;
  text: string;
  stats: SourceStats;
  /** What the type pass found in this file (plain JSON: it goes to workers as is). */
  hints?: AnalysisHints;
}

export interface SettleOptions {
  mode: RunMode;
  jobs: number;
  format: boolean;
  transform: FileTask["options"];
  /** Every package.json of the run (absolute paths): which code each one serves. */
  manifests: string[];
}

function toTask(candidate: Candidate, options: SettleOptions, manifestUse?: ManifestUse): FileTask {
  const { file, text, hints } = candidate;
  const transform = {
    ...options.transform,
    ...(hints ? { hints: hints as unknown as Record<string, unknown> } : {}),
    ...(manifestUse ? { manifestUse } : {}),
  };
  return { relPath: file.relPath, displayPath: file.displayPath, absPath: file.absPath, language: file.entry.name, text, options: transform, format: options.format };
}

/** A changed file: its diff (keys hidden) in a dry run, written (or refused) when applying. */
async function settleChange(candidate: Candidate, processed: ProcessedText, mode: RunMode): Promise<FileResult> {
  const { result, newText } = processed;
  if (result.status !== "changed" || newText === undefined) return result;
  if (mode !== "apply") {
    const diff = await unifiedDiff(candidate.file.displayPath, candidate.text, newText);
    return { ...result, diff: redactSecrets(diff, newText, result.secretLines) };
  }
  const refused = await writeSafely(candidate.file, candidate.stats, newText);
  return refused ? { ...result, status: "failed", reason: refused } : result;
}

type OnSettled = (index: number, result: FileResult) => void;

/** Settles the candidates at `indices`, in that order; `onProcessed` sees each one's final text. */
async function settleGroup(candidates: Candidate[], indices: number[], tasks: FileTask[], options: SettleOptions, onSettled: OnSettled, onProcessed?: (candidate: Candidate, text: string) => void): Promise<void> {
  await runTasks(tasks, options.jobs, async (k, processed) => {
    const candidate = candidates[indices[k]];
    onProcessed?.(candidate, processed.newText ?? candidate.text);
    onSettled(indices[k], await settleChange(candidate, processed, options.mode));
    candidate.text = tasks[k].text = ""; // let the source go once settled
    delete candidate.hints;
  });
}

/**
 * Calls `onSettled` for each candidate as results stream back: code files in order, then the
 * manifests in order, once the code they serve is migrated (see manifest-use.ts).
 */
export async function settleCandidates(candidates: Candidate[], options: SettleOptions, onSettled: OnSettled): Promise<void> {
  const isManifest = (index: number) => MANIFEST_LANGUAGES.has(candidates[index].file.entry.name);
  const indices = candidates.map((_, index) => index);
  const code = indices.filter((index) => !isManifest(index));
  const manifests = indices.filter(isManifest);
  const use = manifests.length > 0 ? new CodeUse(options.manifests, options.transform.strategy) : undefined;
  const codeTasks = code.map((index) => toTask(candidates[index], options));
  await settleGroup(candidates, code, codeTasks, options, onSettled, use && ((candidate, text) => use.record(candidate.file, text)));
  if (!use) return;
  const manifestTasks = manifests.map((index) => toTask(candidates[index], options, use.forManifest(candidates[index].file)));
  await settleGroup(candidates, manifests, manifestTasks, options, onSettled);
}
