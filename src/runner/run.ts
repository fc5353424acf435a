import { realpathSync } from "node:fs";
import { sep } from "node:path";
import type { FileResult, TransformOptions } from "../core/types.js";
import type { ProcessedText } from "../core/process-text.js";
import { RunFacts } from "../report/facts.js";
import { summarise } from "../report/summary.js";
import type { RunMode, RunResult } from "../report/types.js";
import { ownVersion } from "../version.js";
import { discover, type DiscoveredFile } from "./discover.js";
import { redactSecrets, unifiedDiff } from "./diff.js";
import { runTasks } from "./pool.js";
import type { FileTask } from "./process-file.js";
import { fileResult, readCandidate } from "./read.js";
import { writeSafely } from "./write.js";

// The main job: discover → read and pre-filter (main thread) → transform candidates (pool or
// in-process) → diff or write each result as it streams back (main thread) → one RunResult.

export interface RunOptions {
  paths: string[];
  mode: RunMode;
  jobs: number;
  ignore: string[];
  maxFileSize: number;
  /** Run prettier on changed files when the project has a prettier config. */
  format: boolean;
  transform: TransformOptions;
  /** Absolute path of the markdown report: never discovered as a source file. */
  reportPath?: string;
  cwd: string;
}

export interface RunHooks {
  /** How many files need a plug-in's transform (before any is processed). */
  onCandidates?(count: number): void | Promise<void>;
  /** Every settled file; candidates (files a plug-in transformed) stream in discovery order. */
  onFile?(result: FileResult, candidate: boolean): void;
}

interface Candidate {
  file: DiscoveredFile;
  text: string;
  slot: number;
}

function isInsideRoot(file: DiscoveredFile): boolean {
  const root = realpathSync(file.root);
  return realpathSync(file.absPath).startsWith(root.endsWith(sep) ? root : root + sep);
}

function toTask(candidate: Candidate, options: RunOptions): FileTask {
  const { file, text } = candidate;
  return { relPath: file.relPath, displayPath: file.displayPath, absPath: file.absPath, language: file.entry.name, text, options: options.transform, format: options.format };
}

/** A changed file: its diff in a dry run, written (or refused) when applying. */
async function settleChange(candidate: Candidate, processed: ProcessedText, mode: RunMode): Promise<FileResult> {
  const { result, newText } = processed;
  if (result.status !== "changed" || newText === undefined) return result;
  if (mode !== "apply") {
    const diff = await unifiedDiff(candidate.file.displayPath, candidate.text, newText);
    return { ...result, diff: redactSecrets(diff, newText, result.secretLines) };
  }
  const refused = await writeSafely(candidate.file, newText);
  return refused ? { ...result, status: "failed", reason: refused } : result;
}

export async function run(options: RunOptions, hooks: RunHooks = {}): Promise<RunResult> {
  const discovery = discover(options.paths, {
    ignore: options.ignore,
    maxFileSize: options.maxFileSize,
    exclude: options.reportPath ? [options.reportPath] : [],
    cwd: options.cwd,
  });
  const facts = new RunFacts();
  const slots: FileResult[] = [];
  const candidates: Candidate[] = [];
  const settle = (result: FileResult, candidate = false) => {
    hooks.onFile?.(result, candidate);
    return result;
  };
  for (const file of discovery.files) {
    const outcome = readCandidate(file);
    if (!outcome.candidate) {
      slots.push(settle(outcome.result));
    } else if (!isInsideRoot(file)) {
      slots.push(settle(fileResult(file, "skipped", { reason: "resolves outside the root" })));
    } else {
      facts.add(file.displayPath, outcome.text);
      candidates.push({ file, text: outcome.text, slot: slots.length });
      slots.push(fileResult(file, "unchanged"));
    }
  }
  await hooks.onCandidates?.(candidates.length);
  const tasks = candidates.map((candidate) => toTask(candidate, options));
  await runTasks(tasks, options.jobs, async (index, processed) => {
    const candidate = candidates[index];
    slots[candidate.slot] = settle(await settleChange(candidate, processed, options.mode), true);
    candidate.text = tasks[index].text = ""; // let the source go once settled
  });
  const files = [...slots, ...discovery.skipped.map((result) => settle(result))];
  return {
    tool: ownVersion(),
    mode: options.mode,
    roots: options.paths,
    ...(options.reportPath ? { report: options.reportPath } : {}),
    summary: summarise(files),
    files,
    envVars: facts.envVarSteps(),
    dependencies: facts.dependencySteps(),
  };
}
