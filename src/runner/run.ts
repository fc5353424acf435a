import { realpathSync } from "node:fs";
import { sep } from "node:path";
import type { FileResult, TransformOptions } from "../core/types.js";
import { summarise } from "../report/summary.js";
import type { RunMode, RunResult } from "../report/types.js";
import { ownVersion } from "../version.js";
import { discover, type DiscoveredFile } from "./discover.js";
import { fileResult, SourceReader } from "./read.js";
import type { Candidate } from "./settle.js";

// The main job: discover → read and pre-filter every file (main thread) → transform the candidates
// (settle.ts, loaded only when there are some) → one RunResult. A repo with no Gladia use never
// loads more than discovery and the reader.

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

function isInsideRoot(file: DiscoveredFile): boolean {
  const root = realpathSync(file.root);
  return realpathSync(file.absPath).startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Reads every file; settles the ones that cannot concern Gladia, returns the others. */
function readAll(files: DiscoveredFile[], options: RunOptions, hooks: RunHooks): { slots: FileResult[]; candidates: (Candidate & { slot: number })[] } {
  const reader = new SourceReader(options.maxFileSize);
  const slots: FileResult[] = [];
  const candidates: (Candidate & { slot: number })[] = [];
  for (const file of files) {
    const outcome = reader.read(file);
    if (outcome.candidate && isInsideRoot(file)) {
      candidates.push({ file, text: outcome.text, stats: outcome.stats, slot: slots.length });
      slots.push(fileResult(file, "unchanged"));
      continue;
    }
    const result = outcome.candidate ? fileResult(file, "skipped", { reason: "resolves outside the root" }) : outcome.result;
    if (!result) continue;
    hooks.onFile?.(result, false);
    slots.push(result);
  }
  return { slots, candidates };
}

async function runFacts(candidates: Candidate[]): Promise<Pick<RunResult, "envVars" | "dependencies">> {
  if (candidates.length === 0) return { envVars: [], dependencies: [] };
  const { RunFacts } = await import("../report/facts.js");
  const facts = new RunFacts();
  for (const { file, text } of candidates) facts.add(file.displayPath, text);
  return { envVars: facts.envVarSteps(), dependencies: facts.dependencySteps() };
}

export async function run(options: RunOptions, hooks: RunHooks = {}): Promise<RunResult> {
  const discovered = discover(options.paths, { ignore: options.ignore, exclude: options.reportPath ? [options.reportPath] : [], cwd: options.cwd });
  const { slots, candidates } = readAll(discovered, options, hooks);
  const facts = await runFacts(candidates);
  await hooks.onCandidates?.(candidates.length);
  if (candidates.length > 0) {
    const { settleCandidates } = await import("./settle.js");
    await settleCandidates(candidates, options, (index, result) => {
      slots[candidates[index].slot] = result;
      hooks.onFile?.(result, true);
    });
  }
  return {
    tool: ownVersion(),
    mode: options.mode,
    roots: options.paths,
    ...(options.reportPath ? { report: options.reportPath } : {}),
    summary: summarise(slots),
    files: slots,
    ...facts,
  };
}
