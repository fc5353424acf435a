import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseProject } from "../src/analysis/index.js";
import { ImportIndex, mayDeclareGladiaTypes, readsGladiaKeys, relativeImports, relevantFiles, type CandidateFile } from "../src/analysis/candidates.js";

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

function indexOf(imports: Record<string, string[]>): ImportIndex {
  const index = new ImportIndex();
  for (const [path, specifiers] of Object.entries(imports)) index.add(path, specifiers);
  return index;
}

describe("the runner's checks", () => {
  it.each([
    ["const t = job.result.transcription.full_transcript;", true, true],
    ["const { result_url } = await created.json();", true, false],
    ["if (job.error_code) throw new Error();", true, false],
    ["type T = { utterances: U[]; transcription: string };", true, false],
    ["type T = { utterances: U[]; languages: string[] };", true, true],
    ['import type { PreRecordedV2Response } from "@gladiaio/sdk";', false, true],
    ["const utterances = split(text);", false, false],
    // `utterances` comes first but decides nothing: what follows it still counts.
    ["const utterances = split(text);\nconst t = job.full_transcript;", true, true],
    ["const utterances = split(text);\nif (job.error_code) throw new Error();", true, false],
    ['const utterances = split(text);\nimport type { PreRecordedV2Response } from "@gladiaio/sdk";', false, true],
    ["const multiutterances = 1; const transcription = 2;", false, false],
  ])("%s: reads Gladia keys %s, may declare a Gladia type %s", (text, reads, declares) => {
    expect(readsGladiaKeys(text)).toBe(reads);
    expect(mayDeclareGladiaTypes(text)).toBe(declares);
  });

  it.each([
    ['import { a } from "./a";\nexport * from \'../b/c.js\';\nconst d = require( "./d" );', ["./a", "../b/c.js", "./d"]],
    ['await import (\n  "./lazy")', ["./lazy"]],
    ['import x from "lodash"; const s = "./not-imported"; from"./tight"', ["./tight"]],
    ['import "./k" from "./l"; from "./"', ["./k", "./l"]],
    // A match ends at the first quote, and the next one starts after it.
    [`require("./x/from'./y'")`, ["./x/from"]],
    [`'./a from "./b"`, ["./b"]],
    ['require ( ( "./i")', []],
  ])("relativeImports(%j) = %j", (text, specifiers) => {
    expect(relativeImports(text)).toEqual(specifiers);
  });

  it("withImporters: the seeds and their importers, transitively, not what they import", () => {
    const imports = indexOf({ "/p/a.ts": [], "/p/b.ts": ["./a"], "/p/c.ts": ["./b.js"], "/p/d.ts": ["./c", "./e"], "/p/e.ts": [], "/p/f.ts": ["./e"] });
    expect([...imports.withImporters(["/p/a.ts"])].sort()).toEqual(["/p/a.ts", "/p/b.ts", "/p/c.ts", "/p/d.ts"]);
  });

  it("withImporters: imports of an index file, through `..` and from other folders are followed", () => {
    const imports = indexOf({
      "/p/lib/types/index.ts": [],
      "/p/lib/a.ts": ["./types"],
      "/p/lib/x/b.ts": [".."],
      "/p/lib/x/c.ts": ["../types/index.js"],
      "/p/lib/x/d.ts": ["../../lib/x/b"],
      "/p/lib/x/e.ts": ["./types", "../a.mjs"],
    });
    const found = imports.withImporters(["/p/lib/types/index.ts", "/p/lib/index.ts"]);
    expect([...found].sort()).toEqual(["/p/lib/a.ts", "/p/lib/index.ts", "/p/lib/types/index.ts", "/p/lib/x/b.ts", "/p/lib/x/c.ts", "/p/lib/x/d.ts"]);
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

// Argument → parameter flow: a typed producer, a TS caller, plain-JS consumers (one written with
// CRLF), a JS helper two hops away, and what must not get hints.
const FLOW: Record<string, string> = {
  "types.ts": TYPES + `export async function getJob(): Promise<Job> { return {} as Job; }\nexport async function create(): Promise<{ id: string; result_url: string }> { return { id: "", result_url: "" }; }\n`,
  "main.ts": [
    `import { getJob, create } from "./types";`,
    `import { notes } from "./notes.js";`,
    `import * as report from "./report.js";`,
    `import { typed } from "./typed";`,
    `import { local } from "./local.js";`,
    `import title from "./title.js";`,
    `const job = await getJob();`,
    `notes(job, "x");`,
    `report.summary(job.result);`,
    `typed(job);`,
    `title(job.result?.transcription);`,
    `local({ result: 1 });`,
    `const { result_url } = await create();`,
    ``,
  ].join("\n"),
  "notes.js": `import { lines } from "./lines.js";\r\nexport function notes(job, title) {\r\n  return title + job.result.transcription.full_transcript + lines((job.result).transcription.utterances) + notes(job, "again");\r\n}\r\n`,
  "lines.js": `export const lines = (utterances) => utterances.map((u) => u.start).join(",");\n`,
  "report.js": `export function summary(result) { return result.transcription.full_transcript; }\n`,
  "typed.ts": `export function typed(x: { id: string }) { return x.id; }\n`,
  "local.js": `export function local(thing) { return thing.result; }\n`,
  "title.js": `export default (transcription) => transcription.full_transcript.slice(0, 20);\n`,
  "unrelated.js": `export function notes(job) { return job.result.transcription.full_transcript; }\n`,
};

describe("analyseProject: arguments flow into parameters across files", () => {
  let dir: string;
  let hints: Awaited<ReturnType<typeof analyseProject>>;
  const at = (file: string, level: string) => {
    const text = FLOW[file].replace(/\r\n/g, "\n");
    return (hints.get(file)?.locations ?? []).filter((l) => l.level === level).map((l) => text.slice(l.start, l.end));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "analysis-flow-"));
    for (const [file, text] of Object.entries(FLOW)) writeFileSync(join(dir, file), text);
    // Only the TypeScript files are handed over: the JS modules they import are found by the pass.
    hints = await analyseProject(dir, ["types.ts", "main.ts", "typed.ts"], undefined, { includeImported: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives a plain-JS parameter the level of the typed argument (offsets in the LF text)", () => {
    expect(at("notes.js", "job")).toEqual(["job"]);
  });

  it("follows the untyped parameter on to the next file, with the level of what is passed", () => {
    expect(at("lines.js", "utterances")).toEqual(["utterances"]);
  });

  it("resolves a namespace import's member and passes a sub-level (job.result → result)", () => {
    expect(at("report.js", "result")).toEqual(["result"]);
  });

  it("resolves a default-exported arrow function", () => {
    expect(at("title.js", "transcription")).toEqual(["transcription"]);
  });

  it("recognises the create response { id, result_url } and its inline type", () => {
    expect(at("main.ts", "create")).toContain("{ result_url }");
    expect(hints.get("types.ts")!.declarations).toContainEqual(expect.objectContaining({ name: "", level: "create" }));
  });

  it("leaves typed parameters, non-Gladia arguments and modules no relevant file imports alone", () => {
    expect(hints.has("typed.ts")).toBe(false);
    expect(hints.has("local.js")).toBe(false);
    expect(hints.has("unrelated.js")).toBe(false);
  });

  it("records the calls that hand a value over, in the caller's file", () => {
    const calls = (file: string) => (hints.get(file)?.handoffs ?? []).map((h) => `${FLOW[file].replace(/\r\n/g, "\n").slice(h.start, h.end)} #${h.index}`);
    expect(calls("main.ts")).toEqual(['notes(job, "x") #0', "report.summary(job.result) #0", "title(job.result?.transcription) #0"]);
    expect(calls("notes.js")).toEqual(["lines((job.result).transcription.utterances) #0"]);
  });

  it("stops on recursion (a parameter is followed once)", () => {
    expect(hints.get("notes.js")!.locations).toHaveLength(1);
  });
});

describe("analyseProject: files outside the candidates", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "analysis-outside-"));
    for (const [file, text] of Object.entries(FLOW)) writeFileSync(join(dir, file), text);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("by default gives hints (and handoffs) only to files it was handed, JS ones included", async () => {
    const hints = await analyseProject(dir, ["types.ts", "main.ts", "typed.ts", "notes.js"]);
    expect([...hints.keys()].sort()).toEqual(["main.ts", "notes.js", "types.ts"]);
    // `notes(job)` is handed off (notes.js gets its hints); `lines(…)` in notes.js is not: lines.js gets none.
    expect(hints.get("main.ts")!.handoffs).toHaveLength(1);
    expect(hints.get("notes.js")!.handoffs).toEqual([]);
  });
});

