import { readFile } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { normaliseText } from "../core/text.js";

// Which TypeScript files the type pass looks at: those that mention Gladia (by name, by its
// distinctive result keys or SDK calls), those that mention a type declared in them, and those
// that import them. Cheap text checks, so the ts-morph Project stays small on a large repo.
// The runner uses the same checks to pick, among files that never name Gladia, the ones to hand
// to the type pass (see src/runner/type-pass.ts).

export const TS_FILE = /\.(ts|tsx|mts|cts)$/;
const GLADIA_TEXT = /gladia|full_transcript|\btranscription\b|\butterances\b|preRecorded/i;
/** Keys of a Gladia job a file reads when it gets the job through a shared type. */
const GLADIA_KEYS = /full_transcript|result_url|error_code/;
/** A quoted relative specifier; `relativeImports` checks the keyword behind it. */
const QUOTED_RELATIVE = /["'](\.{1,2}\/[^"']+)["']/g;
const IMPORT_KEYWORDS = ["from", "import", "require"];
const RESOLVE_SUFFIXES = ["", ".ts", ".tsx", ".mts", ".cts", "/index.ts", "/index.tsx"];

export interface CandidateFile {
  /** Absolute path. */
  path: string;
  /** POSIX path relative to the run root (the key of the hints map). */
  relativePath: string;
  /** Normalised text (what the transforms see). */
  text: string;
}

// The plain literal first: V8 searches one literal far faster than an alternation or a `\b`.
const hasUtterancesWith = (text: string, other: RegExp) => /utterances/.test(text) && /\butterances\b/.test(text) && other.test(text);

// Each check below accepts only texts holding one of its literals. The read loop runs them on
// every TypeScript file and most hold none: one pass of the literals' alternation rejects those
// (on the benchmark's 6,800 files, 20 ms instead of 26 for the keys, 13 instead of 16 for the
// declarations, against a pass per literal); a hit other than `utterances` decides at once.
const DECLARATION_WORDS = /full_transcript|@gladiaio\/sdk|utterances/;
const KEY_WORDS = /full_transcript|result_url|error_code|utterances/;

/**
 * Worth loading ts-morph for: without such a file no value of the run can have a Gladia type.
 * Where a Gladia type can come from: a declared transcription shape (see shapes.ts) or the SDK.
 */
export function mayDeclareGladiaTypes(text: string): boolean {
  const hit = DECLARATION_WORDS.exec(text)?.[0];
  if (hit !== "utterances") return hit !== undefined;
  return /full_transcript/.test(text) || /@gladiaio\/sdk/.test(text) || hasUtterancesWith(text, /\blanguages\b/);
}

