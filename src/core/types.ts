import type { RuleId } from "../mapping/rules.js";

export type FileStatus = "changed" | "unchanged" | "skipped" | "failed";

/** A follow-up raised while transforming: a marker in the code, or a note for the reviewer. */
export interface FollowUp {
  rule: RuleId;
  kind: "marker" | "note";
  /** 1-based line in the transformed text (0 when it concerns the whole file). */
  line: number;
  message: string;
  docs: string;
}

export interface TransformOptions {
  /** Step names to run (all when undefined). */
  transforms?: string[];
  /** `native` rewrites SDK calls; `adapter` points `@gladiaio/sdk` imports at the runtime client. */
  strategy: "native" | "adapter";
  /** Per-file hints from whole-project analysis (ts-morph type pass), keyed by the analysis. */
  hints?: Record<string, unknown>;
  /** `false` (CLI `--no-type-pass`): no whole-project type pass, so no hints; each file is migrated on its own. */
  typePass?: boolean;
  /**
   * package.json: what the code files it serves (below it, up to a nested package.json) import
   * once migrated; undefined when unknown (a manifest transformed on its own).
   */
  manifestUse?: ManifestUse;
}

export interface ManifestUse {
  /** Some file still imports `@gladiaio/sdk` (live transcription, code left with a marker). */
  gladiaSdk: boolean;
  /** Some file imports what replaces it (`assemblyai`, or `gladia-to-assemblyai/runtime`). */
  target: boolean;
}

export interface TransformInput {
  /** Path relative to the run root, POSIX separators. */
  path: string;
  /** Text with the BOM removed and line endings normalised to LF. */
  text: string;
  options: TransformOptions;
}

export interface TransformOutput {
  text: string;
  /** Names of the steps that changed something. */
  steps: string[];
  followUps: FollowUp[];
  /** Lines holding a hard-coded Gladia key (reported by location only). */
  secretLines?: number[];
}

/** A kind of file the codemod can migrate: JS/TS, Python, a manifest, an env file… */
export interface LanguagePlugin {
  name: string;
  /** Does this plug-in own the file (by extension or base name)? */
  matches(path: string): boolean;
  /** Cheap string check run before parsing: false means the file cannot concern Gladia. */
  mayConcern(text: string, path: string): boolean;
  transform(input: TransformInput): TransformOutput;
  /** An error message when the text does not parse, null when it does. */
  parseError(text: string, path: string): string | null;
  /** Prettier may format this kind of file after a change. */
  prettier?: boolean;
  /** Step names this plug-in knows, for `--transforms` / `--list-transforms`. */
  steps: { name: string; description: string }[];
}

export interface MarkerRecord {
  line: number;
  message: string;
  docs?: string;
}

export interface NoteRecord {
  rule: RuleId;
  line: number;
  message: string;
  docs: string;
}

export interface FileResult {
  path: string;
  status: FileStatus;
  language?: string;
  steps: string[];
  /** Every marker left in the file after the run (including ones from earlier runs). */
  markers: MarkerRecord[];
  notes: NoteRecord[];
  secretLines: number[];
  /** Why a file was skipped or failed. */
  reason?: string;
  /** Unified diff of the change (dry run). */
  diff?: string;
}

/** The cheap part of a plug-in: what the CLI needs before (or without) loading a parser. */
export type LanguageInfo = Pick<LanguagePlugin, "name" | "matches" | "mayConcern" | "steps" | "prettier">;

/**
 * A registry entry: the cheap part, plus `load()` for the whole plug-in. The runner imports the
 * heavy part (jscodeshift, ast-grep, …) only when a file passes `mayConcern`.
 */
export interface LanguageEntry extends LanguageInfo {
  load(): Promise<LanguagePlugin>;
}
