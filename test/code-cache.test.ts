import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// The V8 code cache the type pass loads the TypeScript compiler from, and the JS plug-in jscodeshift,
// recast, ast-types and babel's parser (src/core/code-cache.ts):
// each case runs in a child process (a module loads once per process) with its own TMPDIR.

const CODE_CACHE = fileURLToPath(new URL("../dist/src/core/code-cache.js", import.meta.url));
const created: string[] = [];
afterAll(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function temporary(): string {
  const dir = mkdtempSync(join(tmpdir(), "g2a-code-cache-"));
  created.push(dir);
  return dir;
}

/** A CommonJS module that requires a sibling, as typescript.js requires Node's modules. */
function commonJsModule(): string {
  const dir = temporary();
  writeFileSync(join(dir, "helper.js"), "exports.twice = (n) => 2 * n;\n");
  writeFileSync(join(dir, "main.js"), 'const { twice } = require("./helper");\nexports.answer = twice(21);\nexports.file = __filename;\n');
  return join(dir, "main.js");
}

/** Loads `file` through the cache in a new process (with `v8Flags` set first); prints what `require` then sees too. */
function load(file: string, tmp: string, alsoCache = "undefined", v8Flags = ""): { answer: number; file: string; same: boolean } {
  const script = [
    `import { createRequire } from "node:module";`,
    `import { setFlagsFromString } from "node:v8";`,
    `import { requireCached, saveCodeCaches } from ${JSON.stringify(CODE_CACHE)};`,
    `setFlagsFromString(${JSON.stringify(v8Flags)});`,
    `const loaded = requireCached(${JSON.stringify(file)}, ${alsoCache});`,
    `saveCodeCaches();`,
    `const same = createRequire(import.meta.url)(${JSON.stringify(file)}) === loaded;`,
    `console.log(JSON.stringify({ ...loaded, same }));`,
  ].join("\n");
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, TMPDIR: tmp } });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

const folderIn = (tmp: string) => join(tmp, `gladia-to-assemblyai-${process.getuid!()}`);
const cacheFiles = (tmp: string) => (existsSync(folderIn(tmp)) ? readdirSync(folderIn(tmp)).map((name) => join(folderIn(tmp), name)) : []);

describe.skipIf(typeof process.getuid !== "function")("the code cache", () => {
  it("loads a CommonJS module as require does, and writes its cache in a private folder", () => {
    const file = commonJsModule();
    const tmp = temporary();
    expect(load(file, tmp)).toEqual({ answer: 42, file, same: true });
    expect(statSync(folderIn(tmp)).mode & 0o777).toBe(0o700);
    const [cache] = cacheFiles(tmp);
    expect(cacheFiles(tmp)).toHaveLength(1);
    expect(statSync(cache).mode & 0o777).toBe(0o600);
  });

  it("reads a module's text as UTF-8 when it is not ASCII (ASCII is read as latin1: the same text)", () => {
    const dir = temporary();
    const file = join(dir, "main.js");
    writeFileSync(file, 'exports.answer = "déjà ✓ 👍".length;\nexports.file = __filename;\n');
    expect(load(file, temporary())).toEqual({ answer: "déjà ✓ 👍".length, file, same: true });
  });

  it("loads the modules a module requires through the cache too, when asked", () => {
    const file = commonJsModule();
    const tmp = temporary();
    expect(load(file, tmp, "(f) => f.endsWith('helper.js')")).toEqual({ answer: 42, file, same: true });
    expect(cacheFiles(tmp)).toHaveLength(2);
    const other = temporary();
    load(file, other, "(f) => false");
    expect(cacheFiles(other)).toHaveLength(1);
  });

  it("uses a cache V8 accepts as it is, and replaces one it rejects", () => {
    const file = commonJsModule();
    const tmp = temporary();
    load(file, tmp);
    const [cache] = cacheFiles(tmp);
    const written = readFileSync(cache);
    expect(load(file, tmp).answer).toBe(42);
    expect(readFileSync(cache).equals(written)).toBe(true);
    writeFileSync(cache, "not a code cache");
    expect(load(file, tmp).answer).toBe(42);
    expect(readFileSync(cache, "latin1")).not.toBe("not a code cache");
  });

  it("keeps one cache per set of V8 flags: a process with other flags neither rejects nor replaces it", () => {
    const file = commonJsModule();
    const tmp = temporary();
    load(file, tmp);
    const [plain] = cacheFiles(tmp);
    const written = readFileSync(plain);
    expect(load(file, tmp, "undefined", "--interrupt-budget=540672").answer).toBe(42);
    expect(cacheFiles(tmp)).toHaveLength(2);
    load(file, tmp);
    expect(readFileSync(plain).equals(written)).toBe(true);
  });

  it("marks the caches a run uses, and deletes the ones no run used for 14 days when it writes one", () => {
    const file = commonJsModule();
    const tmp = temporary();
    load(file, tmp);
    const [used] = cacheFiles(tmp);
    const longAgo = new Date(Date.now() - 20 * 24 * 60 * 60 * 1000);
    const stale = join(folderIn(tmp), "0123456789abcdef0123456789abcdef.v8");
    const recent = join(folderIn(tmp), "fedcba9876543210fedcba9876543210.v8");
    writeFileSync(stale, "an old Node's cache");
    writeFileSync(recent, "another install's cache");
    utimesSync(stale, longAgo, longAgo);
    utimesSync(used, longAgo, longAgo);
    load(file, tmp); // uses its cache, writes none: deletes nothing
    expect(statSync(used).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    expect(existsSync(stale)).toBe(true);
    load(commonJsModule(), tmp); // writes a cache
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent) && existsSync(used)).toBe(true);
    expect(cacheFiles(tmp)).toHaveLength(3);
  });

  it("does not use a folder other users can write to, nor any with the cache turned off", () => {
    const file = commonJsModule();
    const open = temporary();
    mkdirSync(folderIn(open));
    chmodSync(folderIn(open), 0o777);
    expect(load(file, open).answer).toBe(42);
    expect(cacheFiles(open)).toEqual([]);
    const off = temporary();
    process.env.GLADIA_TO_ASSEMBLYAI_CODE_CACHE = "0";
    try {
      expect(load(file, off).answer).toBe(42);
    } finally {
      delete process.env.GLADIA_TO_ASSEMBLYAI_CODE_CACHE;
    }
    expect(existsSync(folderIn(off))).toBe(false);
  });
});
