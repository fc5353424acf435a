import { resolve } from "node:path";
import type { AnalysisHints } from "./hints.js";
import { readCandidates, TS_FILE } from "./candidates.js";

export type { AnalysisHints, HintDeclaration, HintHandoff, HintLevel, HintLocation, HintReceiver } from "./hints.js";
export { readHints } from "./hints.js";

/**
 * Whole-project type pass: which expressions, in which TypeScript files, hold Gladia values (by
 * their static type), which declared types are Gladia's, which SDK clients cross files.
 *
 * `candidateFiles`: the files of the run (absolute, or relative to `rootDir`); only TypeScript
 * ones are read, unless `texts` (keyed like `candidateFiles`) already holds their text. Returns
 * hints by POSIX path relative to `rootDir`, for `TransformOptions.hints`.
 * ts-morph is loaded only when there is a TypeScript candidate.
 *
 * A Gladia value passed to a function of another project file (plain JS too) gives that file's
 * parameter a hint: for a file among `candidateFiles` (JS ones included), or for any project file
 * the candidates import when `includeImported` is set (the caller then transforms those files too).
 */
export async function analyseProject(
  rootDir: string,
  candidateFiles: string[],
  texts?: ReadonlyMap<string, string>,
  options: AnalysisOptions = {},
): Promise<Map<string, AnalysisHints>> {
  if (!candidateFiles.some((f) => TS_FILE.test(f))) return new Map();
  const candidates = await readCandidates(rootDir, candidateFiles, texts);
  if (candidates.length === 0) return new Map();
  const { analyse } = await import("./project.js");
  const handed = new Set(candidateFiles.map((f) => resolve(rootDir, f)));
  const hints = analyse(rootDir, candidates, (path) => options.includeImported === true || handed.has(path));
  // After the pass: the cache then holds the compiler's functions it ran too.
  (await import("../core/code-cache.js")).saveCodeCaches();
  return hints;
}

export interface AnalysisOptions {
  /** Hints may name project files outside `candidateFiles` (modules the candidates import). */
  includeImported?: boolean;
}
