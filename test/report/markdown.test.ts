import { describe, expect, it } from "vitest";
import type { FileResult } from "../../src/core/types.js";
import { toMarkdown } from "../../src/report/markdown.js";
import { summarise } from "../../src/report/summary.js";
import type { RunResult } from "../../src/report/types.js";
import { getRule } from "../../src/mapping/rules.js";

function file(path: string, extra: Partial<FileResult>): FileResult {
  return { path, status: "changed", language: "javascript", steps: ["transport"], markers: [], notes: [], secretLines: [], ...extra };
}

function runOf(files: FileResult[], mode: RunResult["mode"] = "apply"): RunResult {
  return { tool: { name: "gladia-to-assemblyai", version: "0.0.0" }, mode, roots: ["."], summary: summarise(files), files, envVars: [], dependencies: [] };
}

const status = getRule("status-values");
const units = getRule("units-ms");

describe("markdown report", () => {
  it("groups semantic differences by rule, with every place and the docs link", () => {
    const note = (line: number) => ({ rule: "status-values" as const, line, message: status.message, docs: status.docs });
    const report = toMarkdown(
      runOf([file("a.ts", { notes: [note(3)] }), file("b.js", { notes: [note(9), { rule: "units-ms", line: 0, message: units.message, docs: units.docs }] })]),
      [{ language: "javascript", name: "transport", description: "Gladia hosts and endpoints → AssemblyAI" }],
    );
    expect(report).toContain("## Semantic differences to review");
    expect(report).toContain(`- **status-values**: ${status.message} ([docs](${status.docs}))\n  - \`a.ts:3\`, \`b.js:9\``);
    expect(report).toContain(`- **units-ms**: ${units.message} ([docs](${units.docs}))\n  - \`b.js\``);
    expect(report).toContain("- `transport`: Gladia hosts and endpoints → AssemblyAI");
    expect(report).toContain("| semantic differences to review | 3 |");
  });

  it("says what a real run would do in a dry run, and what it did when applying", () => {
    const files = [file("a.ts", {})];
    expect(toMarkdown(runOf(files, "dry-run"), [])).toContain("## Files that would change");
    expect(toMarkdown(runOf(files, "apply"), [])).toContain("## Changed files");
    expect(toMarkdown(runOf([], "apply"), [])).toContain("## Changed files\n\nNone.");
  });

  it("escapes table cells", () => {
    const report = toMarkdown(runOf([file("x.js", { status: "failed", steps: [], reason: "a | b\nc" })]), []);
    expect(report).toContain("| `x.js` | failed | a \\| b c |");
  });
});
