import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Project } from "ts-morph";
import { analyseProject } from "../src/analysis/index.js";
import { declaresNoShapeKey, isCertainlyModule, isolatedFiles, possibleSpecifiers } from "../src/analysis/roots.js";
import { declaresShapeKey } from "../src/analysis/reach.js";

// Which candidates the type pass's program leaves out (src/analysis/roots.ts): isolated modules,
// whose walk finds nothing. The hints must be those of a program with every candidate.

describe("isCertainlyModule", () => {
  it.each([
    "import x from 'y';\nconst a = 1;",
    "// header\nimport { a } from './a';",
    "import * as ns from 'n';",
    'import "./side-effect";',
    "import a, { b } from 'ab';",
    'const url = "https://x/v2";\nconst o = { a: [1, (2)] };\nexport async function f() {}',
    "export {};",
  ])("a module: %s", (text) => {
    expect(isCertainlyModule(text)).toBe(true);
  });

  it.each([
    "const a = 1;",
    "interface Array<T> { first(): T }",
    "import x = N.y;\nconst a = x;",
    "export as namespace Lib;",
    "namespace N { export const a = 1; }",
    "a.export = 1;\nobj?.export;",
    "const r = /x/;\nexport {};",
    "const t = `${a}`;\nexport {};",
    "const d = a / 2;\nexport {};",
    "/* export {} */ const a = 1; // import { a } from 'a'",
    'const s = "export {}";',
    "} export {};",
  ])("not shown a module: %s", (text) => {
    expect(isCertainlyModule(text)).toBe(false);
  });
});

const snippets = new Project({ useInMemoryFileSystem: true });
let cases = 0;
/** What reach.ts finds once the text is parsed. */
const declares = (text: string) => declaresShapeKey(snippets.createSourceFile(`/case${cases++}.ts`, text).compilerNode);

describe("declaresNoShapeKey", () => {
  it.each([
    "export const x = 1;",
    "// reads full_transcript\nexport const x = 1;",
    'throw new Error("no utterances");',
    "export const t = (job: any) => job.result.transcription.full_transcript;",
    "export const n = (t: any) => t.utterances.length + t?.utterances?.[0];",
    "const u = (t: any) => t.utterances ?? [];\nconst c = (t: any) => (t.utterances ? 1 : 0);",
    "log(job.result_url);\nconst ok = !!job.result_url;",
    "const s = `${job.full_transcript} and ${x({ a: 1 }).utterances}`;",
    "export function f(utterances: string[]) { return utterances; }",
    "const utterances = job.utterances;\nlet x = utterances;",
  ])("declares none: %s", (text) => {
    expect(declares(text)).toBe(false);
    expect(declaresNoShapeKey(text)).toBe(true);
  });

  it.each([
    ["a declaration", "interface T { full_transcript: string }", true],
    ["an object literal", "const payload = { utterances };", true],
    ["an exported variable", "export const utterances = [];", true],
    ["a written member", "job.result_url = '';", true],
    ["a written member (compound)", "job.utterances += 1;", true],
    ["a parenthesised target", "(job.result_url) = '';", true],
    ["a destructuring target", "[job.result_url] = pair;", true],
    ["a for-of target", "for (job.utterances of lists) {}", true],
    ["a prefix increment", "++job.utterances;", true],
    ["a delete", "delete job.utterances;", true],
    ["a key string", 'const k = "utterances";', true],
    ["a read into an object", "const o = { u: job.utterances };", false],
    ["a regular expression", "const r = /x/;\nconst t = job.utterances;", false],
    ["a binding", "const { utterances } = job;", false],
  ])("no answer for %s", (_, text, declared) => {
    expect(declares(text)).toBe(declared);
    expect(declaresNoShapeKey(text)).toBe(false);
  });
});

describe("possibleSpecifiers", () => {
  it("finds every string after from, import, require (and an opening parenthesis)", () => {
    const text = 'import a from "./a";\nexport * from \'../b\';\nconst c = require( "c" );\nawait import(`d`);\nimport type { T } from "./t.js";\n';
    expect(possibleSpecifiers(text)).toEqual(["./a", "../b", "c", "d", "./t.js"]);
    expect(possibleSpecifiers("const xs = Array.from('abc');")).toEqual(["abc"]);
    expect(possibleSpecifiers("export const x = 1;")).toEqual([]);
  });

  it("gives up where the text alone cannot tell the specifier", () => {
    expect(possibleSpecifiers('await import(/* chunk */ "./a");')).toBeUndefined();
    expect(possibleSpecifiers('import a from // why\n  "./a";')).toBeUndefined();
    expect(possibleSpecifiers('import a from "\\x2e/a";')).toBeUndefined();
    expect(possibleSpecifiers('\\u0069mport a from "./a";')).toBeUndefined();
  });
});

