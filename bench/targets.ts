// The speed targets from the issue, as data: each reads one figure from the results and checks it.

import type { Summary } from "./measure.js";
import type { ModuleTrace } from "./module-trace.js";
import type { PairedFigures } from "./paired.js";

export interface CorpusResult {
  name: string;
  dir: string;
  files: number;
  /** Files the floor found mentioning Gladia. */
  gladiaFiles: number | null;
  floor?: Summary;
  cli?: Summary;
  jscodeshift?: Summary;
  cliOverFloor: number | null;
  jscodeshiftOverCli: number | null;
  cliFilesPerSecond: number | null;
  /** Every CLI run exited 0 or 1 (2+ means a usage error or a crash: the timing is meaningless). */
  cliRunsValid: boolean | null;
  /** The time the ts-morph type pass adds, how it was measured, and the measured command. */
  typePass?: { method: string; addedSeconds: number; run: Summary; hintedFiles?: number };
  modules?: ModuleTrace;
}

export type Results = Partial<Record<string, CorpusResult>>;

export interface Figures {
  corpora: Results;
  paired?: PairedFigures;
}
export type Status = "PASS" | "FAIL" | "MISSING";

export interface TargetResult {
  id: string;
  description: string;
  value: number | string | null;
  limit: string;
  status: Status;
  note?: string;
}

interface Target {
  id: string;
  description: string;
  limit: string;
  /** The corpora the figure is computed from. */
  corpora: string[];
  value: (figures: Figures) => number | string[] | null | undefined;
  passes: (value: number | string[]) => boolean;
  missingNote?: string;
}

const cliSeconds = (figures: Figures, name: string) => figures.corpora[name]?.cli?.medianSeconds;

const TARGETS: Target[] = [
  { id: "a.cli_over_floor", description: "(a) CLI time / floor time", limit: "<= 2", corpora: ["a"],
    value: ({ corpora: r }) => r.a?.cliOverFloor, passes: (v) => (v as number) <= 2 },
  { id: "a.jscodeshift_over_cli", description: "(a) jscodeshift (parse+print) time / CLI time", limit: ">= 10", corpora: ["a"],
    value: ({ corpora: r }) => r.a?.jscodeshiftOverCli, passes: (v) => (v as number) >= 10 },
  { id: "a.cli_peak_rss_mib", description: "(a) CLI peak RSS, MiB", limit: "<= 150", corpora: ["a"],
    value: ({ corpora: r }) => r.a?.cli?.medianPeakRssMiB, passes: (v) => (v as number) <= 150 },
  { id: "a.heavy_modules", description: "(a) heavy parsers/printers/ts-morph/prettier loaded", limit: "none", corpora: ["a"],
    value: ({ corpora: r }) => r.a?.modules?.heavy, passes: (v) => (v as string[]).length === 0 },
  { id: "b.minus_a_seconds", description: "(b) CLI time - (a) CLI time (paired rounds), s", limit: "<= 0.6", corpora: ["a", "b"],
    value: (f) => f.paired?.bMinusASeconds ?? difference(cliSeconds(f, "b"), cliSeconds(f, "a")), passes: (v) => (v as number) <= 0.6 },
  { id: "b.type_pass_seconds", description: "(b) time the ts-morph type pass adds, s", limit: "<= 0.5", corpora: ["b"],
    value: ({ corpora: r }) => r.b?.typePass?.addedSeconds, passes: (v) => (v as number) <= 0.5,
    missingNote: "needs the type pass (src/analysis) or a CLI flag that turns it off (e.g. --no-type-pass)" },
  { id: "c.files_per_second", description: "(c) CLI files/s end to end", limit: ">= 200", corpora: ["c"],
    value: ({ corpora: r }) => r.c?.cliFilesPerSecond, passes: (v) => (v as number) >= 200 },
  { id: "c.cli_peak_rss_mib", description: "(c) CLI peak RSS, MiB", limit: "<= 400", corpora: ["c"],
    value: ({ corpora: r }) => r.c?.cli?.medianPeakRssMiB, passes: (v) => (v as number) <= 400 },
  { id: "d.over_a", description: "(d) CLI time / (a) CLI time (5x the files, paired rounds)", limit: "<= 5.5", corpora: ["a", "d"],
    value: (f) => f.paired?.dOverA ?? ratio(cliSeconds(f, "d"), cliSeconds(f, "a")), passes: (v) => (v as number) <= 5.5 },
];

export function difference(a: number | null | undefined, b: number | null | undefined): number | null {
  return a == null || b == null ? null : a - b;
}

export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  return a == null || b == null || b === 0 ? null : a / b;
}

export function evaluateTargets(figures: Figures, cliReason: string | undefined): TargetResult[] {
  const results = figures.corpora;
  return TARGETS.map((target) => {
    const base = { id: target.id, description: target.description, limit: target.limit };
    const missingCorpus = target.corpora.find((name) => !results[name]);
    if (missingCorpus) return { ...base, value: null, status: "MISSING", note: `corpus ${missingCorpus} not run` };
    if (cliReason) return { ...base, value: null, status: "MISSING", note: `CLI not measurable: ${cliReason}` };
    const value = target.value(figures);
    if (value == null) return { ...base, value: null, status: "MISSING", note: target.missingNote ?? "figure not measured" };
    const invalid = target.corpora.filter((name) => results[name]?.cliRunsValid === false);
    const shown = Array.isArray(value) ? (value.length ? value.join(", ") : "none") : value;
    if (invalid.length) return { ...base, value: shown, status: "FAIL", note: `CLI exited with a usage error or crash on corpus ${invalid.join(", ")}` };
    return { ...base, value: shown, status: target.passes(value) ? "PASS" : "FAIL" };
  });
}
