import type { TransformOptions } from "../core/types.js";
import { mayDeclareGladiaTypes, readsGladiaKeys, relativeImports, resolveImport, TS_FILE, withImporters } from "../analysis/candidates.js";
import type { TypePassSummary } from "../report/types.js";
import type { DiscoveredFile } from "./discover.js";
import type { SourceReader } from "./read.js";
import type { Candidate } from "./settle.js";

// The whole-project type pass in a run. TypeScript files that read Gladia results through a shared
// interface often never name Gladia and fail the plug-in's pre-filter; a second cheap check, made
// while reading, picks them up for the type pass: Gladia job keys in the text, or a relative import
// (transitively) of a file that names Gladia or reads those keys. Files the type pass finds Gladia
// values in become candidates, transformed with their hints. ts-morph loads only when one of those
// files can declare a Gladia type (a transcription shape, or an `@gladiaio/sdk` import).

/** A file of the run with its place among the results. */
export type SlottedCandidate = Candidate & { slot: number };

/** The steps that read hints. With the adapter strategy results keep Gladia's shape: no type pass. */
const HINTED_STEPS = ["types", "sdk"];

export function needsTypePass(options: TransformOptions): boolean {
  return options.strategy === "native" && (!options.transforms || options.transforms.some((step) => HINTED_STEPS.includes(step)));
}

interface Importing {
  file: DiscoveredFile;
  slot: number;
  specifiers: string[];
}

/** What the read loop tells about TypeScript files; which of them the type pass needs. */
export class TypeScan {
  /** TypeScript candidates of the plug-in's pre-filter (they name Gladia). */
  readonly named: SlottedCandidate[] = [];
  /** TypeScript files the pre-filter rejected that read Gladia job keys (text and stats kept). */
  readonly keyed: SlottedCandidate[] = [];
  /** Every other TypeScript file with relative imports: where they point. */
  private readonly importing = new Map<string, Importing>();
  private loadsTsMorph = false;

  addCandidate(candidate: SlottedCandidate): void {
    if (!TS_FILE.test(candidate.file.relPath)) return;
    this.named.push(candidate);
    this.loadsTsMorph ||= mayDeclareGladiaTypes(candidate.text);
  }

  /** A file the pre-filter rejected: true when the type pass needs its text. */
  inspect(file: DiscoveredFile, slot: number, text: string): boolean {
    if (!TS_FILE.test(file.relPath)) return false;
    if (readsGladiaKeys(text)) {
      this.loadsTsMorph ||= mayDeclareGladiaTypes(text);
      return true;
    }
    const specifiers = relativeImports(text);
    if (specifiers.length > 0) this.importing.set(file.absPath, { file, slot, specifiers });
    return false;
  }

  keep(candidate: SlottedCandidate): void {
    this.keyed.push(candidate);
  }

  get worthRunning(): boolean {
    return this.loadsTsMorph;
  }

  /** Files read so far that the type pass looks at. */
  held(): SlottedCandidate[] {
    return [...this.named, ...this.keyed];
  }

  /** Files importing a held one, directly or through other imports: their text is not held yet. */
  importers(): Importing[] {
    const seeds = this.held().map((candidate) => candidate.file.absPath);
    const paths = [...seeds, ...this.importing.keys()];
    const byPath = new Map(paths.map((path) => [path, path]));
    const importsOf = (path: string) => this.importing.get(path)?.specifiers.flatMap((s) => resolveImport(path, s, byPath) ?? []) ?? [];
    const found = withImporters(paths, seeds, importsOf);
    return [...this.importing.values()].filter((entry) => found.has(entry.file.absPath));
  }
}

function reread(reader: SourceReader, { file, slot }: Importing): SlottedCandidate | undefined {
  const outcome = reader.read(file, () => true);
  const held = outcome.candidate ? outcome : outcome.kept;
  return held && { file, text: held.text, stats: held.stats, slot };
}

/** One ts-morph project per root (hints are keyed by the path relative to it). */
async function attachHints(files: SlottedCandidate[]): Promise<void> {
  const { analyseProject } = await import("../analysis/index.js");
  const roots = new Map<string, SlottedCandidate[]>();
  for (const candidate of files) {
    if (roots.has(candidate.file.root)) roots.get(candidate.file.root)!.push(candidate);
    else roots.set(candidate.file.root, [candidate]);
  }
  for (const [root, group] of roots) {
    const byPath = new Map(group.map((candidate) => [candidate.file.relPath, candidate]));
    const texts = new Map(group.map((candidate) => [candidate.file.relPath, candidate.text]));
    const hints = await analyseProject(root, [...byPath.keys()], texts);
    for (const [relPath, found] of hints) byPath.get(relPath)!.hints = found;
  }
}

export interface TypePassOutcome {
  summary: TypePassSummary;
  /** Files the pre-filter rejected in which the type pass found Gladia values: new candidates. */
  promoted: SlottedCandidate[];
}

/** Runs the type pass over what the scan found; hints go onto the candidates themselves. */
export async function runTypePass(scan: TypeScan, reader: SourceReader): Promise<TypePassOutcome | undefined> {
  if (!scan.worthRunning) return undefined;
  const importers = scan.importers().flatMap((entry) => reread(reader, entry) ?? []);
  const files = [...scan.held(), ...importers];
  const summary: TypePassSummary = { analysed: files.length, found: [], foundThroughTypes: [] };
  try {
    await attachHints(files);
  } catch (error) {
    // The migration goes on without the hints: each file is still migrated on its own.
    summary.error = (error as Error).message.split("\n")[0];
    files.forEach((candidate) => delete candidate.hints);
    return { summary, promoted: [] };
  }
  const named = new Set(scan.named);
  const found = files.filter((candidate) => candidate.hints).sort((a, b) => a.slot - b.slot);
  const promoted = found.filter((candidate) => !named.has(candidate));
  summary.found = found.map((candidate) => candidate.file.displayPath);
  summary.foundThroughTypes = promoted.map((candidate) => candidate.file.displayPath);
  return { summary, promoted };
}