describe("isolatedFiles", () => {
  const dir = mkdtempSync(join(tmpdir(), "analysis-roots-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("leaves out only modules with no shape key, no global declaration and no import that resolves", () => {
    const files: Record<string, [text: string, isolated: boolean]> = {
      "alone.ts": ["export const a = 1;\n", true],
      "unresolved.ts": ["import axios from 'axios';\nimport { db } from './missing';\nexport const c = 1;\n", true],
      "imports.ts": ["import { a } from './alone';\nexport const b = a;\n", false],
      "package.ts": ["import { p } from 'pkg';\nexport const q = p;\n", false],
      "reads.ts": ["export const t = (j: any) => j.full_transcript;\n", true],
      "keys.ts": ["export interface J { full_transcript: string }\n", false],
      "script.ts": ["function id<T>(x: T): T { return x; }\n", false],
      "global.ts": ["declare global { var g: number }\nexport {};\n", false],
      "referenced.ts": ['/// <reference path="./globals.d.ts" />\nexport const r = 1;\n', false],
      "view.tsx": ["export const V = () => null;\n", false],
    };
    mkdirSync(join(dir, "node_modules", "pkg"), { recursive: true });
    writeFileSync(join(dir, "node_modules", "pkg", "index.d.ts"), "export declare const p: number;\n");
    for (const [name, [text]] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const isolated = isolatedFiles(new Project({ compilerOptions: { allowJs: true } }));
    const found = Object.fromEntries(Object.entries(files).map(([name, [text]]) => [name, isolated(join(dir, name), text)]));
    expect(found).toEqual(Object.fromEntries(Object.entries(files).map(([name, [, expected]]) => [name, expected])));
  });
});

const TYPES = "export interface Job { result: { transcription: { full_transcript: string } } }\n";

describe("analyseProject: the hints of a program with every candidate", () => {
  let dir: string;
  const dirs: string[] = [];
  const write = (files: Record<string, string>) => {
    dir = mkdtempSync(join(tmpdir(), "analysis-roots-run-"));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return Object.keys(files);
  };
  afterAll(() => dirs.forEach((made) => rmSync(made, { recursive: true, force: true })));

  it("keeps a global script: its declarations type the walked files", async () => {
    const files = write({
      "types.ts": TYPES,
      "globals.ts": "// Gladia helpers\nfunction id<T>(x: T): T { return x; }\n",
      "consumer.ts": "import type { Job } from './types';\nexport function f(job: Job) {\n  const same = id(job);\n  return same;\n}\n",
    });
    const hints = await analyseProject(dir, files);
    expect(hints.get("consumer.ts")!.locations.map((l) => l.level)).toEqual(["job", "job"]);
  });

  it("an isolated file a walked file imports comes in through the import, and gets its parameter's hint", async () => {
    const files = write({
      "types.ts": TYPES + "export declare function getJob(): Promise<Job>;\n",
      "show.ts": "// prints a Gladia job\nexport function show(job: any) { return job; }\n",
      "main.ts": "import { getJob } from './types';\nimport { show } from './show';\nconst job = await getJob();\nshow(job);\n",
    });
    const hints = await analyseProject(dir, files);
    expect(hints.get("show.ts")!.locations).toEqual([expect.objectContaining({ level: "job" })]);
    expect(hints.get("main.ts")!.handoffs).toHaveLength(1);
  });

  it("walks an isolated file when a global declaration carries a Gladia type to every file", async () => {
    const files = write({
      "types.ts": TYPES,
      "augment.ts": "import type { Job } from './types';\ndeclare global { var job: Job }\nexport {};\n",
      "plain.ts": "// Gladia\nexport const transcription = () => job.result.transcription;\n",
    });
    const hints = await analyseProject(dir, files);
    expect(hints.get("plain.ts")!.locations).toEqual([expect.objectContaining({ level: "job" })]);
  });
});
