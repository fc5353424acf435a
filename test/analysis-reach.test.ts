import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Project } from "ts-morph";
import { analyseProject } from "../src/analysis/index.js";
import { declaresShapeKey, filesToWalk } from "../src/analysis/reach.js";

// Which files the type pass walks (src/analysis/reach.ts): only those that can see a type with a
// Gladia shape key (`full_transcript`, `utterances`, `result_url`), through their imports.

function project(files: Record<string, string>): Project {
  const created = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true, strict: true } });
  Object.entries(files).forEach(([path, text]) => created.createSourceFile(path, text));
  created.resolveSourceFileDependencies();
  return created;
}

const snippets = new Project({ useInMemoryFileSystem: true });
let cases = 0;
/** Syntax only: no program needed. */
const declares = (text: string, extension = ".ts") => declaresShapeKey(snippets.createSourceFile(`/case${cases++}${extension}`, text).compilerNode);

describe("declaresShapeKey", () => {
  it.each([
    "const t = job.result.transcription.full_transcript;",
    'const t = job["result"]["transcription"]["full_transcript"];',
    "const { utterances } = job.result.transcription;",
    "for (const { utterances } of jobs) console.log(utterances.length);",
    "const utterances = [];\nexport const n = utterances.length;",
    "// reads full_transcript\nexport const x = 1;",
    "/** @returns the utterances */\nexport function f() {}",
    'throw new Error("no utterances");',
    "export const m = (n: number) => `${n} utterances`;",
    "export const Words = ({ n }: { n: number }) => <p>utterances: {n}</p>;",
    "const match_original_utterances = true;",
  ])("reads or mentions: %s", (text) => {
    expect(declares(text, text.includes("<p>") ? ".tsx" : ".ts")).toBe(false);
  });

  it.each([
    "interface T { full_transcript: string }",
    "type T = { result_url?: string };",
    "const payload = { utterances };",
    "const payload = { utterances: [] };",
    "export const list = ({ utterances }) => utterances;",
    "export const utterances = [];",
    "export function full_transcript() {}",
    "const u = []; export { u as utterances };",
    "class C { constructor(public utterances: string[]) {} }",
    'type T = Record<"full_transcript", string>;',
    'const o: Record<string, string> = {}; o["result_url"] = "";',
    "const key = `utterances` as const;",
  ])("declares: %s", (text) => {
    expect(declares(text)).toBe(true);
  });

  it("JS: a member written declares it (expando), and JSDoc declares types", () => {
    expect(declares("const job = {};\njob.result_url = '';\nmodule.exports = job;", ".js")).toBe(true);
    expect(declares("/** @typedef {{ full_transcript: string }} T */\nmodule.exports = {};", ".js")).toBe(true);
    expect(declares("module.exports = (job) => job.result_url;", ".js")).toBe(false);
  });
});

const TYPES = "import type { Word } from './word';\nexport interface Job { result: { transcription: { full_transcript: string; utterances: { words: Word[] }[] } } }\n";
const WORD = "export interface Word { word: string }\n";

function walked(files: Record<string, string>): string[] {
  const created = project(files);
  const candidates = Object.keys(files).map((path) => created.getSourceFileOrThrow(path));
  return filesToWalk(candidates, created.getProgram().compilerObject).walk.map((file) => file.getBaseName());
}

describe("filesToWalk", () => {
  it("walks the files that see a Gladia-shaped type through their imports, and those seeing its item types", () => {
    const files = {
      "/types.ts": TYPES,
      "/word.ts": WORD,
      "/consumer.ts": "import type { Job } from './types';\nexport const text = (job: Job) => job.result.transcription.full_transcript;\n",
      "/second.ts": "import { text } from './consumer';\nexport const t = text;\n",
      "/words.ts": "import type { Word } from './word';\nexport const w = (x: Word) => x.word;\n",
      "/plain.ts": "export const answer = (job: { result: { text: string } }) => job.result.text;\n",
      "/reader.ts": "export const read = (job: any) => job.result.transcription.full_transcript;\n",
    };
    expect(walked(files).sort()).toEqual(["consumer.ts", "second.ts", "types.ts", "word.ts", "words.ts"]);
  });

  it("walks every file when a global script can carry a Gladia type", () => {
    const files = { "/globals.ts": "interface GlobalJob { full_transcript: string }\n", "/plain.ts": "export const x = (j: GlobalJob) => j;\n" };
    expect(walked(files).sort()).toEqual(["globals.ts", "plain.ts"]);
    const augmented = { "/types.ts": TYPES, "/word.ts": WORD, "/augment.ts": "import type { Job } from './types';\ndeclare global { var job: Job }\nexport {};\n", "/plain.ts": "export const x = 1;\n" };
    expect(walked(augmented)).toContain("plain.ts");
  });
});

describe("the walk is skipped only where it finds nothing", () => {
  const dir = mkdtempSync(join(tmpdir(), "analysis-reach-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("an item type any file can write (a generic instantiation) is still found in files that import no Gladia type", async () => {
    writeFileSync(join(dir, "types.ts"), "export interface Job { result: { transcription: { full_transcript: string; utterances: Record<string, unknown>[] } } }\nexport const t = (j: Job) => j.result.transcription.full_transcript;\n");
    writeFileSync(join(dir, "other.ts"), "// Gladia\nexport const first = (u: Record<string, unknown>) => u.start;\n");
    const hints = await analyseProject(dir, ["types.ts", "other.ts"]);
    expect(hints.get("other.ts")?.locations.map((l) => l.level)).toContain("utterance");
  });
});
