// Keeps NOT-EXECUTABLE.md honest: every JS/TS fixture input of the audited concerns either runs in the
// equivalence suite (has a sidecar) or is listed there with a reason, exactly once.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
import { findRepoRoot } from "../emulators/specs.js";
import { findRunnableFixtures } from "./fixtures.js";

const ROOT = findRepoRoot();
const AUDITED = ["http-*", "sdk-*", "equivalence", "env-vars"];
const LISTED_LINE = /^- `([^`]+)` — \S/;

function getAuditedInputs(): string[] {
  const patterns = AUDITED.map((concern) => `${concern}/*.input.{js,mjs,cjs,ts,mts,cts,jsx,tsx}`);
  return fg.sync(patterns, { cwd: join(ROOT, "fixtures") }).sort();
}

function getListedInputs(): string[] {
  const text = readFileSync(join(ROOT, "test", "equivalence", "NOT-EXECUTABLE.md"), "utf8");
  return text.split("\n").flatMap((line) => LISTED_LINE.exec(line)?.[1] ?? []);
}

function getRunnableInputs(): string[] {
  return findRunnableFixtures().map((fixture) => fixture.input.slice(join(ROOT, "fixtures").length + 1));
}

describe("NOT-EXECUTABLE.md", () => {
  it("lists every audited input without a sidecar, once, and nothing else", () => {
    const listed = getListedInputs();
    const runnable = new Set(getRunnableInputs());
    const unaccounted = getAuditedInputs().filter((input) => !runnable.has(input) && !listed.includes(input));
    expect(unaccounted).toEqual([]);
    expect(listed.filter((input, i) => listed.indexOf(input) !== i)).toEqual([]);
    expect(listed.filter((input) => runnable.has(input))).toEqual([]);
    expect(listed.filter((input) => !getAuditedInputs().includes(input))).toEqual([]);
  });
});
