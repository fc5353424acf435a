import { realpathSync } from "node:fs";
import { sep } from "node:path";
import type { FileResult, TransformOptions } from "../core/types.js";
import { summarise } from "../report/summary.js";
import type { RunMode, RunResult, TypePassSummary } from "../report/types.js";
import { ownVersion } from "../version.js";
import { discover, type DiscoveredFile } from "./discover.js";
import { fileResult, SourceReader } from "./read.js";
import type { Candidate } from "./settle.js";
import { isManifestFile } from "./manifest-use.js";
import { needsTypePass, runTypePass, TypeScan, type SlottedCandidate } from "./type-pass.js";
import { discardTypePassThread, prestartTypePass } from "./type-pass-thread.js";

// The main job: discover → read and pre-filter every file (main thread) → transform the candidates
// (settle.ts, loaded only when there are some) while the TypeScript type pass runs in its own thread
// (type-pass.ts, ts-morph loaded only when a TypeScript file names Gladia); files it gives hints
// are transformed again with them → one RunResult. A repo with no Gladia use never loads more
// than discovery and the reader.

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
  /**
   * Every settled file; candidates (files a plug-in transformed) stream in discovery order, code
   * first, then manifests (they depend on what the migrated code imports).
   */
  onFile?(result: FileResult, candidate: boolean): void;
}

/** Whether a file's real path (symlinked directories resolved) stays inside its root; each root is resolved once. */
class RootCheck {
  private readonly roots = new Map<string, string>();

  contains(file: DiscoveredFile): boolean {
    let root = this.roots.get(file.root);
    if (root === undefined) {
      root = realpathSync.native(file.root);
      this.roots.set(file.root, (root = root.endsWith(sep) ? root : root + sep));
    }
    return realpathSync.native(file.absPath).startsWith(root);
  }
}

interface ReadAll {
  /** One result per file, in discovery order; a candidate's is a placeholder until it settles. */
  slots: FileResult[];
  candidates: SlottedCandidate[];
}

/** Reads every file; settles the ones that cannot concern Gladia, returns the others. */
function readAll(files: DiscoveredFile[], reader: SourceReader, scan: TypeScan | undefined, inside: RootCheck): ReadAll {
  const slots: FileResult[] = [];
  const candidates: SlottedCandidate[] = [];
  let prestarted = false;
  for (const file of files) {
    const outcome = reader.read(file);
    if (outcome.candidate && inside.contains(file)) {
      const candidate = { file, text: outcome.text, stats: outcome.stats, slot: slots.length };
      candidates.push(candidate);
      scan?.addCandidate(candidate);
      slots.push(fileResult(file, "unchanged"));
    } else {
      const result = outcome.candidate ? fileResult(file, "skipped", { reason: "resolves outside the root" }) : outcome.result;
      if (!result) continue;
      if (!outcome.candidate && outcome.text !== undefined) scan?.inspect(file, slots.length, outcome.text);
      slots.push(result);
    }
    // The pass will run: its thread loads ts-morph on another core while this loop goes on.
    if (!prestarted && scan?.worthRunning) {
      prestartTypePass();
      prestarted = true;
    }
  }
  return { slots, candidates };
}

/** Files the type pass found Gladia values in, although the pre-filter rejected them, join the candidates. */
async function addTypePass(scan: TypeScan, reader: SourceReader, { slots, candidates }: ReadAll, inside: RootCheck): Promise<TypePassSummary | undefined> {
  const outcome = await runTypePass(scan, reader);
  for (const candidate of outcome?.promoted ?? []) {
    if (inside.contains(candidate.file)) candidates.push(candidate);
    else slots[candidate.slot] = fileResult(candidate.file, "skipped", { reason: "resolves outside the root" });
  }
  candidates.sort((a, b) => a.slot - b.slot);
  return outcome?.summary;
}

async function runFacts(candidates: Candidate[], options: TransformOptions): Promise<Pick<RunResult, "envVars" | "dependencies">> {
  if (candidates.length === 0) return { envVars: [], dependencies: [] };
  const { RunFacts } = await import("../report/facts.js");
  const facts = new RunFacts(options.strategy);
  for (const { file, text } of candidates) facts.add(file.displayPath, text);
  return { envVars: facts.envVarSteps(), dependencies: facts.dependencySteps() };
}

/**
 * Opens the transform threads and starts the code candidates before the type pass is over. While
 * the pass runs (in its own thread, on one of the `jobs` cores) the main thread transforms on
 * another one and workers take what is left: on two cores the worker starts after the pass, so the
 * pass's memory is gone before it grows its own.
 */
async function startSettlement(options: RunOptions, discovered: DiscoveredFile[], candidates: Candidate[], scan: TypeScan | undefined) {
  const { Settlement } = await import("./settle.js");
  const { Pool, threadsFor } = await import("./pool.js");
  const threads = threadsFor(candidates.length, options.jobs);
  const pool = await Pool.open(threads - 1);
  const passing = scan?.worthRunning === true;
  pool.useMainThread(!passing || options.jobs > 1);
  pool.setWorkers(passing ? Math.max(0, Math.min(threads - 1, options.jobs - 2)) : threads - 1);
  const manifests = discovered.filter(isManifestFile).map((file) => file.absPath);
  const settlement = new Settlement(pool, { ...options, manifests });
  settlement.startEarly(candidates, (candidate) => scan?.hintRank(candidate) ?? 0);
  const afterTypePass = () => {
    settlement.useHints();
    pool.useMainThread(true);
    pool.setWorkers(threads - 1);
  };
  return { pool, settlement, afterTypePass };
}

export async function run(options: RunOptions, hooks: RunHooks = {}): Promise<RunResult> {
  const discovered = discover(options.paths, { ignore: options.ignore, exclude: options.reportPath ? [options.reportPath] : [], cwd: options.cwd });
  const reader = new SourceReader(options.maxFileSize);
  const scan = needsTypePass(options.transform) ? new TypeScan() : undefined;
  const inside = new RootCheck();
  const read = readAll(discovered, reader, scan, inside);
  let started = read.candidates.length > 0 ? await startSettlement(options, discovered, read.candidates, scan) : undefined;
  try {
    const typePass = scan && (await addTypePass(scan, reader, read, inside));
    // Now, before any other await: the threads must not take an early job the hints have made stale.
    started?.afterTypePass();
    const { slots, candidates } = read;
    const candidateSlots = new Set(candidates.map((candidate) => candidate.slot));
    slots.forEach((result, slot) => candidateSlots.has(slot) || hooks.onFile?.(result, false));
    const facts = await runFacts(candidates, options.transform);
    await hooks.onCandidates?.(candidates.length);
    if (candidates.length > 0) {
      started ??= await startSettlement(options, discovered, [], undefined);
      await started.settlement.settle(candidates, (index, result) => {
        slots[candidates[index].slot] = result;
        hooks.onFile?.(result, true);
      });
      // After the transforms: the caches then hold the parser functions they ran too.
      (await import("../core/code-cache.js")).saveCodeCaches();
    }
    return {
      tool: ownVersion(),
      mode: options.mode,
      roots: options.paths,
      ...(options.reportPath ? { report: options.reportPath } : {}),
      summary: summarise(slots),
      files: slots,
      ...facts,
      ...(typePass ? { typePass } : {}),
    };
  } finally {
    discardTypePassThread();
    await started?.pool.close();
  }
}