/** A Gladia job key, or `utterances` with `transcription` or `languages`: may read Gladia values. */
export function readsGladiaKeys(text: string): boolean {
  const hit = KEY_WORDS.exec(text)?.[0];
  if (hit !== "utterances") return hit !== undefined;
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

/**
 * Relative module specifiers a file imports, requires or re-exports (`./types`, `../lib/x.js`): what
 * `/(?:from|import|require)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g` captures. Searched quote first (a
 * rare `"./`), then the keyword behind it: several times faster than that regex on a large repo.
 */
export function relativeImports(text: string): string[] {
  const specifiers: string[] = [];
  const quoted = new RegExp(QUOTED_RELATIVE);
  // Matches do not overlap: the keyword of the next one starts after the end of the last one.
  let after = 0;
  let match: RegExpExecArray | null;
  while ((match = quoted.exec(text))) {
    if (isImportedAt(text, match.index, after)) {
      specifiers.push(match[1]);
      after = quoted.lastIndex;
    } else quoted.lastIndex = match.index + 1;
  }
  return specifiers;
}

/** Whether `keyword \s* (? \s*` ends at `quote`, starting no earlier than `after`. */
function isImportedAt(text: string, quote: number, after: number): boolean {
  let end = skipSpaceBack(text, quote, after);
  if (endsWithKeyword(text, end, after)) return true;
  if (end <= after || text[end - 1] !== "(") return false;
  end = skipSpaceBack(text, end - 1, after);
  return endsWithKeyword(text, end, after);
}

function skipSpaceBack(text: string, end: number, after: number): number {
  while (end > after && /\s/.test(text[end - 1])) end--;
  return end;
}

const endsWithKeyword = (text: string, end: number, after: number) =>
  IMPORT_KEYWORDS.some((keyword) => end - keyword.length >= after && text.startsWith(keyword, end - keyword.length));

/** `./types` from `src/a.ts` → the path of the file it names among `paths` (TS files may import them as `.js`). */
export function resolveImport(from: string, specifier: string, paths: { has(path: string): boolean }): string | undefined {
  const base = join(dirname(from), specifier);
  const stem = extname(base) === ".js" ? base.slice(0, -3) : base;
  for (const suffix of RESOLVE_SUFFIXES) {
    if (paths.has(stem + suffix)) return stem + suffix;
    if (paths.has(base + suffix)) return base + suffix;
  }
  return undefined;
}

/** A path segment up to its first dot (`types.js` → `types`); "" stands for any name. */
function nameKey(segment: string): string {
  const dot = segment.indexOf(".");
  return dot < 0 ? segment : segment.slice(0, dot);
}

/**
 * What a specifier's last segment says about the file it can resolve to (see resolveImport): that
 * file's name, or its folder's (an index file), has the same name key. Segments normalisation may
 * change (`..`, `./lib/`, a backslash) could name anything: "".
 */
function specifierKey(specifier: string): string {
  const segment = specifier.slice(specifier.lastIndexOf("/") + 1);
  return segment === "" || segment === ".." || segment.includes("\\") ? "" : nameKey(segment);
}

/**
 * A copy of `text` that shares no memory with the string it was cut from: V8 makes a substring of
 * 13 characters or more a slice that keeps the whole original alive (a run's index would otherwise
 * hold the text of every TypeScript file it read: 18.6 of 22 MB on the benchmark's corpus (b)).
 */
const copyOf = (text: string): string => JSON.parse(JSON.stringify(text)) as string;

/**
 * Which files import which, by relative specifiers. Indexed (on the first search) by the name a
 * specifier ends with, so that finding the importers of a few files resolves only the imports that
 * may name them; a run that never searches pays for nothing but the list.
 */
export class ImportIndex {
  private readonly files: [path: string, specifiers: string[]][] = [];
  private index?: { paths: Set<string>; byName: Map<string, [importer: string, specifier: string][]> };

  /** A file (absolute path) and its relative import specifiers. */
  add(path: string, specifiers: string[]): void {
    this.files.push([path, specifiers.map(copyOf)]);
    this.index = undefined;
  }

  private indexed(): NonNullable<ImportIndex["index"]> {
    if (this.index) return this.index;
    const byName = new Map<string, [string, string][]>();
    for (const [path, specifiers] of this.files) {
      for (const specifier of specifiers) {
        const key = specifierKey(specifier);
        if (byName.has(key)) byName.get(key)!.push([path, specifier]);
        else byName.set(key, [[path, specifier]]);
      }
    }
    this.index = { paths: new Set(this.files.map(([path]) => path)), byName };
    return this.index;
  }

  /** The seeds and every file importing one of them, transitively, not what they import. */
  withImporters(seeds: Iterable<string>): Set<string> {
    const { paths, byName } = this.indexed();
    const found = new Set(seeds);
    const targets = { has: (path: string) => paths.has(path) || found.has(path) };
    const queue = [...found];
    while (queue.length > 0) {
      const path = queue.pop()!;
      for (const key of new Set([nameKey(basename(path)), nameKey(basename(dirname(path))), ""])) {
        for (const [importer, specifier] of byName.get(key) ?? []) {
          if (found.has(importer) || resolveImport(importer, specifier, targets) !== path) continue;
          found.add(importer);
          queue.push(importer);
        }
      }
    }
    return found;
  }
}

/** Files that mention Gladia, plus every file importing one of them (transitively). */
export function relevantFiles(files: CandidateFile[], extraNames: string[] = []): CandidateFile[] {
  const names = extraNames.length > 0 ? new RegExp(`\\b(${extraNames.join("|")})\\b`) : undefined;
  const index = new ImportIndex();
  for (const file of files) index.add(file.path, relativeImports(file.text));
  const relevant = index.withImporters(files.filter((f) => GLADIA_TEXT.test(f.text) || names?.test(f.text)).map((f) => f.path));
  return files.filter((f) => relevant.has(f.path));
}
