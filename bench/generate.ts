// Deterministic synthetic repositories for the benchmark, committed with git and cached on disk.
//   (a) 10,000 files, no Gladia use      (b) (a) plus 50 Gladia files
//   (c) 1,000 files that all use Gladia  (d) 50,000 files, no Gladia use (scaling)

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { hashPool, loadGladiaPool, pickProgram, varyProgram, type GladiaPool } from "./gladia-pool.js";
import { addPlainFiles, rootFiles, type FileMap } from "./layout.js";
import { createRng, hashSeed, type Rng } from "./prng.js";
import { jsSource } from "./templates-js.js";

/** Bump whenever the output of the generator changes: it keys the on-disk cache. */
export const GENERATOR_VERSION = 2;

export type CorpusName = "a" | "b" | "c" | "d";

export interface CorpusSpec {
  /** Seed of the plain files: (b) shares (a)'s so it is exactly (a) plus the Gladia files. */
  seed: string;
  plainFiles: number;
  gladiaFiles: number;
}

export const CORPORA: Record<CorpusName, CorpusSpec> = {
  a: { seed: "a", plainFiles: 10_000, gladiaFiles: 0 },
  b: { seed: "a", plainFiles: 10_000, gladiaFiles: 50 },
  c: { seed: "c", plainFiles: 0, gladiaFiles: 1_000 },
  d: { seed: "d", plainFiles: 50_000, gladiaFiles: 0 },
};

export interface GeneratedCorpus {
  /** Committed files, in generation order. */
  tracked: FileMap;
  /** Files under a git-ignored node_modules/: every tool should skip them. */
  ignored: FileMap;
  gladiaPaths: string[];
}

const GLADIA_DIRS = ["speech", "transcription", "media", "integrations", "voice"];

/** Pure: the same spec and pool always give the same files. */
export function generateCorpus(spec: CorpusSpec, pool: GladiaPool): GeneratedCorpus {
  const rng = createRng(hashSeed(`corpus:${spec.seed}`));
  const tracked = spec.plainFiles > 0 ? rootFiles(rng) : new Map<string, string>();
  const roots = spec.plainFiles > 0 ? addPlainFiles(rng, tracked, spec.plainFiles - tracked.size) : [];
  const gladiaRng = createRng(hashSeed(`gladia:${spec.seed}:${spec.gladiaFiles}`));
  const gladiaPaths = addGladiaFiles(gladiaRng, tracked, roots, pool, spec.gladiaFiles);
  return { tracked, ignored: nodeModules(createRng(hashSeed(`ignored:${spec.seed}`))), gladiaPaths };
}

function addGladiaFiles(rng: Rng, files: FileMap, roots: string[], pool: GladiaPool, count: number): string[] {
  if (count === 0) return [];
  if (pool.js.length + pool.python.length === 0) throw new Error("no Gladia programs: fixtures/**/*.input.* and bench/gladia-samples/ are empty");
  const packageRoots = roots.length > 0 ? roots : Array.from({ length: 12 }, (_, i) => `packages/media-${i + 1}`);
  const paths: string[] = [];
  for (let copy = 0; copy < count; copy++) {
    // Cycle through the pool so every client and SDK shape appears.
    const program = pickProgram(pool, copy);
    const file = `${rng.pick(packageRoots)}/src/${rng.pick(GLADIA_DIRS)}/${program.name}-${copy + 1}.${program.ext}`;
    files.set(file, varyProgram(rng, program, copy + 1));
    paths.push(file);
  }
  return paths;
}

function nodeModules(rng: Rng): FileMap {
  const files: FileMap = new Map();
  for (let i = 0; i < 200; i++) {
    files.set(`node_modules/@vendor/lib-${i % 20}/dist/chunk-${i}.js`, jsSource(rng, "js", rng.int(1, 8)));
  }
  return files;
}

export interface CorpusOnDisk {
  name: string;
  dir: string;
  files: number;
  gladiaFiles: number;
}

export interface EnsureOptions {
  root: string;
  cacheDir?: string;
  regenerate?: boolean;
  log?: (message: string) => void;
}

export function defaultCacheDir(): string {
  return process.env.BENCH_CACHE_DIR ?? path.join(os.tmpdir(), "gladia-to-assemblyai-bench");
}

/** Returns the corpus directory, generating and committing it unless a complete copy is cached. */
export function ensureCorpus(name: CorpusName, options: EnsureOptions): CorpusOnDisk {
  const spec = CORPORA[name];
  const pool = spec.gladiaFiles > 0 ? loadGladiaPool(options.root) : { js: [], python: [] };
  const key = `${name}-v${GENERATOR_VERSION}-${spec.gladiaFiles > 0 ? hashPool(pool) : "plain"}`;
  const dir = path.join(options.cacheDir ?? defaultCacheDir(), key);
  const doneMarker = `${dir}.done.json`;
  if (!options.regenerate && existsSync(doneMarker)) {
    return { name, dir, ...JSON.parse(readFileSync(doneMarker, "utf8")) };
  }
  options.log?.(`generating corpus ${name} in ${dir} ...`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(doneMarker, { force: true });
  const corpus = generateCorpus(spec, pool);
  writeFiles(dir, corpus.tracked);
  writeFiles(dir, corpus.ignored);
  commitAll(dir);
  const summary = { files: corpus.tracked.size, gladiaFiles: corpus.gladiaPaths.length };
  writeFileSync(doneMarker, JSON.stringify(summary) + "\n");
  return { name, dir, ...summary };
}

export function writeFiles(dir: string, files: FileMap): void {
  const made = new Set<string>();
  for (const [file, content] of files) {
    const full = path.join(dir, file);
    const parent = path.dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(full, content);
  }
}

export function commitAll(dir: string): void {
  // Isolated from the user's git config (hooks, signing, templates).
  const env = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "init.defaultBranch=main", "-c", "gc.auto=0", "-c", "maintenance.auto=false", ...args], { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] });
  git("init", "-q");
  git("add", "-A");
  git("commit", "-q", "--no-verify", "-m", "Synthetic benchmark corpus");
  // Real repositories keep their history packed; loose objects would only slow directory walkers.
  git("gc", "-q");
}
