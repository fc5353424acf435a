// Runs a command and measures its wall time and the peak RSS of its whole process tree (the
// process, its child processes and their threads), by sampling /proc every ~20 ms.
// Linux only; elsewhere the RSS figure is missing.

import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";

export interface Command {
  label: string;
  argv: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Keep stdout (small outputs only); otherwise it goes to /dev/null. */
  captureStdout?: boolean;
}

export interface RunSample {
  seconds: number;
  /** Peak of the summed RSS of the tree; null where /proc is unavailable. */
  peakRssBytes: number | null;
  exitCode: number | null;
  stdout: string;
  stderrTail: string;
}

export interface Summary {
  medianSeconds: number;
  medianPeakRssMiB: number | null;
  seconds: number[];
  peakRssMiB: Array<number | null>;
  exitCodes: Array<number | null>;
}

const SAMPLE_INTERVAL_MS = 20;
const STDERR_TAIL_BYTES = 4096;
const HAS_PROC = existsSync("/proc/self/status");

export function runMeasured(command: Command): Promise<RunSample> {
  return new Promise((resolve, reject) => {
    const [file, ...args] = command.argv;
    const start = performance.now();
    const child = spawn(file, args, {
      cwd: command.cwd,
      env: command.env ?? process.env,
      stdio: ["ignore", command.captureStdout ? "pipe" : "ignore", "pipe"],
    });
    const tracker = new TreeMemoryTracker(child.pid!);
    const timer = setInterval(() => tracker.sample(), SAMPLE_INTERVAL_MS);
    tracker.sample();
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_BYTES)));
    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      const seconds = (performance.now() - start) / 1000;
      clearInterval(timer);
      // 'close' waits for the stdio pipes so the captured output is complete.
      child.on("close", () =>
        resolve({ seconds, peakRssBytes: tracker.peakBytes(), exitCode: code ?? (signal ? 128 : null), stdout, stderrTail: stderr }),
      );
    });
  });
}

/**
 * Tracks the largest summed RSS of a process tree seen in any sample. Each process's own high-water
 * mark (VmHWM) is also kept, so the peak of a single process between samples is not missed.
 */
class TreeMemoryTracker {
  private maxSumBytes = 0;
  private maxSingleHwmBytes = 0;

  constructor(private readonly rootPid: number) {}

  sample(): void {
    if (!HAS_PROC) return;
    let sum = 0;
    for (const pid of descendantsAndSelf(this.rootPid)) {
      const memory = readMemory(pid);
      if (!memory) continue;
      sum += memory.rssBytes;
      this.maxSingleHwmBytes = Math.max(this.maxSingleHwmBytes, memory.hwmBytes);
    }
    this.maxSumBytes = Math.max(this.maxSumBytes, sum);
  }

  peakBytes(): number | null {
    return HAS_PROC ? Math.max(this.maxSumBytes, this.maxSingleHwmBytes) : null;
  }
}

function descendantsAndSelf(rootPid: number): number[] {
  const childrenOf = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = readParentPid(Number(entry));
    if (ppid === undefined) continue;
    const siblings = childrenOf.get(ppid);
    if (siblings) siblings.push(Number(entry));
    else childrenOf.set(ppid, [Number(entry)]);
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) tree.push(...(childrenOf.get(tree[i]) ?? []));
  return tree;
}

function readParentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
    // The command name (field 2) may contain spaces and parentheses: parse after the last ')'.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined; // the process exited meanwhile
  }
}

function readMemory(pid: number): { rssBytes: number; hwmBytes: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "latin1");
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rssBytes: kib("VmRSS") * 1024, hwmBytes: kib("VmHWM") * 1024 };
  } catch {
    return undefined;
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const toMiB = (bytes: number | null) => (bytes === null ? null : bytes / 1024 / 1024);

export function summarize(samples: readonly RunSample[]): Summary {
  const rss = samples.map((sample) => toMiB(sample.peakRssBytes));
  const knownRss = rss.filter((value): value is number => value !== null);
  return {
    medianSeconds: median(samples.map((sample) => sample.seconds)),
    medianPeakRssMiB: knownRss.length > 0 ? median(knownRss) : null,
    seconds: samples.map((sample) => sample.seconds),
    peakRssMiB: rss,
    exitCodes: samples.map((sample) => sample.exitCode),
  };
}

export interface RoundOptions {
  runs: number;
  warmups: number;
  onRun?: (command: Command, sample: RunSample, round: number) => void;
}

/**
 * Runs every command once per round, warm-up rounds first, rotating the order each round so no
 * command always runs right after another. Returns the non-warm-up samples per command label.
 */
export async function runRounds(commands: readonly Command[], options: RoundOptions): Promise<Map<string, RunSample[]>> {
  const results = new Map<string, RunSample[]>(commands.map((command) => [command.label, []]));
  for (let round = 0; round < options.warmups + options.runs; round++) {
    const shift = round % commands.length;
    for (const command of [...commands.slice(shift), ...commands.slice(0, shift)]) {
      const sample = await runMeasured(command);
      options.onRun?.(command, sample, round);
      if (round >= options.warmups) results.get(command.label)!.push(sample);
    }
  }
  return results;
}
