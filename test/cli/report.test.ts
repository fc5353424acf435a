import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GLADIA_JS, makeProject, read, runCli } from "./helpers.js";

const KEY = "3f2c9a1e-7b4d-4e8a-9c1f-2a6b5d8e0f13";
const MARKED_JS = [
  "// TODO(gladia-to-assemblyai): AssemblyAI times are integer milliseconds. See https://www.assemblyai.com/docs/api-reference/transcripts/get",
  "export const seconds = (u) => u.start;",
  "",
].join("\n");

/** A project that exercises every section of the report. */
function fullProject(): string {
  return makeProject({
    "src/settings.js": GLADIA_JS,
    "src/times.js": MARKED_JS,
    "src/sdk.ts": 'import { GladiaClient } from "@gladiaio/sdk";\nexport const client = new GladiaClient();\n',
    "src/broken.js": "// gladia\nexport const x = ;\n",
    "assets/blob.js": Buffer.from([0x00, 0x01, 0x02]),
    ".env.example": `PORT=3000\nGLADIA_API_KEY=${KEY}\n`,
  });
}

describe("--json", () => {
  it("prints one object with summary and per-file results", () => {
    const dir = fullProject();
    const result = runCli(dir, ["--dry-run", "--json", "--report", "out/report.md"]);
    expect(result.code).toBe(1); // broken.js failed
    const json = JSON.parse(result.stdout); // nothing but the JSON on stdout (no diffs)
    expect(Object.keys(json.summary).sort()).toEqual(["changed", "failed", "files", "markers", "notes", "secrets", "skipped", "unchanged"]);
    expect(json.summary).toMatchObject({ failed: 1, skipped: 1, markers: 1, secrets: 1 });
    expect(json.mode).toBe("dry-run");
    expect(json.report).toBe("out/report.md");
    for (const file of json.files) {
      expect(file).toEqual(expect.objectContaining({ path: expect.any(String), status: expect.stringMatching(/^(changed|unchanged|skipped|failed)$/), steps: expect.any(Array), markers: expect.any(Array) }));
    }
    const settings = json.files.find((file: { path: string }) => file.path === "src/settings.js");
    expect(settings).toMatchObject({ status: "changed", steps: ["env-vars"] });
    expect(settings.diff).toContain("+const apiKey = process.env.ASSEMBLYAI_API_KEY;");
    expect(json.files.find((file: { path: string }) => file.path === "src/times.js").markers).toEqual([
      { line: 1, message: "AssemblyAI times are integer milliseconds.", docs: "https://www.assemblyai.com/docs/api-reference/transcripts/get" },
    ]);
    expect(json.envVars).toEqual([{ from: "GLADIA_API_KEY", to: "ASSEMBLYAI_API_KEY", files: [".env.example", "src/settings.js"] }]);
    expect(json.dependencies).toEqual([expect.objectContaining({ remove: "@gladiaio/sdk", add: "assemblyai", files: ["src/sdk.ts"] })]);
    expect(result.stdout).not.toContain(KEY);
  });
});

describe("the markdown report", () => {
  it("has every section, from the same data as --json, and never shows a key", () => {
    const dir = fullProject();
    const result = runCli(dir, ["--dry-run", "--json"]);
    const json = JSON.parse(result.stdout);
    const report = read(dir, "gladia-to-assemblyai-report.md");
    const headings = [...report.matchAll(/^##? .*$/gm)].map((match) => match[0]);
    expect(headings).toEqual([
      "# Migration from Gladia to AssemblyAI",
      "## Summary",
      "## Files that would change",
      "## Follow-up markers",
      "## Dependencies",
      "## Environment variables",
      "## Hard-coded keys",
      "## Skipped and failed files",
      "## Checklist",
    ]);
    expect(report).toContain(`| files would change | ${json.summary.changed} |`);
    expect(report).toContain(`| files failed | ${json.summary.failed} |`);
    expect(report).toContain("### `src/settings.js`\n\n- `env-vars`: GLADIA_API_KEY");
    expect(report).toContain("- [ ] `src/times.js:1`: AssemblyAI times are integer milliseconds. ([docs](https://www.assemblyai.com/docs/api-reference/transcripts/get))");
    expect(report).toMatch(/- \[ \] Replace `@gladiaio\/sdk` with `assemblyai` \(npm\): `npm uninstall @gladiaio\/sdk && npm install assemblyai@/);
    expect(report).toContain("- [ ] `GLADIA_API_KEY` → `ASSEMBLYAI_API_KEY`");
    expect(report).toContain("- [ ] `.env.example:2`");
    expect(report).toMatch(/\| `src\/broken\.js` \| failed \| .*Unexpected token/);
    expect(report).toContain("| `assets/blob.js` | skipped | binary file |");
    expect(report).toMatch(/## Checklist\n\n(- \[ \] .+\n)+/);
    expect(report).not.toContain(KEY);
  });

  it("is written where --report says (creating the folder), and not at all with --no-report", () => {
    const dir = makeProject({ "a.js": GLADIA_JS });
    expect(runCli(dir, ["-d", "--report", "docs/migration/report.md"]).code).toBe(0);
    expect(read(dir, "docs/migration/report.md")).toContain("## Summary");
    expect(runCli(dir, ["-d", "--no-report"]).code).toBe(0);
    expect(existsSync(join(dir, "gladia-to-assemblyai-report.md"))).toBe(false);
  });
});
