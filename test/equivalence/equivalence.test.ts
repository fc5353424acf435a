// For every runnable fixture pair (a `<case>.run.json` sidecar next to `<case>.input.*` / `<case>.output.*`),
// the Gladia program against the Gladia emulator and the migrated program against the AssemblyAI emulator
// must print the same stdout (modulo declared differences) and exit the same way.
import { describe, expect, it } from "vitest";
import { findRunnableFixtures } from "./fixtures.js";
import { getEquivalenceProblems, runEquivalence } from "./equivalence.js";

const fixtures = findRunnableFixtures();

describe.concurrent("equivalence of runnable fixtures", () => {
  it("finds the harness's own fixtures", () => {
    expect(fixtures.map((f) => f.id)).toEqual(expect.arrayContaining([expect.stringMatching(/^equivalence\//)]));
  });

  it.each(fixtures.map((f) => [f.id, f] as const))("%s", async (_id, fixture) => {
    const result = await runEquivalence(fixture);
    const problems = getEquivalenceProblems(result, fixture.sidecar);
    expect(problems.join("\n\n")).toBe("");
  });
});
