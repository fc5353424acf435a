import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FILES_PER_THREAD } from "../../src/runner/pool.js";
import { BIN, GLADIA_JS, PLAIN_JS, makeProject } from "./helpers.js";

// Start-up speed on large repos depends on never loading a parser for files that cannot concern
// Gladia: the heavy packages load only when a file passes the pre-filter.

const HEAVY = ["jscodeshift", "@babel/parser", "recast", "ts-morph", "prettier", "@ast-grep/napi", "piscina"];
const REGISTER = new URL("./trace-imports/register.mjs", import.meta.url).href;

function importedPackages(dir: string, args: string[]): string[] {
  const trace = join(dir, "imports.txt");
  const result = spawnSync(process.execPath, ["--import", REGISTER, BIN, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, TRACE_IMPORTS: trace } });
  expect(result.status, result.stderr).toBe(0);
  const urls = existsSync(trace) ? readFileSync(trace, "utf8").split("\n") : [];
  return HEAVY.filter((name) => urls.some((url) => url.includes(`/node_modules/${name}/`)));
}

describe("lazy loading", () => {
  it("loads no parser, formatter or worker pool when no file mentions Gladia", () => {
    const dir = makeProject({ "a.ts": PLAIN_JS, "b.js": PLAIN_JS, ".env.example": "PORT=1\n" });
    expect(importedPackages(dir, ["--dry-run", "--no-report"])).toEqual([]);
  });

  it("loads the JS parser once a JS file mentions Gladia (the tracer sees it)", () => {
    const dir = makeProject({ "a.ts": GLADIA_JS });
    expect(importedPackages(dir, ["--dry-run", "--no-report"])).toContain("jscodeshift");
  });

  it("loads prettier only when the project has a prettier config", () => {
    const bare = makeProject({ "a.ts": GLADIA_JS });
    expect(importedPackages(bare, ["--dry-run", "--no-report"])).not.toContain("prettier");
    const configured = makeProject({ "a.ts": GLADIA_JS, ".prettierrc": "{}\n" });
    expect(importedPackages(configured, ["--dry-run", "--no-report"])).toContain("prettier");
  });

  it("starts a worker pool only when there are enough candidates to pay for it", () => {
    const few = makeProject({ "a.ts": GLADIA_JS, "b.ts": GLADIA_JS });
    expect(importedPackages(few, ["--dry-run", "--no-report", "-j", "2"])).not.toContain("piscina");
    const many = makeProject(Object.fromEntries(Array.from({ length: 2 * FILES_PER_THREAD }, (_, i) => [`f${i}.ts`, GLADIA_JS])));
    expect(importedPackages(many, ["--dry-run", "--no-report", "-j", "2"])).toContain("piscina");
  });
});
