import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { FILES_PER_THREAD } from "../../src/runner/pool.js";
import { GLADIA_JS, REPO_ROOT, makeProject, read, runCli } from "./helpers.js";

// The type pass in a CLI run: TypeScript files that read Gladia jobs through a shared interface
// without naming Gladia are found through their imports and migrated with the `types` step.

const TYPES = [
  "/** A Gladia pre-recorded job, as the API returns it. */",
  "export interface Job {",
  "  id: string;",
  '  status: "queued" | "processing" | "done" | "error";',
  "  result?: {",
  "    transcription: { full_transcript: string; languages: string[]; utterances: { start: number; end: number; text: string }[] };",
  "  } | null;",
  "}",
  "",
].join("\n");
const CONSUMER = [
  'import type { Job } from "./types";',
  "",
  "export function textOf(job: Job): string {",
  "  return job.result?.transcription.full_transcript ?? \"\";",
  "}",
  "",
].join("\n");
const STORE = 'import type { Job } from "./types";\n\nconst jobs = new Map<string, Job>();\nexport const load = (id: string) => jobs.get(id);\n';
/** No Gladia key at all: found only because it imports the store, which imports the types. */
const PAGE = 'import { load } from "./store";\n\nexport const language = (id: string) => load(id)?.result?.transcription.languages[0];\n';
const OTHER = "export const codeOf = (r: { error_code: number }) => r.error_code;\n";

interface JsonFile {
  path: string;
  status: string;
  steps: string[];
}

function project(): string {
  return makeProject({ "src/types.ts": TYPES, "src/consumer.ts": CONSUMER, "src/store.ts": STORE, "src/page.ts": PAGE, "src/other.ts": OTHER });
}

function fileOf(json: { files: JsonFile[] }, path: string): JsonFile | undefined {
  return json.files.find((file) => file.path === path);
}

describe("the type pass in a run", () => {
  it("migrates a consumer that reads a Gladia job through a shared interface without naming Gladia", () => {
    const dir = project();
    const result = runCli(dir, ["--json"]);
    expect(result.code, result.stderr).toBe(0);
    for (const text of [CONSUMER, STORE, PAGE]) expect(text).not.toMatch(/gladia/i);
    expect(read(dir, "src/consumer.ts")).toBe(CONSUMER.replace("job.result?.transcription.full_transcript", "job.text"));
    expect(read(dir, "src/types.ts")).toContain('import type { Transcript } from "assemblyai";');
    expect(read(dir, "src/other.ts")).toBe(OTHER);
    const json = JSON.parse(result.stdout);
    expect(fileOf(json, "src/consumer.ts")).toMatchObject({ status: "changed", steps: ["types"] });
    expect(fileOf(json, "src/types.ts")).toMatchObject({ status: "changed", steps: ["types"] });
    expect(json.typePass.found).toEqual(expect.arrayContaining(["src/consumer.ts", "src/types.ts", "src/page.ts"]));
    expect(json.typePass.foundThroughTypes).toEqual(["src/consumer.ts", "src/page.ts"]);
  });

  it("follows imports: a file that reads the job only through another module is migrated", () => {
    const dir = project();
    expect(runCli(dir, ["--no-report"]).code).toBe(0);
    expect(read(dir, "src/page.ts")).toContain("load(id)?.language_code");
  });

  it("lists the files found through types, with the types step, in the report", () => {
    const dir = project();
    expect(runCli(dir, ["--dry-run"]).code).toBe(0);
    const report = read(dir, "gladia-to-assemblyai-report.md");
    expect(report).toMatch(/The TypeScript type pass analysed \d+ file\(s\) and found values of Gladia types in 3; 2 of them never name Gladia/);
    expect(report).toMatch(/### `src\/consumer\.ts`\n\n- \*found through types\*: .*\n- `types`: TypeScript: reads of values typed as Gladia results/);
    expect(report).not.toMatch(/### `src\/types\.ts`\n\n- \*found through types\*/);
  });

  it("finds importers read before the file that makes the pass run (git lists them first)", () => {
    // page.ts and store.ts come before types.ts and cannot start the pass themselves: they are
    // read again once types.ts has started it.
    const dir = makeProject({ "src/page.ts": PAGE, "src/store.ts": STORE, "src/types.ts": TYPES });
    const result = runCli(dir, ["--dry-run", "--no-report", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.typePass.foundThroughTypes).toEqual(["src/page.ts"]);
    expect(fileOf(json, "src/page.ts")).toMatchObject({ status: "changed", steps: ["types"] });
  });

  it("hands the hints to worker threads as well", () => {
    const many = Object.fromEntries(Array.from({ length: 2 * FILES_PER_THREAD }, (_, i) => [`src/settings${i}.ts`, GLADIA_JS]));
    const dir = makeProject({ ...many, "src/types.ts": TYPES, "src/consumer.ts": CONSUMER });
    const result = runCli(dir, ["--no-report", "-j", "2"]);
    expect(result.code, result.stderr).toBe(0);
    expect(read(dir, "src/consumer.ts")).toBe(CONSUMER.replace("job.result?.transcription.full_transcript", "job.text"));
  });

  it("does not run with --strategy adapter, nor when --transforms leaves out the steps that use it", () => {
    for (const args of [["--strategy", "adapter"], ["--transforms", "env-vars,http-results"]]) {
      const dir = project();
      const json = JSON.parse(runCli(dir, ["--dry-run", "--no-report", "--json", ...args]).stdout);
      expect(json.typePass, args.join(" ")).toBeUndefined();
      expect(fileOf(json, "src/consumer.ts")).toMatchObject({ status: "unchanged" });
    }
  });
  it("does not run with --no-type-pass: a file that reads the job only through a shared type stays as it is", () => {
    const dir = project();
    const result = runCli(dir, ["--dry-run", "--no-report", "--json", "--no-type-pass"]);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.typePass).toBeUndefined();
    expect(fileOf(json, "src/consumer.ts")).toMatchObject({ status: "unchanged" });
    expect(fileOf(json, "src/page.ts")).toMatchObject({ status: "unchanged" });
  });

  it("hands a typed Gladia job to a plain-JS module that names Gladia: its reads are migrated too", () => {
    const notes = [
      "// Meeting notes from a finished Gladia job.",
      "export function textOf(job) {",
      "  return job.result.transcription.full_transcript;",
      "}",
      "",
    ].join("\n");
    const caller = 'import type { Job } from "./types";\nimport { textOf } from "./notes.js";\n\nexport const show = (job: Job) => textOf(job);\n';
    const dir = makeProject({ "src/types.ts": TYPES, "src/notes.js": notes, "src/show.ts": caller });
    expect(runCli(dir, ["--no-report"]).code).toBe(0);
    expect(read(dir, "src/notes.js")).toBe(notes.replace("job.result.transcription.full_transcript", "job.text"));
  });
});

describe("the example project", () => {
  it("migrates the typed reads of components/Transcript.tsx (its job type is declared in transcribe.ts)", () => {
    const result = runCli(join(REPO_ROOT, "examples/voice-notes"), ["--dry-run", "--no-report", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const transcript = fileOf(JSON.parse(result.stdout), "src/components/Transcript.tsx") as JsonFile & { diff: string };
    expect(transcript).toMatchObject({ status: "changed", steps: ["types"] });
    expect(transcript.diff).toContain("+      <p className=\"full-text\">{transcription.text}</p>");
  });
});
