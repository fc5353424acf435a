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

  it("says what the type pass found and marks the files found only through types", () => {
    const run = { ...runOf([file("types.ts", { steps: ["types"] }), file("view.ts", { steps: ["types"] })]), typePass: { analysed: 5, found: ["types.ts", "view.ts"], foundThroughTypes: ["view.ts"] } };
    const report = toMarkdown(run, []);
    expect(report).toContain("The TypeScript type pass analysed 5 file(s) and found values of Gladia types in 2; 1 of them never name Gladia");
    expect(report).toMatch(/### `view\.ts`\n\n- \*found through types\*: /);
    expect(report).toMatch(/### `types\.ts`\n\n- `types`/);
    const failed = toMarkdown({ ...run, typePass: { analysed: 5, found: [], foundThroughTypes: [], error: "out of memory" } }, []);
    expect(failed).toContain("The TypeScript type pass stopped (out of memory): each file was migrated on its own");
    expect(toMarkdown(runOf([file("a.ts", {})]), [])).not.toContain("type pass");
  });

  it("prints a dependency step's note under it", () => {
    const dependency = { id: "js-sdk-adapter", ecosystem: "npm", remove: "@gladiaio/sdk", add: "gladia-to-assemblyai", command: "npm i", note: "a runtime dependency now", docs: "https://d", files: ["a.ts"] };
    const report = toMarkdown({ ...runOf([]), dependencies: [dependency] }, []);
    expect(report).toContain("- [ ] Replace `@gladiaio/sdk` with `gladia-to-assemblyai` (npm): `npm i` ([docs](https://d))\n  - a runtime dependency now\n  - used in `a.ts`");
  });
});
