import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import fg from "fast-glob";
import { beforeAll, describe, expect, it } from "vitest";
import { analyseProject, type AnalysisHints } from "../src/analysis/index.js";
import { processText } from "../src/core/process-text.js";
import { languageFor } from "../src/languages/index.js";
import { FIXTURES_DIR } from "./helpers/fixtures.js";

// Multi-file cases for the type pass: `fixtures/types-multi/<case>/input/` is a small project
// (a types file and its consumers), `output/` the whole expected project after the run. The
// analysis runs over the folder, then each file goes through its plug-in with its hints; a second
// run over the output changes nothing.

const CASES_DIR = join(FIXTURES_DIR, "types-multi");
const OPTIONS = { strategy: "native" } as const;

function listFiles(dir: string): string[] {
  return fg.sync("**/*", { cwd: dir, dot: true }).sort();
}

interface RunResult {
  hints: Map<string, AnalysisHints>;
  texts: Map<string, string>;
  failures: string[];
}

async function runProject(dir: string): Promise<RunResult> {
  const files = listFiles(dir);
  const hints = await analyseProject(dir, files);
  const texts = new Map<string, string>();
  const failures: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(dir, file), "utf8");
    const language = languageFor(file);
    if (!language) {
      texts.set(file, text);
      continue;
    }
    const { result, newText } = processText(file, text, language, { ...OPTIONS, hints: hints.get(file) as Record<string, unknown> | undefined });
    if (result.status === "failed") failures.push(`${file}: ${result.reason}`);
    texts.set(file, newText ?? text);
  }
  return { hints, texts, failures };
}

const cases = readdirSync(CASES_DIR).filter((c) => statSync(join(CASES_DIR, c)).isDirectory()).sort();

describe.each(cases)("types-multi %s", (name) => {
  const input = join(CASES_DIR, name, "input");
  const output = join(CASES_DIR, name, "output");
  let first: RunResult;
  let second: RunResult;

  beforeAll(async () => {
    first = await runProject(input);
    second = await runProject(output);
  });

  it("has the same files in input/ and output/", () => {
    expect(listFiles(output)).toEqual(listFiles(input));
  });

  it("finds Gladia-typed values in more than one file", () => {
    expect(first.hints.size).toBeGreaterThan(1);
  });

  it.each(listFiles(input).map((f) => [f]))("%s migrates to the expected output", (file) => {
    expect(first.failures).toEqual([]);
    expect(first.texts.get(file)).toBe(readFileSync(join(output, file), "utf8"));
  });

  it("is idempotent: a second run over the output changes nothing", () => {
    expect(second.failures).toEqual([]);
    for (const file of listFiles(output)) {
      expect(second.texts.get(file), relative(FIXTURES_DIR, join(output, file))).toBe(readFileSync(join(output, file), "utf8"));
    }
  });
});
