import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FILES_PER_THREAD } from "../../src/runner/pool.js";
import { BIN, GLADIA_JS, PLAIN_JS, makeProject } from "./helpers.js";

// Start-up speed on large repos depends on never loading a parser for files that cannot concern
// Gladia: the heavy packages load only when a file passes the pre-filter.

const HEAVY = ["jscodeshift", "@babel/parser", "recast", "ts-morph", "prettier", "@ast-grep/napi", "piscina"];
/** Keys a Gladia job has, in a file with no Gladia type: a type-pass candidate that does not load ts-morph. */
const KEYED_TS = "export const codeOf = (r: { error_code: number; result_url: string; utterances: string[]; transcription: string }) => r.error_code;\n";
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

  it("loads no ts-morph for TypeScript files with job-like keys in a repo with no Gladia use", () => {
    const dir = makeProject({ "a.ts": KEYED_TS, "b.ts": 'import { codeOf } from "./a";\nexport const x = codeOf;\n', "c.ts": PLAIN_JS });
    expect(importedPackages(dir, ["--dry-run", "--no-report"])).toEqual([]);
  });

  it("loads ts-morph only once a TypeScript file can declare a Gladia type", () => {
    const env = makeProject({ "a.ts": GLADIA_JS, "b.ts": KEYED_TS });
    const envOnly = importedPackages(env, ["--dry-run", "--no-report"]);
    expect(envOnly).toContain("jscodeshift");
    expect(envOnly).not.toContain("ts-morph");
    const typed = makeProject({ "types.ts": "export interface Job { result: { transcription: { full_transcript: string } } }\n" });
    expect(importedPackages(typed, ["--dry-run", "--no-report"])).toContain("ts-morph");
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
