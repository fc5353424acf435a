import { createColors } from "picocolors";
import type { Colors } from "picocolors/types.js";
import type { FileResult } from "../core/types.js";
import type { RunResult } from "../report/types.js";
import { colourDiff } from "../runner/diff.js";

// What the CLI prints: diffs on stdout, everything else on stderr, colours only on a terminal.

export function colorsFor(stream: NodeJS.WriteStream): Colors {
  if (process.env.NO_COLOR) return createColors(false);
  return createColors(!!process.env.FORCE_COLOR || stream.isTTY === true);
}

export function printDiff(result: FileResult): void {
  if (result.diff) process.stdout.write(`${colourDiff(result.diff, colorsFor(process.stdout))}\n`);
}

export function printFailure(result: FileResult): void {
  const c = colorsFor(process.stderr);
  process.stderr.write(`${c.red("✖")} ${result.path}: ${result.reason ?? "failed"}\n`);
}

export function printStatus(result: FileResult): void {
  const c = colorsFor(process.stderr);
  const detail = result.reason ?? (result.steps.length > 0 ? result.steps.join(", ") : "");
  const markers = result.markers.length > 0 ? ` (${result.markers.length} marker(s))` : "";
  process.stderr.write(`${c.dim(result.status.padEnd(9))} ${result.path}${detail ? ` ${c.dim(detail)}` : ""}${markers}\n`);
}

export function printSummary(run: RunResult, reportPath: string | undefined): void {
  const c = colorsFor(process.stderr);
  const { summary } = run;
  const changed = run.mode === "apply" ? "changed" : "would change";
  const parts = [
    c.green(`${summary.changed} ${changed}`),
    `${summary.unchanged} unchanged`,
    summary.skipped > 0 ? c.yellow(`${summary.skipped} skipped`) : `0 skipped`,
    summary.failed > 0 ? c.red(`${summary.failed} failed`) : "0 failed",
    summary.markers > 0 ? c.yellow(`${summary.markers} marker(s)`) : "0 markers",
  ];
  const label = { apply: "migrated", "dry-run": "dry run", check: "check" }[run.mode];
  process.stderr.write(`${c.bold(label)}: ${parts.join(", ")}\n`);
  if (reportPath) process.stderr.write(`report: ${reportPath}\n`);
}
