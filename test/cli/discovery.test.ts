import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GLADIA_JS, MIGRATED_JS, commitAll, makeProject, read, runCli, writeFiles } from "./helpers.js";

interface JsonFile {
  path: string;
  status: string;
  reason?: string;
}

function jsonRun(dir: string, args: string[] = []): { code: number | null; files: JsonFile[]; summary: Record<string, number> } {
  const result = runCli(dir, ["--json", "--no-report", "--allow-dirty", ...args]);
  const json = JSON.parse(result.stdout);
  return { code: result.code, files: json.files, summary: json.summary };
}

function statusOf(files: JsonFile[], path: string): JsonFile | undefined {
  return files.find((file) => file.path === path);
}

describe("file discovery", () => {
  it("skips and reports binary and oversized files", () => {
    const big = `${GLADIA_JS}${"// padding\n".repeat(200)}`;
    const dir = makeProject({ "data.js": Buffer.from([0x67, 0x6c, 0x61, 0x64, 0x69, 0x61, 0x00, 0x01]), "big.js": big, "ok.js": GLADIA_JS });
    const { code, files, summary } = jsonRun(dir, ["--max-file-size", "1000"]);
    expect(code).toBe(0);
    expect(statusOf(files, "data.js")).toMatchObject({ status: "skipped", reason: "binary file" });
    expect(statusOf(files, "big.js")).toMatchObject({ status: "skipped", reason: expect.stringMatching(/larger than the size limit/) });
    expect(summary).toMatchObject({ changed: 1, skipped: 2 });
    expect(read(dir, "big.js")).toBe(big);
    expect(read(dir, "ok.js")).toBe(MIGRATED_JS);
  });

  it("does not follow a symlink that points outside the root", () => {
    const outside = makeProject({ "secret.js": GLADIA_JS, "lib/inner.js": GLADIA_JS }, { git: false });
    const dir = makeProject({ "app.js": GLADIA_JS });
    symlinkSync(join(outside, "secret.js"), join(dir, "link.js"));
    symlinkSync(join(outside, "lib"), join(dir, "linked-lib"));
    commitAll(dir);
    const { code, files } = jsonRun(dir);
    expect(code).toBe(0);
    expect(read(outside, "secret.js")).toBe(GLADIA_JS);
    expect(read(outside, "lib/inner.js")).toBe(GLADIA_JS);
    expect(statusOf(files, "link.js")).toMatchObject({ status: "skipped", reason: "symbolic link (not followed)" });
    expect(files.some((file) => file.path.startsWith("linked-lib"))).toBe(false);
    expect(read(dir, "app.js")).toBe(MIGRATED_JS);
  });

  it("in a git repo: tracked and untracked files, never ignored ones, dependencies or build output", () => {
    const dir = makeProject({
      ".gitignore": "generated/\n",
      "src/a.js": GLADIA_JS,
      "dist/bundle.js": GLADIA_JS, // committed build output
      "vendor.min.js": GLADIA_JS,
    });
    writeFiles(dir, { "src/new.ts": GLADIA_JS, "generated/client.js": GLADIA_JS, "node_modules/gladia/index.js": GLADIA_JS });
    const { files } = jsonRun(dir);
    expect(files.map((file) => file.path).sort()).toEqual(["src/a.js", "src/new.ts"]);
    expect(read(dir, "src/new.ts")).toBe(MIGRATED_JS);
    for (const untouched of ["dist/bundle.js", "vendor.min.js", "generated/client.js", "node_modules/gladia/index.js"]) {
      expect(read(dir, untouched)).toBe(GLADIA_JS);
    }
  });

  it("outside git: a walk that honours nested .gitignore files and --ignore", () => {
    const dir = makeProject(
      {
        ".gitignore": "tmp/\n",
        "pkg/.gitignore": "local.js\n",
        "pkg/local.js": GLADIA_JS,
        "pkg/main.js": GLADIA_JS,
        "tmp/scratch.js": GLADIA_JS,
        "legacy/old.js": GLADIA_JS,
        "build/out.js": GLADIA_JS,
        "node_modules/x/index.js": GLADIA_JS,
        ".env.example": "GLADIA_API_KEY=\n",
      },
      { git: false },
    );
    const { files } = jsonRun(dir, ["--ignore", "legacy/**"]);
    expect(files.map((file) => file.path).sort()).toEqual([".env.example", "pkg/main.js"]);
    expect(read(dir, "pkg/main.js")).toBe(MIGRATED_JS);
    expect(read(dir, ".env.example")).toBe("ASSEMBLYAI_API_KEY=\n");
    for (const untouched of ["pkg/local.js", "tmp/scratch.js", "legacy/old.js", "build/out.js", "node_modules/x/index.js"]) {
      expect(read(dir, untouched)).toBe(GLADIA_JS);
    }
  });

  it("takes file arguments and several roots, each file once", () => {
    const dir = makeProject({ "a/one.js": GLADIA_JS, "b/two.js": GLADIA_JS, "c/three.js": GLADIA_JS });
    const { files } = jsonRun(dir, ["a", "b/two.js", "a/one.js"]);
    expect(files.map((file) => file.path)).toEqual(["a/one.js", "b/two.js"]);
    expect(read(dir, "c/three.js")).toBe(GLADIA_JS);
  });

  it("processes many candidates through the worker pool, results in a stable order", () => {
    const many = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`src/f${String(i).padStart(2, "0")}.ts`, GLADIA_JS]));
    const dir = makeProject({ ...many, "src/plain.js": "export {};\n" });
    mkdirSync(join(dir, "empty-dir"));
    const result = runCli(dir, ["--dry-run", "--no-report", "-j", "2"]);
    expect(result.code).toBe(0);
    const order = [...result.stdout.matchAll(/^--- a\/(\S+)$/gm)].map((match) => match[1]);
    expect(order).toEqual(Object.keys(many).sort());
    expect(result.stderr).toMatch(/70 would change, 1 unchanged/);
  });
});
