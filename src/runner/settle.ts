import type { FileResult } from "../core/types.js";
import type { ProcessedText } from "../core/process-text.js";
import type { RunMode } from "../report/types.js";
import type { DiscoveredFile } from "./discover.js";
import { redactSecrets, unifiedDiff } from "./diff.js";
import { runTasks } from "./pool.js";
import type { FileTask } from "./process-file.js";
import type { SourceStats } from "./read.js";
import { writeSafely } from "./write.js";

// The candidates' half of a run (loaded only when some file passed the pre-filter): transform
// them (pool or in-process), then, in the main thread and in order, diff or write each result.

export interface Candidate {
  file: DiscoveredFile;
  text: string;
  stats: SourceStats;
}

export interface SettleOptions {
  mode: RunMode;
  jobs: number;
  format: boolean;
  transform: FileTask["options"];
}

function toTask(candidate: Candidate, options: SettleOptions): FileTask {
  const { file, text } = candidate;
  return { relPath: file.relPath, displayPath: file.displayPath, absPath: file.absPath, language: file.entry.name, text, options: options.transform, format: options.format };
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

/** Calls `onSettled` for each candidate, in order, as results stream back. */
export async function settleCandidates(candidates: Candidate[], options: SettleOptions, onSettled: (index: number, result: FileResult) => void): Promise<void> {
  const tasks = candidates.map((candidate) => toTask(candidate, options));
  await runTasks(tasks, options.jobs, async (index, processed) => {
    onSettled(index, await settleChange(candidates[index], processed, options.mode));
    candidates[index].text = tasks[index].text = ""; // let the source go once settled
  });
}
