import type { TransformOptions } from "../core/types.js";
import { ImportIndex, mayDeclareGladiaTypes, readsGladiaKeys, relativeImports, TS_FILE } from "../analysis/candidates.js";
import type { TypePassSummary } from "../report/types.js";
import type { DiscoveredFile } from "./discover.js";
import type { SourceReader } from "./read.js";
import type { Candidate } from "./settle.js";
import { analyseInThread } from "./type-pass-thread.js";

// The whole-project type pass in a run. TypeScript files that read Gladia results through a shared
// interface often never name Gladia and fail the plug-in's pre-filter; a second cheap check, made
// while reading, picks them up for the type pass: Gladia job keys in the text, or a relative import
// (transitively) of a file that names Gladia or reads those keys. Files the type pass finds Gladia
// values in become candidates, transformed with their hints. ts-morph loads only when one of those
// files can declare a Gladia type (a transcription shape, or an `@gladiaio/sdk` import).

/** JS and TS sources: a plain-JS file can be handed Gladia values by a typed caller. */
const SCRIPT_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** A file of the run with its place among the results. */
export type SlottedCandidate = Candidate & { slot: number };

/** The steps that read hints. With the adapter strategy results keep Gladia's shape: no type pass. */
const HINTED_STEPS = ["types", "sdk"];

export function needsTypePass(options: TransformOptions): boolean {
  if (options.typePass === false) return false;
  return options.strategy === "native" && (!options.transforms || options.transforms.some((step) => HINTED_STEPS.includes(step)));
}

/** A file the pre-filter rejected, remembered without its text. */
interface Seen {
  file: DiscoveredFile;
  slot: number;
}

/** What the read loop tells about TypeScript files; which of them the type pass needs. */
export class TypeScan {
  /** JS/TS candidates of the plug-in's pre-filter (they name Gladia): JS ones can receive Gladia values from TS callers. */
  readonly named: SlottedCandidate[] = [];
  /** TypeScript files the pre-filter rejected that read Gladia job keys. */
  private readonly keyed: Seen[] = [];
  /** Every other TypeScript file with relative imports, and where they point. */
  private readonly importing: Seen[] = [];
  private readonly imports = new ImportIndex();
  /** TypeScript files rejected before the pass was known to run (none of them could make it run). */
  private readonly unscanned: Seen[] = [];
  /**
   * How likely the pass is to give each named file hints: a JS file (1) gets some only from a
   * TypeScript caller; a TypeScript file most likely where it declares or imports Gladia types (3).
   */
  private readonly ranks = new Map<Candidate, number>();
  private loadsTsMorph = false;

  addCandidate(candidate: SlottedCandidate): void {
    if (!SCRIPT_FILE.test(candidate.file.relPath)) return;
    this.named.push(candidate);
    const declares = mayDeclareGladiaTypes(candidate.text);
    this.loadsTsMorph ||= declares;
    this.ranks.set(candidate, !TS_FILE.test(candidate.file.relPath) ? 1 : declares ? 3 : 2);
  }

  /** How likely the pass is to give a candidate hints (0: never; see `ranks`). */
  hintRank(candidate: Candidate): number {
    return this.ranks.get(candidate) ?? 0;
  }

  /**
   * A file the pre-filter rejected (its text is not kept). Until some file makes the pass worth
   * running, a file that cannot do so is only remembered: most runs never run the pass, and the
   * key and import checks are the read loop's main cost. `rejected()` reads those files again.
   */
  inspect(file: DiscoveredFile, slot: number, text: string): void {
    if (!TS_FILE.test(file.relPath)) return;
    if (!this.loadsTsMorph && !mayDeclareGladiaTypes(text)) this.unscanned.push({ file, slot });
    else this.scan(file, slot, text);
  }

  private scan(file: DiscoveredFile, slot: number, text: string): void {
    if (readsGladiaKeys(text)) {
      this.keyed.push({ file, slot });
      this.loadsTsMorph ||= mayDeclareGladiaTypes(text);
      return;
    }
    const specifiers = relativeImports(text);
    if (specifiers.length === 0) return;
    this.importing.push({ file, slot });
    this.imports.add(file.absPath, specifiers);
  }

  /** The files `inspect` only remembered, read again and scanned like the others. */
  private scanRemembered(reader: SourceReader): void {
    for (const { file, slot } of this.unscanned.splice(0)) {
      const { text } = reader.read(file);
      if (text !== undefined) this.scan(file, slot, text);
    }
  }

  get worthRunning(): boolean {
    return this.loadsTsMorph;
  }

  /** Files the pre-filter rejected that the type pass needs: keyed ones and importers, transitively. */
  rejected(reader: SourceReader): Seen[] {
    this.scanRemembered(reader);
    const found = this.imports.withImporters([...this.named, ...this.keyed].map(({ file }) => file.absPath));
    const importers = this.importing.filter(({ file }) => found.has(file.absPath));
    return [...this.keyed, ...importers];
  }
}

/** Read again, text and stats: the type pass and the transform then see the same text. */
function reread(reader: SourceReader, { file, slot }: Seen): SlottedCandidate | undefined {
  const outcome = reader.read(file, true);
  return outcome.text === undefined || outcome.stats === undefined ? undefined : { file, text: outcome.text, stats: outcome.stats, slot };
}

/** One ts-morph project per root (hints are keyed by the path relative to it). */
async function attachHints(files: SlottedCandidate[]): Promise<void> {
  const roots = new Map<string, SlottedCandidate[]>();
  for (const candidate of files) {
    if (roots.has(candidate.file.root)) roots.get(candidate.file.root)!.push(candidate);
    else roots.set(candidate.file.root, [candidate]);
  }
  for (const [root, group] of roots) {
    const byPath = new Map(group.map((candidate) => [candidate.file.relPath, candidate]));
    const texts = new Map(group.map((candidate) => [candidate.file.relPath, candidate.text]));
    const hints = await analyseInThread(root, [...byPath.keys()], texts);
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
  const rejected = scan.rejected(reader).flatMap((seen) => reread(reader, seen) ?? []).sort((a, b) => a.slot - b.slot);
  const files = [...scan.named, ...rejected];
  const summary: TypePassSummary = { analysed: files.length, found: [], foundThroughTypes: [] };
  try {
    await attachHints(files);
  } catch (error) {
    // The migration goes on without the hints: each file is still migrated on its own.
    summary.error = (error as Error).message.split("\n")[0];
    files.forEach((candidate) => delete candidate.hints);
    return { summary, promoted: [] };
  }
  const found = files.filter((candidate) => candidate.hints).sort((a, b) => a.slot - b.slot);
  const promoted = rejected.filter((candidate) => candidate.hints);
  summary.found = found.map((candidate) => candidate.file.displayPath);
  summary.foundThroughTypes = promoted.map((candidate) => candidate.file.displayPath);
  return { summary, promoted };
}
