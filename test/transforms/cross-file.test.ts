import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../helpers/fixtures.js";
import { processText } from "../../src/core/process-text.js";
import { javascript } from "../../src/languages/javascript.js";
import type { AnalysisHints, HintLevel } from "../../src/analysis/hints.js";

// What the JS/TS steps do with hints the type pass sends across files (offsets built here by hand):
// a create response's `result_url` read, its declared types, a parameter of a plain-JS module, a
// handed-off argument; and the leftovers safety net in a file that only has hints.

function span(text: string, needle: string, from = 0) {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`not found: ${needle}`);
  return { start, end: start + needle.length };
}

function run(path: string, text: string, hints: Partial<AnalysisHints>, strategy: "native" | "adapter" = "native"): string {
  const full: AnalysisHints = { locations: [], declarations: [], receivers: [], ...hints };
  return processText(path, text, javascript, { strategy, hints: full as unknown as Record<string, unknown> }).newText ?? text;
}

const at = (text: string, needle: string, level: HintLevel) => ({ ...span(text, needle), level });

describe("create response from another file", () => {
  it("a destructured result_url becomes the transcript URL built from the id", () => {
    const text = `const { result_url } = await start(url);\nawait poll(result_url);\n`;
    expect(run("a.ts", text, { locations: [at(text, "{ result_url }", "create")] })).toBe(
      "const { id } = await start(url);\nawait poll(`https://api.assemblyai.com/v2/transcript/${id}`);\n",
    );
  });

  it("a member read keeps its object", () => {
    const text = `export const pollUrl = (created) => created.result_url;\n`;
    expect(run("a.js", text, { locations: [at(text, "created", "create")] })).toBe(
      "export const pollUrl = (created) => `https://api.assemblyai.com/v2/transcript/${created.id}`;\n",
    );
  });

  it.each([
    ["last member, one line", "{ id: string; result_url: string }", "{ id: string }"],
    ["middle member", "{ id: string, result_url: string, n: number }", "{ id: string, n: number }"],
    ["last member with its separator", "{ id: string; result_url: string; }", "{ id: string; }"],
    ["several lines", "{\n  id: string;\n  result_url: string;\n}", "{\n  id: string;\n}"],
  ])("an inline type drops result_url in its own layout (%s)", (_name, literal, expected) => {
    const text = `export async function start(): Promise<${literal}> {\n  return load();\n}\n`;
    const hint = { ...span(text, literal), name: "", level: "create" as const };
    expect(run("a.ts", text, { declarations: [hint] })).toBe(text.replace(literal, expected));
  });

  it("a declared interface drops result_url", () => {
    const text = `export interface Created {\n  id: string;\n  result_url: string;\n}\n`;
    const hint = { ...span(text, "Created"), name: "Created", level: "create" as const };
    expect(run("a.ts", text, { declarations: [hint] })).toBe("export interface Created {\n  id: string;\n}\n");
  });

  it("nothing changes with the adapter strategy (results keep Gladia's shape)", () => {
    const text = `const { result_url } = await start(url);\nconsole.log(result_url.length, job.result.transcription.full_transcript);\n`;
    expect(run("a.ts", text, { locations: [at(text, "{ result_url }", "create")] }, "adapter")).toBe(text);
  });
});

describe("a plain-JS module with hints", () => {
  const text = [
    `import { format } from "./format.js";`,
    `export function lines(job) {`,
    `  return format(job.result.transcription.utterances);`,
    `}`,
    `export function first(job) {`,
    `  return job.result.transcription.utterances[0].start;`,
    `}`,
    `export const total = (job) => job.result.metadata.audio_duration;`,
    ``,
  ].join("\n");
  const lines = at(text, "job", "job");
  const call = span(text, "format(job.result.transcription.utterances)");

  it("migrates the parameter's reads; items passed on are marked unless the type pass followed them", () => {
    const marked = run("a.js", text, { locations: [lines] });
    expect(marked).toContain("return format(job.utterances);");
    expect(marked).toMatch(/TODO\(gladia-to-assemblyai\): AssemblyAI times are integer milliseconds[^\n]*\n {2}return format/);
    const followed = run("a.js", text, { locations: [lines], handoffs: [{ ...call, index: 0 }] });
    expect(followed).toContain("return format(job.utterances);");
    expect(followed).not.toMatch(/milliseconds[^\n]*\n {2}return format/);
  });

  it("marks the Gladia-only reads no hint reaches, once per statement (the file names no provider)", () => {
    const out = run("a.js", text, { locations: [lines] });
    expect(out).toMatch(/could not map[^\n]*\n {2}return job\.result\.transcription\.utterances\[0\]\.start;/);
    expect(out).toMatch(/could not map[^\n]*\nexport const total/);
    expect(out.match(/could not map/g)).toHaveLength(2);
  });
});

describe("a declared Gladia type alias", () => {
  it("becomes the assemblyai alias in place, its neighbours' layout kept", () => {
    // The upload type above it is rewritten by another step in the same run.
    const text = readFileSync(join(FIXTURES_DIR, "http-results/typed-job.input.ts"), "utf8");
    const hint = { ...span(text, "GladiaJob"), name: "GladiaJob", level: "job" as const };
    expect(run("http-results/typed-job.ts", text, { declarations: [hint] })).toContain("interface UploadResponse {\n  upload_url: string;\n}\n\ntype GladiaJob = Transcript;\n");
  });
});
