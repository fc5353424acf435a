// `node dist/bench/js-once.js prepare [repo] <files.json>` then `node dist/bench/js-once.js <files.json>`:
// the JS/TS plug-in's cost in a FRESH process, as a run pays it on a corpus with a few Gladia files
// (cold JIT, plug-in load through the code cache). `prepare` lists the repo's JS/TS candidates and
// the type pass's hints for them into a JSON file (so the measured process never loads ts-morph);
// the second form loads the plug-in as the runner does and runs `processText` once over them.
// Count its instructions with `valgrind --tool=callgrind --callgrind-out-file=/dev/null node
// --single-threaded --interrupt-budget=540672 dist/bench/js-once.js <files.json>` ("Collected";
// `--single-threaded` keeps V8's compiles on the main thread: the count is then steady to ~0.1%).

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { saveCodeCaches } from "../src/core/code-cache.js";
import { javascriptInfo } from "../src/languages/javascript-info.js";
import { loadLanguage } from "../src/languages/registry.js";
import { timedRound, type SourceFile } from "./plugin-round.js";

interface Candidate extends SourceFile {
  hints?: Record<string, unknown>;
}

async function prepare(repo: string, out: string): Promise<void> {
  const listed = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: repo, maxBuffer: 1 << 30, encoding: "utf8" }).split("\0");
  const files = listed
    .filter((file) => file && !file.split("/").includes("node_modules") && javascriptInfo.matches(file))
    .map((relPath) => ({ relPath, text: readFileSync(path.join(repo, relPath), "utf8") }))
    .filter(({ relPath, text }) => javascriptInfo.mayConcern(text, relPath));
  const { analyseProject } = await import("../src/analysis/index.js"); // not in the measured process
  const hints = await analyseProject(repo, files.map((f) => f.relPath), new Map(files.map((f) => [f.relPath, f.text])));
  const candidates: Candidate[] = files.map((f) => ({ ...f, hints: hints.get(f.relPath) as Record<string, unknown> | undefined }));
  writeFileSync(out, JSON.stringify(candidates));
  console.log(`${candidates.length} JS/TS candidates (${hints.size} with hints) -> ${out}`);
}

async function runOnce(input: string): Promise<void> {
  const candidates = JSON.parse(readFileSync(input, "utf8")) as Candidate[];
  const hintsOf = new Map(candidates.map((c) => [c.relPath, c.hints]));
  const loadStart = performance.now();
  const plugin = await loadLanguage("javascript");
  const loadMs = performance.now() - loadStart;
  const round = await timedRound(candidates, plugin, (relPath) => ({ strategy: "native", ...(hintsOf.get(relPath) ? { hints: hintsOf.get(relPath) } : {}) }));
  saveCodeCaches(); // as a run does: the next process loads the plug-in from the cache
  console.log(`load ${loadMs.toFixed(0)} ms wall, ${candidates.length} files ${round.cpuMs.toFixed(0)} ms CPU, digest ${round.digest}`);
}

const args = process.argv.slice(2);
if (args[0] === "prepare") await prepare(path.resolve(args.length > 2 ? args[1] : "/tmp/gladia-to-assemblyai-bench/b-v2-251e099066"), args[args.length - 1]);
else await runOnce(args[0]);
