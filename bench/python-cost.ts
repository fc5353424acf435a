// `node --expose-gc dist/bench/python-cost.js [repo] [--rounds N]`: what each Python file costs the
// Python plug-in, in one thread (no pool, no runner): every tracked `.py` file of the repo (default
// corpus c) through `processText`, N rounds (the first is a warm-up: parser and modules load).
// Prints CPU ms per file, the process RSS after each round (after a GC when `--expose-gc` is given,
// so native memory that grows across files shows), the peak RSS, and a digest of every result and
// new text (equal digests before and after a change: same output). The event loop turns between
// files, as in a worker: Node runs the finalizers that free ast-grep's native trees only then.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { python } from "../src/languages/python.js";
import { timedRound } from "./plugin-round.js";

const args = process.argv.slice(2);
const roundsAt = args.indexOf("--rounds");
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 5;
const repo = path.resolve(args[0] ?? path.join(os.tmpdir(), "gladia-to-assemblyai-bench/c-v2-251e099066"));

const files = execFileSync("git", ["ls-files", "-z", "*.py"], { cwd: repo, encoding: "utf8" }).split("\0").filter(Boolean);
const texts = files.map((relPath) => ({ relPath, text: readFileSync(path.join(repo, relPath), "utf8") }));
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
const gc = (globalThis as { gc?: () => void }).gc;

function peakRss(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return match ? Number(match[1]) * 1024 : 0;
}

console.log(`${texts.length} Python files from ${repo}${gc ? "" : " (run with --expose-gc to see RSS after GC)"}`);
const cpu: number[] = [];
for (let round = 0; round < rounds; round++) {
  const { cpuMs, digest } = await timedRound(texts, python, () => ({ strategy: "native" }), true);
  const rssBeforeGc = process.memoryUsage().rss;
  gc?.();
  await new Promise((resolve) => setImmediate(resolve));
  if (round > 0) cpu.push(cpuMs);
  const perFile = (cpuMs / texts.length).toFixed(2);
  console.log(`round ${round}${round === 0 ? " (warm-up)" : ""}: ${perFile} ms CPU/file, RSS ${mib(rssBeforeGc)} MiB${gc ? ` (${mib(process.memoryUsage().rss)} after GC)` : ""}, heap ${mib(process.memoryUsage().heapUsed)} MiB, digest ${digest}`);
}
cpu.sort((a, b) => a - b);
const median = cpu.length ? cpu[Math.floor(cpu.length / 2)] : NaN;
console.log(`median ${(median / texts.length).toFixed(2)} ms CPU/file, peak RSS ${mib(peakRss())} MiB`);
