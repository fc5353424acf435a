import type { AnalysisHints } from "./hints.js";
import { readCandidates, TS_FILE } from "./candidates.js";

export type { AnalysisHints, HintDeclaration, HintLevel, HintLocation, HintReceiver } from "./hints.js";
export { readHints } from "./hints.js";

/**
 * Whole-project type pass: which expressions, in which TypeScript files, hold Gladia values (by
 * their static type), which declared types are Gladia's, which SDK clients cross files.
 *
 * `candidateFiles`: the files of the run (absolute, or relative to `rootDir`); only TypeScript
 * ones are read. Returns hints by POSIX path relative to `rootDir`, for `TransformOptions.hints`.
 * ts-morph is loaded only when there is a TypeScript candidate.
 */
export async function analyseProject(rootDir: string, candidateFiles: string[]): Promise<Map<string, AnalysisHints>> {
  if (!candidateFiles.some((f) => TS_FILE.test(f))) return new Map();
  const candidates = await readCandidates(rootDir, candidateFiles);
  if (candidates.length === 0) return new Map();
  const { analyse } = await import("./project.js");
  return analyse(rootDir, candidates);
}
