import { describe, expect, it } from "vitest";
import { RunFacts } from "../../src/report/facts.js";

function envVars(text: string): string[] {
  const facts = new RunFacts();
  facts.add("f", text);
  return facts.envVarSteps().map((step) => `${step.from}→${step.to}`);
}

describe("run facts", () => {
  it.each([
    ["const k = process.env.GLADIA_API_KEY;", ["GLADIA_API_KEY→ASSEMBLYAI_API_KEY"]],
    ['const k = import.meta.env["VITE_GLADIA_API_KEY"];', ["VITE_GLADIA_API_KEY→VITE_ASSEMBLYAI_API_KEY"]],
    ['key = os.environ["GLADIA_API_KEY"]\nurl = os.getenv("GLADIA_API_URL")', ["GLADIA_API_KEY→ASSEMBLYAI_API_KEY", "GLADIA_API_URL→ASSEMBLYAI_BASE_URL"]],
    ["PORT=1\nexport NEXT_PUBLIC_GLADIA_API_KEY=\n", ["NEXT_PUBLIC_GLADIA_API_KEY→NEXT_PUBLIC_ASSEMBLYAI_API_KEY"]],
    ['const GLADIA_API_URL = "https://api.gladia.io/v2";', []],
    ["// set GLADIA_API_KEY before running", []],
  ])("finds env reads in %j", (text, expected) => {
    expect(envVars(text)).toEqual(expected);
  });

  it("lists a dependency step per Gladia SDK used, with the files", () => {
    const facts = new RunFacts();
    facts.add("a.ts", 'import { GladiaClient } from "@gladiaio/sdk";');
    facts.add("b.py", "from gladiaio_sdk import GladiaClient");
    facts.add("c.ts", "const x = 1;");
    expect(facts.dependencySteps().map((step) => [step.remove, step.add, step.files])).toEqual([
      ["@gladiaio/sdk", "assemblyai", ["a.ts"]],
      ["gladiaio-sdk", "assemblyai", ["b.py"]],
    ]);
  });
});
