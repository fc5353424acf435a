// Text output of the benchmark: the figures table, the derived ratios and the target checks.

import type { PairedFigures } from "./paired.js";
import type { ProfileSummary } from "./profile.js";
import { difference, ratio, type CorpusResult, type Results, type TargetResult } from "./targets.js";

const fixed = (value: number | null | undefined, digits: number) => (value == null ? "-" : value.toFixed(digits));

const COLUMNS: Array<[string, (r: CorpusResult) => string]> = [
  ["corpus", (r) => r.name],
  ["files", (r) => String(r.files)],
  ["gladia", (r) => (r.gladiaFiles == null ? "-" : String(r.gladiaFiles))],
  ["floor s", (r) => fixed(r.floor?.medianSeconds, 3)],
  ["CLI s", (r) => fixed(r.cli?.medianSeconds, 3)],
  ["jscodeshift s", (r) => fixed(r.jscodeshift?.medianSeconds, 2)],
  ["CLI/floor", (r) => fixed(r.cliOverFloor, 2)],
  ["jscs/CLI", (r) => fixed(r.jscodeshiftOverCli, 1)],
  ["floor MiB", (r) => fixed(r.floor?.medianPeakRssMiB, 0)],
  ["CLI MiB", (r) => fixed(r.cli?.medianPeakRssMiB, 0)],
  ["jscs MiB", (r) => fixed(r.jscodeshift?.medianPeakRssMiB, 0)],
  ["CLI files/s", (r) => fixed(r.cliFilesPerSecond, 0)],
  ["floor cpu s", (r) => fixed(r.floor?.medianCpuSeconds, 2)],
  ["CLI cpu s", (r) => fixed(r.cli?.medianCpuSeconds, 2)],
  ["load", (r) => fixed(medianLoad(r), 1)],
];

/** The machine's median 1-minute load average over the corpus's runs (2 cores: above 2 is busy). */
function medianLoad(r: CorpusResult): number | null {
  const loads = [r.floor, r.cli, r.jscodeshift].flatMap((summary) => summary?.loadAverages ?? []).sort((a, b) => a - b);
  return loads.length ? loads[loads.length >> 1] : null;
}

export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function formatResults(results: Results, paired?: PairedFigures): string {
  const rows = Object.values(results).filter((r): r is CorpusResult => !!r);
  const lines = [formatTable(COLUMNS.map(([header]) => header), rows.map((r) => COLUMNS.map(([, cell]) => cell(r))))];
  const cli = (name: string) => results[name]?.cli?.medianSeconds;
  const derived: Array<[string, string]> = [
    ["(b) - (a) CLI time", `${fixed(difference(cli("b"), cli("a")), 3)} s (medians); ${fixed(paired?.bMinusASeconds, 3)} s (paired rounds)`],
    ["(d) / (a) CLI time", `${fixed(ratio(cli("d"), cli("a")), 2)} (medians); ${fixed(paired?.dOverA, 2)} (paired rounds)`],
    ["(d) / (a) floor time", fixed(ratio(results.d?.floor?.medianSeconds, results.a?.floor?.medianSeconds), 2)],
    ["(b) type pass adds", results.b?.typePass ? `${fixed(results.b.typePass.addedSeconds, 3)} s, peak RSS ${fixed(results.b.typePass.run.medianPeakRssMiB, 0)} MiB (${results.b.typePass.method})` : "-"],
  ];
  lines.push("", ...derived.map(([label, value]) => `${label.padEnd(22)} ${value}`));
  for (const r of rows) {
    if (r.modules) lines.push(`modules loaded by the CLI on ${r.name}: ${r.modules.packages.join(", ") || "(none from node_modules)"}`);
  }
  return lines.join("\n");
}

export function formatTargets(targets: readonly TargetResult[]): string {
  return targets
    .map((t) => {
      const value = typeof t.value === "number" ? fixed(t.value, 3) : (t.value ?? "-");
      return `${t.status.padEnd(7)} ${t.description}: ${value} (target ${t.limit})${t.note ? ` [${t.note}]` : ""}`;
    })
    .join("\n");
}

export function formatProfile(name: string, profile: ProfileSummary): string {
  const lines = [`CPU profile of the CLI on ${name} (wall ${profile.wallSeconds.toFixed(3)} s, profiles in ${profile.dir}):`];
  for (const thread of profile.threads) {
    lines.push(`  ${thread.file} (${thread.profiledMs.toFixed(0)} ms profiled)`);
    for (const entry of thread.top) lines.push(`    ${String(entry.ms).padStart(6)} ms  ${entry.category}`);
  }
  return lines.join("\n");
}
