// The three commands the benchmark compares, and how to find out whether the CLI exists yet.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "./measure.js";

export type Tool = "floor" | "cli" | "jscodeshift";
export const TOOLS: readonly Tool[] = ["floor", "cli", "jscodeshift"];

/** Extensions jscodeshift parses (its default list, minus the rare .es/.es6). */
const JS_EXTENSIONS = "js,jsx,mjs,cjs,ts,tsx";

const quietEnv = (): NodeJS.ProcessEnv => ({ ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" });

/** Walks up from `start` to the directory holding this project's package.json. */
export function findProjectRoot(start: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "gladia-to-assemblyai") return dir;
    if (path.dirname(dir) === dir) throw new Error(`no gladia-to-assemblyai package.json above ${start}`);
  }
}

export function cliArgv(root: string, repo: string, extra: readonly string[] = []): string[] {
  return [process.execPath, ...extra, path.join(root, "bin", "gladia-to-assemblyai.js"), repo, "--dry-run", "--no-report", "--quiet"];
}

export function buildCommand(tool: Tool, root: string, repo: string): Command {
  switch (tool) {
    case "floor":
      return { label: tool, argv: [process.execPath, path.join(root, "bench", "floor.js"), repo], cwd: repo, env: quietEnv(), captureStdout: true };
    case "cli":
      // The CLI prints diffs in a dry run: they go to /dev/null, as in CI logs nobody reads.
      return { label: tool, argv: cliArgv(root, repo), cwd: repo, env: quietEnv() };
    case "jscodeshift":
      return {
        label: tool,
        argv: [
          process.execPath, path.join(root, "node_modules", "jscodeshift", "bin", "jscodeshift.js"),
          "-t", path.join(root, "bench", "jscodeshift-anchor.cjs"), "--dry", "--silent",
          `--extensions=${JS_EXTENSIONS}`, "--parser=tsx",
          // jscodeshift crashes on --gitignore when the repo has no .gitignore.
          ...(existsSync(path.join(repo, ".gitignore")) ? ["--gitignore"] : []),
          "--ignore-pattern=**/node_modules/**", "--ignore-pattern=**/.git/**", ".",
        ],
        cwd: repo,
        env: quietEnv(),
      };
  }
}

export interface CliStatus {
  available: boolean;
  reason?: string;
  helpText: string;
  /** A flag that turns the ts-morph type pass off, if the CLI has one. */
  typePassOffFlag?: string;
}

/** Flags the type pass could be turned off with; the first one `--help` mentions is used. */
const TYPE_PASS_OFF_FLAGS = ["--no-type-pass", "--no-types", "--no-type-check", "--no-typecheck", "--no-type-info", "--no-ts-morph"];

export function detectCli(root: string): CliStatus {
  const result = spawnSync(process.execPath, [path.join(root, "bin", "gladia-to-assemblyai.js"), "--help"], { encoding: "utf8", env: quietEnv(), timeout: 30_000 });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (/not built yet/i.test(output)) return { available: false, reason: "the CLI prints \"not built yet\"", helpText: output };
  if (result.error || (result.status !== 0 && !/--dry-run/.test(output))) {
    return { available: false, reason: `\`--help\` failed (exit ${result.status}): ${output.trim().split("\n").slice(-3).join(" ")}`, helpText: output };
  }
  return { available: true, helpText: output, typePassOffFlag: TYPE_PASS_OFF_FLAGS.find((flag) => output.includes(flag)) };
}
