import { describe, expect, it } from "vitest";
import { javascript } from "../../src/languages/javascript.js";
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
