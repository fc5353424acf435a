import type { FileResult, ManifestUse } from "../core/types.js";
import type { AnalysisHints } from "../analysis/hints.js";
import type { ProcessedText } from "../core/process-text.js";
import type { RunMode } from "../report/types.js";
import type { DiscoveredFile } from "./discover.js";
import { redactSecrets, unifiedDiff } from "./diff.js";
import { CodeUse, MANIFEST_LANGUAGES } from "./manifest-use.js";
import type { Job, Pool } from "./pool.js";
import type { FileTask } from "./process-file.js";
import type { SourceStats } from "./read.js";
import { writeSafely } from "./write.js";

// The candidates' half of a run (loaded only when some file passed the pre-filter): transform
// them (pool.ts: worker threads and the main thread), then, in the main thread and in order, diff
// or write each result. Manifests go last: what they keep depends on what the migrated code imports.

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

const isManifest = (candidate: Candidate) => MANIFEST_LANGUAGES.has(candidate.file.entry.name);

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

/**
 * Transforms and settles the candidates of a run. Code files can start before the type pass is
 * over (`startEarly`): those whose final hints differ from none are run again with them.
 */
export class Settlement {
  /** Code candidates sent to the threads before their hints were known: their current jobs. */
  private readonly early = new Map<Candidate, Job>();
  private hintsUsed = false;

  constructor(
    private readonly pool: Pool,
    private readonly options: SettleOptions,
  ) {}

  /**
   * Sends code candidates to the threads now, those least likely to get hints first (`hintRank`,
   * lowest first): a file the threads take before the pass is over runs again if it gets some.
   */
  startEarly(candidates: Candidate[], hintRank: (candidate: Candidate) => number): void {
    const code = candidates.filter((candidate) => !isManifest(candidate));
    const ordered = code.map((candidate) => ({ candidate, rank: hintRank(candidate) })).sort((a, b) => a.rank - b.rank).map(({ candidate }) => candidate);
    for (const candidate of ordered) this.early.set(candidate, this.pool.submit(toTask(candidate, this.options)));
  }

  /**
   * The type pass is over (its hints are on the candidates): an early job of a file it gave hints
   * runs with them. Called as soon as the pass's result arrives, before the main thread can take
   * another stale job; a job a thread has already taken runs again.
   */
  useHints(): void {
    if (this.hintsUsed) return;
    this.hintsUsed = true;
    for (const [candidate, job] of this.early) if (candidate.hints) this.early.set(candidate, this.pool.resubmit(job, toTask(candidate, this.options)));
  }

  /**
   * Calls `onSettled` for each candidate as results come in: code files in order, then the
   * manifests in order, once the code they serve is migrated (see manifest-use.ts).
   */
  async settle(candidates: Candidate[], onSettled: OnSettled): Promise<void> {
    const indices = candidates.map((_, index) => index);
    const code = indices.filter((index) => !isManifest(candidates[index]));
    const manifests = indices.filter((index) => isManifest(candidates[index]));
    const use = manifests.length > 0 ? new CodeUse(this.options.manifests, this.options.transform.strategy) : undefined;
    const codeJobs = code.map((index) => this.jobFor(candidates[index]));
    await this.settleInOrder(candidates, code, codeJobs, onSettled, use && ((candidate, text) => use.record(candidate.file, text)));
    if (!use) return;
    const manifestJobs = manifests.map((index) => this.pool.submit(toTask(candidates[index], this.options, use.forManifest(candidates[index].file))));
    await this.settleInOrder(candidates, manifests, manifestJobs, onSettled);
  }

  /** The job whose result is the candidate's: the early one (with its hints, see `useHints`) or a new one. */
  private jobFor(candidate: Candidate): Job {
    this.useHints();
    const early = this.early.get(candidate);
    this.early.delete(candidate);
    return early ?? this.pool.submit(toTask(candidate, this.options));
  }

  /** Settles the candidates at `indices`, in that order; `onProcessed` sees each one's final text. */
  private async settleInOrder(candidates: Candidate[], indices: number[], jobs: Job[], onSettled: OnSettled, onProcessed?: (candidate: Candidate, text: string) => void): Promise<void> {
    for (const [k, index] of indices.entries()) {
      const candidate = candidates[index];
      const processed = await jobs[k].result;
      onProcessed?.(candidate, processed.newText ?? candidate.text);
      onSettled(index, await settleChange(candidate, processed, this.options.mode));
      candidate.text = jobs[k].task.text = ""; // let the source go once settled
      delete candidate.hints;
    }
  }
}
