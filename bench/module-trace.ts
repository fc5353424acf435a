// Which npm packages the CLI loads on a corpus: on one with no Gladia use, no parser, printer,
// type checker or formatter should load at all.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cliArgv } from "./commands.js";
import { runMeasured } from "./measure.js";

/** Packages that cost real start-up time and memory: load them only for files that need them. */
export const HEAVY_PACKAGES = [
  "ts-morph", "@ts-morph/common", "typescript", "prettier", "jscodeshift", "recast", "@babel/parser",
  "@babel/core", "flow-parser", "@ast-grep/napi", "@ast-grep/lang-python",
];

export interface ModuleTrace {
  packages: string[];
  heavy: string[];
  exitCode: number | null;
}

export async function traceCliModules(root: string, repo: string): Promise<ModuleTrace> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-trace-"));
  const traceFile = path.join(dir, "modules.txt");
  try {
    const argv = cliArgv(root, repo, ["--import", path.join(root, "bench", "trace-modules.mjs")]);
    const run = await runMeasured({ label: "cli-trace", argv, cwd: repo, env: { ...process.env, NO_COLOR: "1", BENCH_TRACE_FILE: traceFile } });
    const packages = [...new Set(readLines(traceFile).map(packageOf))].sort();
    return { packages, heavy: packages.filter((name) => HEAVY_PACKAGES.includes(name)), exitCode: run.exitCode };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readLines(file: string): string[] {
  try {
    return readFileSync(file, "utf8").split("\n").filter(Boolean);
  } catch {
    return []; // nothing from node_modules was loaded
  }
}

function packageOf(file: string): string {
  const parts = file.slice(file.lastIndexOf("/node_modules/") + "/node_modules/".length).split("/");
  return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
}
