import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JSCODESHIFT_OPTIONS, javascript } from "../../src/languages/javascript.js";
import { FIXTURES_DIR } from "../helpers/fixtures.js";
import { processText } from "../../src/core/process-text.js";
import type { LanguagePlugin } from "../../src/core/types.js";

// The output check parses with babel and jscodeshift's options for the file's parser (ts, tsx,
// babylon), without recast: it must accept and reject exactly what that parser does.

describe("JS parse check", () => {
  it.each([
    ["a.ts", "const x = <number>y;\nlet z: string = `${x}`;\n"],
    ["a.tsx", "const e = <div>{x as number}</div>;\n"],
    ["a.jsx", "const e = <div a={1} />;\n"],
    ["a.js", "const e = <div />;\nexport default async function f() { await g(); }\n"],
    ["a.mjs", "const job = await client.get();\n"],
    ["a.mts", "export type T = { a?: string };\n"],
  ])("accepts %s", (path, text) => {
    expect(javascript.parseError(text, path)).toBeNull();
  });

  it.each([
    ["a.tsx", "const x = <number>y;\n"],
    ["a.cjs", "module.exports = function (;\n"],
    ["a.ts", "const x = {a: 1;\n"],
    ["a.js", "import { AssemblyAI } from \"assemblyai\"\nconst x = ;\n"],
  ])("rejects %s: %j", (path, text) => {
    expect(javascript.parseError(text, path)).toMatch(/\(\d+:\d+\)/);
  });

  it("a transform whose output does not parse leaves the file as it was", () => {
    const broken: LanguagePlugin = { ...javascript, mayConcern: () => true, transform: () => ({ text: "const x = {;\n", steps: ["s"], followUps: [] }) };
    const { result, newText } = processText("a.ts", "const x = {};\n", broken, { strategy: "native" });
    expect(newText).toBeUndefined();
    expect(result.status).toBe("failed");
    expect(result.reason).toMatch(/does not parse/);
  });
});

// The check calls @babel/parser itself with jscodeshift's options minus `tokens`: the options must
// be jscodeshift's, and the check must accept and reject what jscodeshift's parser does.
const jscodeshiftRequire = createRequire(createRequire(import.meta.url).resolve("jscodeshift"));
const getParser = jscodeshiftRequire("./src/getParser.js") as (name: string) => { parse(code: string): unknown };
const babel = jscodeshiftRequire("@babel/parser") as { parse(code: string, options: object): unknown };
const PARSERS = ["babylon", "ts", "tsx"] as const;
const PATH_FOR = { babylon: "a.js", ts: "a.ts", tsx: "a.tsx" };

/** The options jscodeshift's parser `name` gives @babel/parser (seen by wrapping `parse` once). */
function optionsJscodeshiftPasses(name: string): object {
  const original = babel.parse;
  let seen: object | undefined;
  babel.parse = (code, options) => ((seen = options), original(code, options));
  try {
    getParser(name).parse("x;");
  } finally {
    babel.parse = original;
  }
  return seen!;
}

function jscodeshiftParseError(text: string, name: string): string | null {
  try {
    getParser(name).parse(text);
    return null;
  } catch (error) {
    return (error as Error).message.split("\n")[0];
  }
}

const jsFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? jsFiles(full) : /\.(m?[jt]sx?|c[jt]s)$/.test(entry) ? [full] : [];
  });

// Texts near the edges of what parses: tokens the tokenizer must decide (regex or division,
// templates, JSX text, `<` casts and generics, comments, flow comments) and plain syntax errors.
const EDGE_TEXTS = [
  "const r = a / b / c;\nconst s = /[/]\\//g.test(x);\n",
  "const t = `a${`b${c}`}d`;\n",
  "const t = `unterminated ${x}\n",
  "const e = <div>a > b {/* c */}</div>;\n",
  "const f = <T,>(x: T) => x;\n",
  "const g = <T>(x: T) => x;\n",
  "const n = <number>y;\n",
  "/* unterminated comment\nconst x = 1;\n",
  "#!/usr/bin/env node\nconst x = 1;\n",
  "const x = 1; // trailing\n/** doc */ export function f() {}\n",
  "function f(x /*: number */) /*: string */ { return String(x); }\n/*:: type T = number; */\n",
  "type T = { a: number };\nlet x: T;\n",
  "const x = y as unknown as number;\n",
  "const a = b?.c ?? d;\nx ||= 1;\n",
  "const big = 1_000n;\nconst bad = 1__0;\n",
  "@dec class A { @dec m() {} }\nexport @dec class B {}\n",
  "export default from \"x\";\n",
  "const p = x |> f;\n",
  "return 1;\n",
  "import x from \"y\" with { type: \"json\" };\n",
  "class A { #p = 1; static { this.#p; } accessor q = 2; }\n",
  "enum E { A = 1 }\nnamespace N { export const a = 1; }\n",
  "const x = {a: 1;\n",
  "let let = 1;\n",
  "const o = { \"a\": 1, b, ...c, [d]: e, f() {}, get g() { return 1; } };\n",
  "if (a) <div/>;\n",
  "a\n++b\n",
  "const s = '\\u{110000}';\n",
  "await x;\nfor await (const y of z) {}\n",
];

describe("JS parse check against jscodeshift's parsers", () => {
  it.each(PARSERS)("%s: the options are jscodeshift's", (name) => {
    expect(JSCODESHIFT_OPTIONS[name]).toEqual(optionsJscodeshiftPasses(name));
  });

  it("accepts and rejects what jscodeshift's parser does, with the same message (fixtures, edge texts, every parser)", () => {
    const texts = [...jsFiles(FIXTURES_DIR).map((file) => readFileSync(file, "utf8")), ...EDGE_TEXTS];
    let rejected = 0;
    for (const name of PARSERS) {
      for (const text of texts) {
        const expected = jscodeshiftParseError(text, name);
        expect(javascript.parseError(text, PATH_FOR[name]), `${name}: ${text.slice(0, 80)}`).toBe(expected);
        if (expected !== null) rejected++;
      }
    }
    // Both sides of the set are exercised: many texts are rejected (TS under babylon, JSX under ts, errors).
    expect(rejected).toBeGreaterThan(50);
    expect(rejected).toBeLessThan(texts.length * PARSERS.length - 50);
  });
});
