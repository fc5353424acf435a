import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

// CLI tests spawn the built bin (`npm test` builds first) on temporary directories and git repos.

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(REPO_ROOT, "bin/gladia-to-assemblyai.js");

/** Gladia code that only the env-vars step changes (so these tests do not depend on other steps). */
export const GLADIA_JS = [
  "// Settings for the Gladia speech-to-text client",
  "const apiKey = process.env.GLADIA_API_KEY;",
  "export const settings = { apiKey, pollMs: 3000 };",
  "",
].join("\n");
export const MIGRATED_JS = GLADIA_JS.replace("process.env.GLADIA_API_KEY", "process.env.ASSEMBLYAI_API_KEY");
export const PLAIN_JS = "export const answer = 42;\n";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export type Files = Record<string, string | Buffer>;

export function writeFiles(dir: string, files: Files): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** A temporary directory with `files`; a git repo with everything committed unless `git: false`. */
export function makeProject(files: Files, { git: useGit = true } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "g2a-cli-"));
  created.push(dir);
  writeFiles(dir, files);
  if (useGit) {
    git(dir, "init", "-q", "-b", "main");
    git(dir, "config", "user.email", "test@example.com");
    git(dir, "config", "user.name", "test");
    git(dir, "config", "core.autocrlf", "false");
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "initial", "--allow-empty");
  }
  return dir;
}

export function commitAll(dir: string): void {
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "more", "--allow-empty");
}

export function gitStatus(dir: string): string {
  return git(dir, "status", "--porcelain");
}

export function runCli(cwd: string, args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), "utf8");
}

export function makeExecutable(dir: string, path: string): void {
  chmodSync(join(dir, path), 0o755);
}
