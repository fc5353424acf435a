import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GLADIA_JS, MIGRATED_JS, PLAIN_JS, commitAll, gitStatus, makeExecutable, makeProject, read, runCli } from "./helpers.js";

const BROKEN_JS = "// gladia client\nconst key = process.env.GLADIA_API_KEY;\nexport const broken = ;\n";

describe("applying", () => {
  it("migrates files in place and writes the report", () => {
    const dir = makeProject({ "src/api.js": GLADIA_JS, "src/plain.js": PLAIN_JS });
    const result = runCli(dir, []);
    expect(result.code).toBe(0);
    expect(read(dir, "src/api.js")).toBe(MIGRATED_JS);
    expect(read(dir, "src/plain.js")).toBe(PLAIN_JS);
    expect(result.stdout).toBe(""); // no diff when applying
    expect(read(dir, "gladia-to-assemblyai-report.md")).toContain("## Changed files");
  });

  it("refuses a dirty tree before doing any work, unless --allow-dirty", () => {
    const dir = makeProject({ "api.js": GLADIA_JS });
    writeFileSync(join(dir, "notes.txt"), "work in progress\n");
    const refused = runCli(dir, []);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/uncommitted changes .*notes\.txt.*--allow-dirty/s);
    expect(read(dir, "api.js")).toBe(GLADIA_JS);
    expect(gitStatus(dir)).toBe("?? notes.txt\n"); // not even the report was written

    const allowed = runCli(dir, ["--allow-dirty"]);
    expect(allowed.code).toBe(0);
    expect(read(dir, "api.js")).toBe(MIGRATED_JS);
  });

  it("does not count its own report as a dirty change (dry run, then apply)", () => {
    const dir = makeProject({ "api.js": GLADIA_JS });
    expect(runCli(dir, ["--dry-run"]).code).toBe(0);
    expect(gitStatus(dir)).toBe("?? gladia-to-assemblyai-report.md\n");
    expect(runCli(dir, []).code).toBe(0);
    expect(read(dir, "api.js")).toBe(MIGRATED_JS);
  });

  it("reports a file with a syntax error (exit 1) and still migrates the others", () => {
    const dir = makeProject({ "a.js": GLADIA_JS, "broken.js": BROKEN_JS, "c.ts": GLADIA_JS });
    const result = runCli(dir, ["--json", "--no-report"]);
    expect(result.code).toBe(1);
    expect(read(dir, "a.js")).toBe(MIGRATED_JS);
    expect(read(dir, "c.ts")).toBe(MIGRATED_JS);
    expect(read(dir, "broken.js")).toBe(BROKEN_JS);
    const json = JSON.parse(result.stdout);
    expect(json.summary).toMatchObject({ changed: 2, failed: 1 });
    const broken = json.files.find((file: { path: string }) => file.path === "broken.js");
    expect(broken.status).toBe("failed");
    expect(broken.reason).toMatch(/Unexpected token/);
    expect(result.stderr).toMatch(/✖ broken\.js: .*Unexpected token/);
  });

  it("exits 1 on a failure even with --quiet, printing only the error", () => {
    const dir = makeProject({ "a.js": GLADIA_JS, "broken.js": BROKEN_JS });
    const result = runCli(dir, ["--quiet", "--no-report"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^✖ broken\.js: /)]);
    expect(read(dir, "a.js")).toBe(MIGRATED_JS);
  });

  it("keeps file mode, CRLF line endings and the BOM (atomic write)", () => {
    const crlf = GLADIA_JS.replace(/\n/g, "\r\n");
    const bom = `\uFEFF${GLADIA_JS}`;
    const dir = makeProject({ "bin/tool.js": crlf, "bom.ts": bom });
    makeExecutable(dir, "bin/tool.js");
    commitAll(dir);
    const inodeBefore = statSync(join(dir, "bin/tool.js")).ino;
    const result = runCli(dir, ["--no-report"]);
    expect(result.code).toBe(0);
    expect(read(dir, "bin/tool.js")).toBe(MIGRATED_JS.replace(/\n/g, "\r\n"));
    expect(read(dir, "bom.ts")).toBe(`\uFEFF${MIGRATED_JS}`);
    const after = statSync(join(dir, "bin/tool.js"));
    expect(after.mode & 0o777).toBe(0o755);
    expect(after.ino).not.toBe(inodeBefore); // replaced by rename, not rewritten in place
  });

  it("is idempotent: a second run changes nothing", () => {
    const dir = makeProject({ "a.js": GLADIA_JS, ".env.example": "GLADIA_API_KEY=\n" });
    expect(runCli(dir, ["--no-report"]).code).toBe(0);
    commitAll(dir);
    const second = runCli(dir, ["--check", "--no-report"]);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/0 would change/);
  });
});
