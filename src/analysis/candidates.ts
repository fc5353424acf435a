import { readFile } from "node:fs/promises";
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { normaliseText } from "../core/text.js";

// Which TypeScript files the type pass looks at: those that mention Gladia (by name, by its
// distinctive result keys or SDK calls), those that mention a type declared in them, and those
// that import them. Cheap text checks, so the ts-morph Project stays small on a large repo.
// The runner uses the same checks to pick, among files that never name Gladia, the ones to hand
// to the type pass (see src/runner/type-pass.ts).

export const TS_FILE = /\.(ts|tsx|mts|cts)$/;
const GLADIA_TEXT = /gladia|full_transcript|\btranscription\b|\butterances\b|preRecorded/i;
/** Where a Gladia type can come from: a declared transcription shape (see shapes.ts) or the SDK. */
const GLADIA_TYPE_SOURCE = /full_transcript|@gladiaio\/sdk/;
/** Keys of a Gladia job a file reads when it gets the job through a shared type. */
const GLADIA_KEYS = /full_transcript|result_url|error_code/;
const RELATIVE_IMPORT = /(?:from|import|require)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;
const RESOLVE_SUFFIXES = ["", ".ts", ".tsx", ".mts", ".cts", "/index.ts", "/index.tsx"];

export interface CandidateFile {
  /** Absolute path. */
  path: string;
  /** POSIX path relative to the run root (the key of the hints map). */
  relativePath: string;
  /** Normalised text (what the transforms see). */
  text: string;
}

const hasUtterancesWith = (text: string, other: RegExp) => /\butterances\b/.test(text) && other.test(text);

/** Worth loading ts-morph for: without such a file no value of the run can have a Gladia type. */
export function mayDeclareGladiaTypes(text: string): boolean {
  return GLADIA_TYPE_SOURCE.test(text) || hasUtterancesWith(text, /\blanguages\b/);
}

/** A Gladia job key, or `utterances` with `transcription` or `languages`: may read Gladia values. */
export function readsGladiaKeys(text: string): boolean {
  return GLADIA_KEYS.test(text) || hasUtterancesWith(text, /\b(transcription|languages)\b/);
}

/**
 * `files` (absolute, or relative to `rootDir`) with their normalised text; TypeScript ones only.
 * `texts` (keyed like `files`) spares reading files the caller already holds.
 */
export async function readCandidates(rootDir: string, files: string[], texts?: ReadonlyMap<string, string>): Promise<CandidateFile[]> {
  const typescript = files.filter((f) => TS_FILE.test(f) && !/\.d\.(c|m)?ts$/.test(f));
  return Promise.all(
    typescript.map(async (file) => {
      const path = isAbsolute(file) ? file : resolve(rootDir, file);
      const { text } = normaliseText(texts?.get(file) ?? (await readFile(path, "utf8")));
      return { path, relativePath: relative(rootDir, path).split(sep).join("/"), text };
    }),
  );
}

/** Relative module specifiers a file imports, requires or re-exports (`./types`, `../lib/x.js`). */
export function relativeImports(text: string): string[] {
  return [...text.matchAll(RELATIVE_IMPORT)].map((m) => m[1]);
}

/** `./types` from `src/a.ts` → the file it names (TS files may import them as `.js`). */
export function resolveImport<T>(from: string, specifier: string, byPath: ReadonlyMap<string, T>): T | undefined {
  const base = join(dirname(from), specifier);
  const stem = extname(base) === ".js" ? base.slice(0, -3) : base;
  for (const suffix of RESOLVE_SUFFIXES) {
    const found = byPath.get(stem + suffix) ?? byPath.get(base + suffix);
    if (found) return found;
  }
  return undefined;
}

/** The seeds and every file importing one of them, transitively (`importsOf`: what a file imports). */
export function withImporters<T>(files: T[], seeds: Iterable<T>, importsOf: (file: T) => T[]): Set<T> {
  const importers = new Map<T, T[]>();
  for (const file of files) {
    for (const imported of importsOf(file)) {
      if (importers.has(imported)) importers.get(imported)!.push(file);
      else importers.set(imported, [file]);
    }
  }
  const found = new Set(seeds);
  const queue = [...found];
  while (queue.length > 0) {
    for (const importer of importers.get(queue.pop()!) ?? []) {
      if (found.has(importer)) continue;
      found.add(importer);
      queue.push(importer);
    }
  }
  return found;
}

/** Files that mention Gladia, plus every file importing one of them (transitively). */
export function relevantFiles(files: CandidateFile[], extraNames: string[] = []): CandidateFile[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const names = extraNames.length > 0 ? new RegExp(`\\b(${extraNames.join("|")})\\b`) : undefined;
  const seeds = files.filter((f) => GLADIA_TEXT.test(f.text) || names?.test(f.text));
  const importsOf = (file: CandidateFile) => relativeImports(file.text).flatMap((s) => resolveImport(file.path, s, byPath) ?? []);
  const relevant = withImporters(files, seeds, importsOf);
  return files.filter((f) => relevant.has(f));
}
