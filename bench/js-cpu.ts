// `node dist/bench/js-cpu.js [repo] [--rounds N] [--steps]`: CPU cost of the JS/TS plug-in alone,
// in one thread (no pool, no I/O in the timed part). Reads the repo's JS/TS candidates, attaches
// the type pass's hints once (as a run would), then times processText over all of them, N rounds
// after a warm-up. Prints CPU ms per file per round, the slowest files, with `--steps` the time per
// step (and the output re-parse), and a digest of every result so a change can be checked to keep
// the output identical.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { analyseProject } from "../src/analysis/index.js";
import type { TransformOptions } from "../src/core/types.js";
import { javascript } from "../src/languages/javascript.js";
import { JS_STEPS } from "../transforms/index.js";
import { cpuMs, timedRound, type Round } from "./plugin-round.js";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const repo = path.resolve(args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--rounds")) ?? "/tmp/gladia-to-assemblyai-bench/c-v2-251e099066");
const rounds = value("--rounds", 3);

const listed = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: repo, maxBuffer: 1 << 30, encoding: "utf8" }).split("\0");
const files = listed
  .filter((file) => file && !file.split("/").includes("node_modules") && javascript.matches(file))
  .map((relPath) => ({ relPath, text: readFileSync(path.join(repo, relPath), "utf8") }))
  .filter(({ relPath, text }) => javascript.mayConcern(text, relPath));
const hintsStart = performance.now();
const hints = await analyseProject(repo, files.map((f) => f.relPath), new Map(files.map((f) => [f.relPath, f.text])));
console.error(`type pass: ${((performance.now() - hintsStart) / 1000).toFixed(1)} s`);
const optionsOf = (relPath: string): TransformOptions => ({ strategy: "native", ...(hints.has(relPath) ? { hints: hints.get(relPath) as unknown as Record<string, unknown> } : {}) });

// Per-step timing: wrap each step's run (and the re-parse) once, before any round.
const stepMs = new Map<string, number>();
function timed<A extends unknown[], R>(name: string, fn: (...a: A) => R): (...a: A) => R {
  return (...a) => {
    const start = cpuMs();
    try {
      return fn(...a);
    } finally {
      stepMs.set(name, (stepMs.get(name) ?? 0) + cpuMs() - start);
    }
  };
}
if (flag("--steps")) {
  for (const step of JS_STEPS) step.run = timed(step.name, step.run.bind(step));
  javascript.parseError = timed("(parseError)", javascript.parseError);
  javascript.transform = timed("(transform, inclusive)", javascript.transform);
}

const round = () => timedRound(files, javascript, optionsOf);
await round(); // warm-up (JIT, lazy modules)
stepMs.clear();
const results: Round[] = [];
for (let i = 0; i < rounds; i++) results.push(await round());
const perFileMs = results.map((r) => r.cpuMs / files.length).sort((a, b) => a - b);
console.log(`${files.length} JS/TS files, ${rounds} rounds: CPU ms/file ${perFileMs.map((m) => m.toFixed(2)).join(" ")} (median ${perFileMs[Math.floor(rounds / 2)].toFixed(2)}, min ${perFileMs[0].toFixed(2)})`);
console.log(`digest ${[...new Set(results.map((r) => r.digest))].join(" ")}`);
const slowest = results[0].perFile.sort((a, b) => b.ms - a.ms).slice(0, 5);
console.log(`slowest: ${slowest.map((f) => `${f.relPath} ${f.ms.toFixed(1)} ms`).join(", ")}`);
if (flag("--steps")) {
  for (const [name, ms] of [...stepMs].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(24)} ${(ms / rounds / files.length).toFixed(3)} ms/file`);
}
