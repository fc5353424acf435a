// `node dist/bench/type-pass.js <repo>`: times the ts-morph type pass (analyseProject) over the
// repo's tracked files, as a run hands it "the files of the run", and prints one JSON line:
// {"seconds": <the pass alone>, "files": <files given>, "hintedFiles": <files it returned hints for>}.
// The bench uses it only when the CLI has no flag to turn the pass off (it has: --no-type-pass).

import { execFileSync } from "node:child_process";
import path from "node:path";
import { analyseProject } from "../src/analysis/index.js";

const repo = path.resolve(process.argv[2] ?? ".");
const files = execFileSync("git", ["ls-files", "-z"], { cwd: repo, maxBuffer: 1 << 30, encoding: "utf8" }).split("\0").filter(Boolean);
const start = performance.now();
const hints = await analyseProject(repo, files);
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ seconds, files: files.length, hintedFiles: hints.size }));
