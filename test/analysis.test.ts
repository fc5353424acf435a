import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseProject } from "../src/analysis/index.js";
import { relevantFiles, type CandidateFile } from "../src/analysis/candidates.js";

// The type pass on its own: which files it reads, what it reports, and that ts-morph stays out
// of the module graph until a TypeScript file is there to analyse.

const TYPES = `export interface Job { id: string; status: string; result?: { transcription: { full_transcript: string } } }\n`;
const CONSUMER = `import type { Job } from "./types";\nexport const textOf = (job: Job) => job.result?.transcription.full_transcript;\n`;
const INDIRECT = `import { textOf } from "./consumer";\nexport const shout = (x: Parameters<typeof textOf>[0]) => x.id.toUpperCase();\n`;
const UNRELATED = `export interface Slot { start: number; end: number }\nexport const length = (s: Slot) => s.end - s.start;\n`;

function candidate(path: string, text: string): CandidateFile {
  return { path: `/p/${path}`, relativePath: path, text };
}

describe("relevantFiles", () => {
  it("keeps files mentioning Gladia and those importing them, transitively", () => {
    const files = [candidate("types.ts", TYPES.replace("Job", "GladiaJob")), candidate("consumer.ts", CONSUMER), candidate("indirect.ts", INDIRECT), candidate("slot.ts", UNRELATED)];
    expect(relevantFiles(files).map((f) => f.relativePath)).toEqual(["types.ts", "consumer.ts", "indirect.ts"]);
  });

  it("adds files that mention a declared Gladia type by name", () => {
    const files = [candidate("a.ts", "export type T = MyJob;\n"), candidate("slot.ts", UNRELATED)];
    expect(relevantFiles(files, ["MyJob"]).map((f) => f.relativePath)).toEqual(["a.ts"]);
  });
});

describe("analyseProject", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "analysis-"));
    writeFileSync(join(dir, "types.ts"), TYPES);
    writeFileSync(join(dir, "consumer.ts"), CONSUMER.replace(/\n/g, "\r\n"));
    writeFileSync(join(dir, "slot.ts"), UNRELATED);
    writeFileSync(join(dir, "app.js"), "export const x = 1;\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("returns nothing for a run without TypeScript files", async () => {
    expect((await analyseProject(dir, ["app.js"])).size).toBe(0);
  });

  it("recognises a declared job type by its shape and the reads of it in another file", async () => {
    const hints = await analyseProject(dir, ["types.ts", "consumer.ts", "slot.ts", "app.js"]);
    expect([...hints.keys()].sort()).toEqual(["consumer.ts", "types.ts"]);
    expect(hints.get("types.ts")!.declarations).toEqual([expect.objectContaining({ name: "Job", level: "job" })]);
    // Offsets are in the normalised text (CRLF → LF), the text the transforms parse.
    const text = readFileSync(join(dir, "consumer.ts"), "utf8").replace(/\r\n/g, "\n");
    const [location] = hints.get("consumer.ts")!.locations;
    expect(text.slice(location.start, location.end)).toBe("job");
    expect(location.level).toBe("job");
  });
});

describe("lazy loading", () => {
  it("the entry point and the text pre-filter do not import ts-morph", () => {
    for (const file of ["index.ts", "candidates.ts", "hints.ts"]) {
      const source = readFileSync(new URL(`../src/analysis/${file}`, import.meta.url), "utf8");
      expect(source, file).not.toMatch(/^import (?!type)[^;]*from "ts-morph"/m);
      expect(source, file).not.toMatch(/^import [^;]*from "\.\/(project|collect|shapes)\.js"/m);
    }
  });
});
