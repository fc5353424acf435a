// The benchmark's corpus generator: deterministic, Gladia-free where it must be, and parseable by
// the jscodeshift anchor (a file that fails to parse would make the anchor look faster).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { commitAll, generateCorpus, writeFiles, type CorpusSpec } from "../bench/generate.js";
import { loadGladiaPool, poolPrograms } from "../bench/gladia-pool.js";

const root = path.resolve(import.meta.dirname, "..");
const pool = loadGladiaPool(root);
const require = createRequire(import.meta.url);
const tsxParser = require("jscodeshift/parser/tsx.js")();

const tiny: CorpusSpec = { seed: "tiny", plainFiles: 400, gladiaFiles: 15 };
const plainOnly: CorpusSpec = { ...tiny, gladiaFiles: 0 };

function fingerprint(files: Map<string, string>): string {
  const hash = createHash("sha256");
  for (const [file, content] of files) hash.update(`${file}\0${content}\0`);
  return hash.digest("hex");
}

const mentionsGladia = (content: string) => /gladia/i.test(content);

describe("bench corpus generator", () => {
  const temp: string[] = [];
  afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("gives the same file list and contents for the same seed", () => {
    const first = generateCorpus(tiny, pool);
    const second = generateCorpus(tiny, pool);
    expect([...second.tracked.keys()]).toEqual([...first.tracked.keys()]);
    expect(fingerprint(second.tracked)).toBe(fingerprint(first.tracked));
    expect(fingerprint(second.ignored)).toBe(fingerprint(first.ignored));
  });

  it("gives different contents for a different seed", () => {
    const other = generateCorpus({ ...tiny, seed: "other" }, pool);
    expect(fingerprint(other.tracked)).not.toBe(fingerprint(generateCorpus(tiny, pool).tracked));
  });

  it("writes exactly the requested number of files, Gladia only where asked", () => {
    const plain = generateCorpus(plainOnly, pool);
    const mixed = generateCorpus(tiny, pool);
    expect(plain.tracked.size).toBe(400);
    expect([...plain.tracked.values()].filter(mentionsGladia)).toHaveLength(0);
    expect([...plain.ignored.values()].filter(mentionsGladia)).toHaveLength(0);
    expect(mixed.tracked.size).toBe(415);
    expect([...mixed.tracked.values()].filter(mentionsGladia)).toHaveLength(15);
    // (b) is (a) plus the Gladia files: the plain files are the same.
    for (const [file, content] of plain.tracked) expect(mixed.tracked.get(file)).toBe(content);
  });

  it("uses every program of the pool, one Python file in four, and varies the copies", () => {
    const programs = poolPrograms(pool);
    const count = 4 * Math.max(pool.js.length, 3 * pool.python.length);
    const corpus = generateCorpus({ seed: "all-gladia", plainFiles: 0, gladiaFiles: count }, pool);
    const contents = corpus.gladiaPaths.map((file) => corpus.tracked.get(file)!);
    expect(new Set(contents).size).toBe(contents.length);
    for (const program of programs) expect(corpus.gladiaPaths.some((file) => file.includes(`/${program.name}-`))).toBe(true);
    expect(corpus.gladiaPaths.filter((file) => file.endsWith(".py"))).toHaveLength(count / 4);
  });

  it("generates plain JS/TS that jscodeshift's tsx parser accepts", () => {
    // Gladia programs come from fixtures written by others: only the generator's own files here.
    const corpus = generateCorpus(plainOnly, pool);
    const failures: string[] = [];
    for (const [file, content] of corpus.tracked) {
      if (!/\.(ts|tsx|js|mjs|cjs)$/.test(file)) continue;
      try {
        tsxParser.parse(content);
      } catch (error) {
        failures.push(`${file}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("commits the files so the floor script finds the Gladia ones and skips node_modules", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-corpus-test-"));
    temp.push(dir);
    const corpus = generateCorpus(tiny, pool);
    writeFiles(dir, corpus.tracked);
    writeFiles(dir, corpus.ignored);
    writeFiles(dir, new Map([["node_modules/@vendor/leak/index.js", "// gladia"]]));
    commitAll(dir);
    const tracked = execFileSync("git", ["ls-files"], { cwd: dir, encoding: "utf8" }).trim().split("\n");
    expect(tracked).toHaveLength(415);
    const floor = execFileSync(process.execPath, [path.join(root, "bench", "floor.js"), dir], { encoding: "utf8" });
    expect(floor.trim()).toBe("15");
  });
});
