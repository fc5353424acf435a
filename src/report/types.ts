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
  docs: string;
  files: string[];
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
}