describe("levelBelow", () => {
  it("names the level a key path from a level reaches", async () => {
    const { levelBelow } = await import("../src/analysis/arguments.js");
    expect(levelBelow("job", [])).toBe("job");
    expect(levelBelow("job", ["result"])).toBe("result");
    expect(levelBelow("job", ["result", "transcription"])).toBe("transcription");
    expect(levelBelow("result", ["transcription", "utterances"])).toBe("utterances");
    expect(levelBelow("utterance", ["words"])).toBe("words");
    expect(levelBelow("job", ["result", "metadata"])).toBeUndefined();
    expect(levelBelow("job", ["id"])).toBeUndefined();
  });
});

describe("ImportIndex memory", () => {
  // A fresh process with a collectable heap: 100 file texts of ~200 kB whose specifier is long
  // enough for V8 to cut it as a slice of the text. Kept as slices, they keep ~20 MiB alive.
  const script = `
    const { ImportIndex, relativeImports } = await import(${JSON.stringify(new URL("../dist/src/analysis/candidates.js", import.meta.url).href)});
    const index = new ImportIndex();
    globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 100; i++) {
      const text = 'import { x } from "../shared/transcription-types-' + i + '";\\n' + "// filler line\\n".repeat(13000);
      index.add("/p/f" + i + ".ts", relativeImports(text));
    }
    globalThis.gc();
    console.log((process.memoryUsage().heapUsed - before) / 2 ** 20);
  `;

  it("keeps the specifiers, not the texts they were found in", () => {
    const output = execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(Number(output)).toBeLessThan(2);
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
