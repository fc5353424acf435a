import type { FileResult } from "../core/types.js";

// One data structure for a whole run: `--json` prints it, the markdown report is written from it.

export type RunMode = "apply" | "dry-run" | "check";

export interface RunSummary {
  /** Files the plug-ins claimed (read, skipped or failed). */
  files: number;
  changed: number;
  unchanged: number;
  skipped: number;
  failed: number;
  /** Follow-up markers in the files after the run (including ones from earlier runs). */
  markers: number;
  notes: number;
  /** Hard-coded Gladia keys found (reported by location only). */
  secrets: number;
}

export interface EnvVarStep {
  from: string;
  to: string;
  /** Files that mention the old name. */
  files: string[];
}

export interface DependencyStep {
  id: string;
  ecosystem: string;
  remove: string;
  add: string;
  command: string;
  /** What else the reviewer must know (e.g. a runtime dependency with the adapter strategy). */
  note?: string;
  docs: string;
  files: string[];
}

/** The whole-project TypeScript type pass (strategy native, when a TypeScript file names Gladia). */
export interface TypePassSummary {
  /** TypeScript files it analysed. */
  analysed: number;
  /** Files in which it found Gladia-typed values or Gladia type declarations. */
  found: string[];
  /** Of those, the files that never name Gladia: only the type pass made them candidates. */
  foundThroughTypes: string[];
  /** Why it stopped (the run went on without its findings). */
  error?: string;
}

export interface RunResult {
  tool: { name: string; version: string };
  mode: RunMode;
  /** The paths the run was given, as typed. */
  roots: string[];
  /** Where the markdown report went (absent with --no-report). */
  report?: string;
  summary: RunSummary;
  /** Every file a plug-in claimed, in discovery order. */
  files: FileResult[];
  envVars: EnvVarStep[];
  dependencies: DependencyStep[];
  /** Absent when the type pass did not run. */
  typePass?: TypePassSummary;
}
