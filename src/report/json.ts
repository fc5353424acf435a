import type { RunResult } from "./types.js";

/** The `--json` output: the run result as one object (the markdown report uses the same data). */
export function toJson(run: RunResult): string {
  return `${JSON.stringify(run, null, 2)}\n`;
}
