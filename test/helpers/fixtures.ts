import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { TransformOptions } from "../../src/core/types.js";

export const FIXTURES_DIR = new URL("../../fixtures/", import.meta.url).pathname;

export interface FixtureCase {
  /** `concern/case.ext`, the path the transform sees (`.input` removed). */
  name: string;
  inputPath: string;
  /** Missing for negative fixtures: the output must then be byte-identical to the input. */
  outputPath?: string;
  /** Transform options: `native` strategy, overridden by an `options.json` beside the case. */
  options: TransformOptions;
}

/** A concern folder may run with other options, e.g. `fixtures/sdk-adapter/options.json` `{"strategy": "adapter"}`. */
function optionsFor(inputPath: string): TransformOptions {
  const file = join(dirname(inputPath), "options.json");
  return { strategy: "native", ...(existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<TransformOptions>) : {}) };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Every `<concern>/<case>.input.<ext>` under fixtures/ (multi-file folders have their own tests). */
export function listFixtureCases(dir = FIXTURES_DIR): FixtureCase[] {
  return walk(dir)
    .filter((file) => /\.input\.[^/]+$/.test(file))
    .map((inputPath) => {
      const outputPath = inputPath.replace(/\.input\./, ".output.");
      return {
        name: relative(dir, inputPath).replace(/\.input\./, "."),
        inputPath,
        ...(existsSync(outputPath) ? { outputPath } : {}),
        options: optionsFor(inputPath),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function readFixture(path: string): string {
  return readFileSync(path, "utf8");
}
