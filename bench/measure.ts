// Runs a command and measures its wall time, the peak RSS of its whole process tree (the process,
// its child processes and their threads) and the tree's CPU time, by sampling /proc every ~20 ms.
// CPU time is the steadier figure when other work shares the machine. Linux only; elsewhere the
// RSS and CPU figures are missing.

import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";

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
  /** User + system CPU seconds of the tree (up to the last sample); null where /proc is unavailable. */
  cpuSeconds: number | null;
  /** 1-minute load average when the run ended: how busy the machine was. */
  loadAverage: number;
  exitCode: number | null;
  stdout: string;
  stderrTail: string;
}

export interface Summary {
  medianSeconds: number;
  medianPeakRssMiB: number | null;
  medianCpuSeconds: number | null;
  seconds: number[];
  cpuSeconds: Array<number | null>;
  loadAverages: number[];
  peakRssMiB: Array<number | null>;
  exitCodes: Array<number | null>;
}

const SAMPLE_INTERVAL_MS = 20;
const STDERR_TAIL_BYTES = 4096;
const HAS_PROC = existsSync("/proc/self/status");
/** Kernel clock ticks per second for /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

export function runMeasured(command: Command): Promise<RunSample> {
  return new Promise((resolve, reject) => {
    const [file, ...args] = command.argv;
    const start = performance.now();
    const child = spawn(file, args, {
      cwd: command.cwd,
      env: command.env ?? process.env,
      stdio: ["ignore", command.captureStdout ? "pipe" : "ignore", "pipe"],
    });
    const tracker = new TreeTracker(child.pid!);
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
        resolve({
          seconds, peakRssBytes: tracker.peakBytes(), cpuSeconds: tracker.cpuSeconds(), loadAverage: os.loadavg()[0],
          exitCode: code ?? (signal ? 128 : null), stdout, stderrTail: stderr,
        }),
      );
    });
  });
}

/**
 * Tracks the largest summed RSS of a process tree seen in any sample. Each process's own high-water
 * mark (VmHWM) is also kept, so the peak of a single process between samples is not missed.
 */
class TreeTracker {
  private maxSumBytes = 0;
  private maxSingleHwmBytes = 0;
  private maxCpuTicks = 0;

  constructor(private readonly rootPid: number) {}

  sample(): void {
    if (!HAS_PROC) return;
    const stats = readAllStats();
    let sum = 0;
    // Exited children that were waited for are counted in their parent's cutime/cstime.
    let ticks = 0;
    for (const pid of descendantsAndSelf(this.rootPid, stats)) {
      const stat = stats.get(pid)!;
      ticks += stat.ownTicks + stat.childTicks;
      const memory = readMemory(pid);
      if (!memory) continue;
      sum += memory.rssBytes;
      this.maxSingleHwmBytes = Math.max(this.maxSingleHwmBytes, memory.hwmBytes);
    }
    this.maxSumBytes = Math.max(this.maxSumBytes, sum);
    this.maxCpuTicks = Math.max(this.maxCpuTicks, ticks);
  }

  peakBytes(): number | null {
    return HAS_PROC ? Math.max(this.maxSumBytes, this.maxSingleHwmBytes) : null;
  }

  cpuSeconds(): number | null {
    return HAS_PROC ? this.maxCpuTicks / CLOCK_TICKS : null;
  }
}

interface ProcStat {
  ppid: number;
  ownTicks: number;
  childTicks: number;
}

function readAllStats(): Map<number, ProcStat> {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  return stats;
}

function descendantsAndSelf(rootPid: number, stats: Map<number, ProcStat>): number[] {
  const childrenOf = new Map<number, number[]>();
  for (const [pid, { ppid }] of stats) {
    const siblings = childrenOf.get(ppid);
    if (siblings) siblings.push(pid);
    else childrenOf.set(ppid, [pid]);
  }
  const tree = stats.has(rootPid) ? [rootPid] : [];
  for (let i = 0; i < tree.length; i++) tree.push(...(childrenOf.get(tree[i]) ?? []));
  return tree;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
    // The command name (field 2) may contain spaces and parentheses: fields count from after the
    // last ')'. There, index 1 is ppid (field 4) and 11..14 are utime, stime, cutime, cstime.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), ownTicks: Number(fields[11]) + Number(fields[12]), childTicks: Number(fields[13]) + Number(fields[14]) };
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

const medianOfKnown = (values: ReadonlyArray<number | null>) => {
  const known = values.filter((value): value is number => value !== null);
  return known.length > 0 ? median(known) : null;
};

export function summarize(samples: readonly RunSample[]): Summary {
  const rss = samples.map((sample) => toMiB(sample.peakRssBytes));
  const cpu = samples.map((sample) => sample.cpuSeconds);
  return {
    medianSeconds: median(samples.map((sample) => sample.seconds)),
    medianPeakRssMiB: medianOfKnown(rss),
    medianCpuSeconds: medianOfKnown(cpu),
    seconds: samples.map((sample) => sample.seconds),
    cpuSeconds: cpu,
    loadAverages: samples.map((sample) => sample.loadAverage),
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
