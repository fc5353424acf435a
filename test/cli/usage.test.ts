import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REGISTRY } from "../../src/languages/registry.js";
import { REPO_ROOT, makeProject, runCli } from "./helpers.js";

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { name: string; version: string; bin: Record<string, string> };

describe("CLI usage", () => {
  it("the package and its bin are both named gladia-to-assemblyai", () => {
    expect(pkg.name).toBe("gladia-to-assemblyai");
    expect(Object.keys(pkg.bin)).toEqual(["gladia-to-assemblyai"]);
  });

  it("runs with `node <bin>` from any directory", () => {
    const elsewhere = makeProject({}, { git: false });
    const result = runCli(elsewhere, ["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--dry-run");
    expect(result.stdout).toContain("--list-transforms");
  });

  it("runs with `npx gladia-to-assemblyai` from the repo root", () => {
    const out = execFileSync("npx", ["--offline", "gladia-to-assemblyai", "--help"], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(out).toContain("gladia-to-assemblyai [paths..]");
  });

  it.each([
    ["an unknown flag", ["--frobnicate"], /Unknown argument: frobnicate/],
    ["an unknown transform", ["--transforms", "env-vars,teleport"], /unknown transform "teleport"/],
    ["a path that does not exist", ["no/such/dir"], /path does not exist: no\/such\/dir/],
    ["a bad --jobs", ["-j", "0"], /--jobs must be a positive integer/],
    ["a bad --strategy", ["--strategy", "magic"], /Invalid values/],
  ])("exits 2 on %s", (_label, args, message) => {
    const dir = makeProject({ "a.js": "export {};\n" });
    const result = runCli(dir, ["--dry-run", ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });

  it("--version prints its own version and the engines' versions", () => {
    const result = runCli(REPO_ROOT, ["--version"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe(`gladia-to-assemblyai ${pkg.version}`);
    for (const engine of ["jscodeshift", "recast", "prettier", "ts-morph"]) {
      const version = (JSON.parse(readFileSync(join(REPO_ROOT, "node_modules", engine, "package.json"), "utf8")) as { version: string }).version;
      expect(lines).toContain(`${engine} ${version}`);
    }
  });

  it("--list-transforms lists every plug-in's steps", () => {
    const result = runCli(REPO_ROOT, ["--list-transforms"]);
    expect(result.code).toBe(0);
    for (const entry of REGISTRY) {
      expect(result.stdout).toContain(`${entry.name}:`);
      for (const step of entry.steps) expect(result.stdout).toMatch(new RegExp(`^\\s+${step.name}\\s+${step.description.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m"));
    }
  });
});
