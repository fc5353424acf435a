import { readFile } from "node:fs/promises";
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { normaliseText } from "../core/text.js";

// Which TypeScript files the type pass looks at: those that mention Gladia (by name, by its
// distinctive result keys or SDK calls), those that mention a type declared in them, and those
// that import them. Cheap text checks, so the ts-morph Project stays small on a large repo.

export const TS_FILE = /\.(ts|tsx|mts|cts)$/;
const GLADIA_TEXT = /gladia|full_transcript|\btranscription\b|\butterances\b|preRecorded/i;
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

export async function readCandidates(rootDir: string, files: string[]): Promise<CandidateFile[]> {
  const typescript = files.filter((f) => TS_FILE.test(f) && !/\.d\.(c|m)?ts$/.test(f));
  return Promise.all(
    typescript.map(async (file) => {
      const path = isAbsolute(file) ? file : resolve(rootDir, file);
      const { text } = normaliseText(await readFile(path, "utf8"));
      return { path, relativePath: relative(rootDir, path).split(sep).join("/"), text };
    }),
  );
}

/** `./types` from `src/a.ts` → the candidate it names (TS files may import them as `.js`). */
function resolveImport(from: string, specifier: string, byPath: Map<string, CandidateFile>): CandidateFile | undefined {
  const base = join(dirname(from), specifier);
  const stem = extname(base) === ".js" ? base.slice(0, -3) : base;
  for (const suffix of RESOLVE_SUFFIXES) {
    const found = byPath.get(stem + suffix) ?? byPath.get(base + suffix);
    if (found) return found;
  }
  return undefined;
}

function importsOf(file: CandidateFile, byPath: Map<string, CandidateFile>): CandidateFile[] {
  return [...file.text.matchAll(RELATIVE_IMPORT)].map((m) => resolveImport(file.path, m[1], byPath)).filter((f): f is CandidateFile => !!f);
}

/** Files that mention Gladia, plus every file importing one of them (transitively). */
export function relevantFiles(files: CandidateFile[], extraNames: string[] = []): CandidateFile[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const names = extraNames.length > 0 ? new RegExp(`\\b(${extraNames.join("|")})\\b`) : undefined;
  const relevant = new Set(files.filter((f) => GLADIA_TEXT.test(f.text) || names?.test(f.text)));
  const imports = new Map(files.map((f) => [f, importsOf(f, byPath)]));
  for (let grew = true; grew; ) {
    grew = false;
    for (const file of files) {
      if (relevant.has(file) || !imports.get(file)!.some((i) => relevant.has(i))) continue;
      relevant.add(file);
      grew = true;
    }
  }
  return files.filter((f) => relevant.has(f));
}
