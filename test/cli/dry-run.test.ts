import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GLADIA_JS, MIGRATED_JS, PLAIN_JS, gitStatus, makeProject, read, runCli } from "./helpers.js";

const MARKED_JS = [
  "// TODO(gladia-to-assemblyai): AssemblyAI times are integer milliseconds. See https://www.assemblyai.com/docs/api-reference/transcripts/get",
  "export const seconds = (u) => u.start;",
  "",
].join("\n");

describe("dry run", () => {
  it("prints a unified diff and writes no source file", () => {
    const dir = makeProject({ "src/api.js": GLADIA_JS, "src/plain.js": PLAIN_JS });
    const result = runCli(dir, ["--dry-run", "--no-report"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--- a/src/api.js\n+++ b/src/api.js\n@@ ");
    expect(result.stdout).toContain("-const apiKey = process.env.GLADIA_API_KEY;\n+const apiKey = process.env.ASSEMBLYAI_API_KEY;");
    expect(result.stdout).not.toContain("plain.js");
    expect(result.stdout).not.toMatch(/\x1b\[/); // piped: no colours
    expect(read(dir, "src/api.js")).toBe(GLADIA_JS);
    expect(gitStatus(dir)).toBe("");
    expect(result.stderr).toMatch(/dry run: 1 would change, 1 unchanged, 0 skipped, 0 failed, 0 markers/);
  });

  it("colours the diff when asked to (FORCE_COLOR), as on a terminal", () => {
    const dir = makeProject({ "api.js": GLADIA_JS });
    const result = runCli(dir, ["-d", "--no-report"], { FORCE_COLOR: "1" });
    expect(result.stdout).toContain("\x1b[32m+const apiKey = process.env.ASSEMBLYAI_API_KEY;");
    expect(result.stdout).toContain("\x1b[31m-const apiKey = process.env.GLADIA_API_KEY;");
  });

  it("is allowed on a dirty tree", () => {
    const dir = makeProject({ "api.js": GLADIA_JS });
    writeFileSync(join(dir, "api.js"), `${GLADIA_JS}// edited\n`);
    const result = runCli(dir, ["-d", "--no-report"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("+const apiKey = process.env.ASSEMBLYAI_API_KEY;");
    expect(read(dir, "api.js")).toBe(`${GLADIA_JS}// edited\n`);
  });
});

describe("--check", () => {
  it("exits 1 when a file would change, and writes nothing", () => {
    const dir = makeProject({ "api.js": GLADIA_JS });
    const result = runCli(dir, ["--check", "--no-report"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("+const apiKey = process.env.ASSEMBLYAI_API_KEY;");
    expect(read(dir, "api.js")).toBe(GLADIA_JS);
  });

  it("exits 0 when nothing would change and no marker remains", () => {
    const dir = makeProject({ "api.js": MIGRATED_JS, "plain.ts": PLAIN_JS });
    const result = runCli(dir, ["--check", "--no-report"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
  });

  it("exits 1 when a follow-up marker remains, and counts it", () => {
    const dir = makeProject({ "times.js": MARKED_JS });
    const result = runCli(dir, ["--check", "--no-report", "--json"]);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.summary).toMatchObject({ changed: 0, markers: 1 });
    expect(json.files[0].markers).toEqual([
      { line: 1, message: "AssemblyAI times are integer milliseconds.", docs: "https://www.assemblyai.com/docs/api-reference/transcripts/get" },
    ]);
  });
});
