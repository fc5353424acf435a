// Figures that compare the CLI on two corpora ((b) - (a), (d) / (a)) come from paired rounds: the
// CLI on each corpus back to back in every round, so a change in machine load between the corpora
// does not show up as a difference. Each figure is the median of the per-round differences/ratios.

import { buildCommand } from "./commands.js";
import { median, runRounds, type Command, type RunSample } from "./measure.js";

export interface PairedFigures {
  runs: number;
  /** CLI wall seconds per corpus, one entry per round. */
  seconds: Record<string, number[]>;
  bMinusASeconds: number | null;
  dOverA: number | null;
}

export interface PairedOptions {
  runs: number;
  warmups: number;
  onRun: (command: Command, sample: RunSample, round: number) => void;
}

/** Measures the pairs that the selected corpora allow; undefined when (a) is missing or alone. */
export async function measurePaired(root: string, dirs: Partial<Record<string, string>>, options: PairedOptions): Promise<PairedFigures | undefined> {
  const names = ["a", "b", "d"].filter((name) => dirs[name]);
  if (!dirs.a || names.length < 2) return undefined;
  const commands = names.map((name) => ({ ...buildCommand("cli", root, dirs[name]!), label: `cli:${name}` }));
  const samples = await runRounds(commands, options);
  const seconds = Object.fromEntries(names.map((name) => [name, samples.get(`cli:${name}`)!.map((sample) => sample.seconds)]));
  const perRound = (other: string, combine: (x: number, a: number) => number) =>
    seconds[other] ? median(seconds[other].map((x, i) => combine(x, seconds.a[i]))) : null;
  return {
    runs: options.runs,
    seconds,
    bMinusASeconds: perRound("b", (b, a) => b - a),
    dOverA: perRound("d", (d, a) => d / a),
  };
}
