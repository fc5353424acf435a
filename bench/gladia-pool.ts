// The Gladia programs dropped into corpora (b) and (c): the repo's fixture inputs, topped up with
// the built-in samples in bench/gladia-samples/ while the fixtures of a language are still few.
// JS/TS and Python programs are kept apart so the corpora's language mix stays fixed (three JS/TS
// files for one Python file) however many fixtures each language has.

import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Rng } from "./prng.js";
import { jsUnit, type JsFlavor } from "./templates-js.js";
import { pythonUnit } from "./templates-other.js";
import { noun } from "./vocabulary.js";

export interface GladiaProgram {
  /** Base name used for the file in the corpus, e.g. `sdk-basic`. */
  name: string;
  /** Extension without the dot, e.g. `ts`. */
  ext: string;
  content: string;
  origin: "fixture" | "sample";
}

export interface GladiaPool {
  js: GladiaProgram[];
  python: GladiaProgram[];
}

/** Below this many fixture inputs in a language, its built-in samples are added so every client shape appears. */
const MIN_FIXTURES = 10;
/** Every PYTHON_EVERY-th Gladia file is a Python program. */
const PYTHON_EVERY = 4;

const FLAVOR_BY_EXT: Record<string, JsFlavor> = { ts: "ts", tsx: "tsx", js: "js", mjs: "mjs", cjs: "cjs", jsx: "js" };
const LINE_COMMENT_BY_EXT: Record<string, string> = { ts: "//", tsx: "//", js: "//", mjs: "//", cjs: "//", jsx: "//", py: "#" };

const isPython = (program: GladiaProgram) => program.ext === "py";

export function loadGladiaPool(root: string): GladiaPool {
  const fixtures = readFixtureInputs(path.join(root, "fixtures"));
  const samples = readSamples(path.join(root, "bench", "gladia-samples"));
  const group = (inGroup: (program: GladiaProgram) => boolean) => {
    const own = fixtures.filter(inGroup);
    return own.length >= MIN_FIXTURES ? own : [...own, ...samples.filter(inGroup)];
  };
  return { js: group((program) => !isPython(program)), python: group(isPython) };
}

export function poolPrograms(pool: GladiaPool): GladiaProgram[] {
  return [...pool.js, ...pool.python];
}

/** The program for the `copy`-th Gladia file: cycles through each language's programs. */
export function pickProgram(pool: GladiaPool, copy: number): GladiaProgram {
  if (pool.python.length === 0) return pool.js[copy % pool.js.length];
  if (pool.js.length === 0) return pool.python[copy % pool.python.length];
  const round = Math.floor(copy / PYTHON_EVERY);
  const slot = copy % PYTHON_EVERY;
  if (slot === PYTHON_EVERY - 1) return pool.python[round % pool.python.length];
  return pool.js[(round * (PYTHON_EVERY - 1) + slot) % pool.js.length];
}

export function hashPool(pool: GladiaPool): string {
  const hash = createHash("sha256");
  for (const program of poolPrograms(pool)) hash.update(`${program.name}.${program.ext}\0${program.content}\0`);
  return hash.digest("hex").slice(0, 10);
}

function readFixtureInputs(dir: string): GladiaProgram[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.input\.[^./]+$/.test(file))
    .sort();
  return files.flatMap((file): GladiaProgram[] => {
    const content = readFileSync(path.join(dir, file), "utf8");
    // Negative fixtures (no Gladia use) do not belong in a "uses Gladia" corpus.
    if (!/gladia/i.test(content)) return [];
    const match = /^(.*)\.input\.([^.]+)$/.exec(file.split(path.sep).join("-"))!;
    return [{ name: match[1], ext: match[2], content, origin: "fixture" }];
  });
}

function readSamples(dir: string): GladiaProgram[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => {
      const match = /^(.*)\.([^.]+)\.txt$/.exec(file)!;
      return { name: match[1], ext: match[2], content: readFileSync(path.join(dir, file), "utf8"), origin: "sample" as const };
    });
}

/**
 * A copy of `program` with small deterministic differences: a header comment, different audio
 * file names, and sometimes an unrelated helper appended, so no two corpus files are identical.
 */
export function varyProgram(rng: Rng, program: GladiaProgram, copy: number): string {
  const comment = LINE_COMMENT_BY_EXT[program.ext];
  if (!comment) return program.content;
  let content = program.content.replace(
    /\b(my-audio|audio|recording|meeting|interview|episode)\.(mp3|wav|m4a)\b/g,
    () => `${noun(rng)}-${copy}.${rng.pick(["mp3", "wav", "m4a"])}`,
  );
  const header = `${comment} ${noun(rng)} pipeline, variant ${copy}\n`;
  // A shebang must stay on the first line.
  const shebang = /^#!.*\n/.exec(content)?.[0] ?? "";
  content = shebang + header + content.slice(shebang.length);
  if (rng.chance(0.5)) content += program.ext === "py" ? `\n\n${pythonUnit(rng)}` : `\n${jsUnit(rng, FLAVOR_BY_EXT[program.ext])}`;
  return content;
}
