import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { cachedDataVersionTag } from "node:v8";
import { Script } from "node:vm";
import { keepTuned } from "./tiering.js";

// Compiling the TypeScript compiler (a 9 MB CommonJS file) is most of the cost of loading ts-morph
// on each run with a type pass; compiling babel's parser, recast and ast-types much of the cost of
// the first JS files a run transforms. Node 20 has no module compile cache (Node 22's
// module.enableCompileCache), so this loads those files from a V8 code cache, kept in a folder of
// the OS temp dir that only this user can write (code read from there runs in this process). V8
// itself rejects a cache made by another V8 or for another text; the cache is written after the
// type pass or the transforms ran (by the thread that ran them: the type pass's, the main one), so
// it holds the functions they compiled as well.

/**
 * A cache no run has used for this long is deleted when a run next writes one: each upgrade of
 * Node or of a package (or another install) keys new caches, and the old ones (megabytes each)
 * would otherwise stay in the temp dir for good. A run marks the caches it uses (mtime).
 */
const UNUSED_FOR_MS = 14 * 24 * 60 * 60 * 1000;

/** One module loaded through the cache, and how to save it once it has run. */
interface Cached {
  script: Script;
  /** Where its cache goes, if it has none that V8 accepted yet. */
  saveTo?: string;
}

const loaded: Cached[] = [];
const { cache } = createRequire(import.meta.url);

/** `$TMPDIR/gladia-to-assemblyai-<uid>`, created private; undefined when it cannot be trusted. Checked once. */
let folder: string | undefined | null = null;
function cacheFolder(): string | undefined {
  if (folder === null) folder = trustedFolder();
  return folder;
}

function trustedFolder(): string | undefined {
  if (typeof process.getuid !== "function" || process.env.GLADIA_TO_ASSEMBLYAI_CODE_CACHE === "0") return undefined;
  const uid = process.getuid();
  const folder = join(tmpdir(), `gladia-to-assemblyai-${uid}`);
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") return undefined;
  }
  const stats = lstatSync(folder);
  return stats.isDirectory() && stats.uid === uid && (stats.mode & 0o077) === 0 ? folder : undefined;
}

function cachePath(folder: string, filename: string): string {
  const { size, mtimeMs } = statSync(filename);
  // The tag changes with V8's flags too (the CLI sets its own, see tiering.ts): a process with
  // other flags (a library user, a bench harness) keeps its own caches instead of rejecting these.
  const key = [filename, size, mtimeMs, process.version, process.arch, cachedDataVersionTag()].join("\0");
  return join(folder, `${createHash("sha256").update(key).digest("hex").slice(0, 32)}.v8`);
}

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * A file's text. ASCII (the TypeScript compiler's 9 MB among others) is the same text read as
 * latin1, which V8 copies byte for byte instead of decoding UTF-8: 12 -> 7 ms for the compiler.
 */
function readSource(filename: string): string {
  const bytes = readFileSync(filename);
  return bytes.toString(isAscii(bytes) ? "latin1" : "utf8");
}

/**
 * Loads the CommonJS file `filename` (absolute, resolved) as `require` would, compiled from the
 * code cache when there is one: later `require`s of it get this module. The `.js` files it
 * requires that `alsoCache` accepts load the same way (and so on down).
 */
export function requireCached(filename: string, alsoCache?: (filename: string) => boolean): unknown {
  if (cache[filename]) return cache[filename].exports;
  keepTuned(); // the flags a cache is made for: a thread starting meanwhile may have set V8's defaults back
  const folder = cacheFolder();
  const saveTo = folder && cachePath(folder, filename);
  const cachedData = saveTo ? readCache(saveTo) : undefined;
  const script = new Script(Module.wrap(readSource(filename)), { filename, cachedData });
  const module = new Module(filename);
  module.filename = filename;
  module.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(dirname(filename));
  cache[filename] = module;
  try {
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run.call(module.exports, module.exports, requireFor(filename, alsoCache), module, filename, dirname(filename));
  } catch (error) {
    delete cache[filename];
    throw error;
  }
  module.loaded = true;
  const accepted = cachedData !== undefined && !script.cachedDataRejected;
  if (accepted) markUsed(saveTo!);
  loaded.push({ script, saveTo: accepted ? undefined : saveTo });
  return module.exports;
}

/** The module's `require`; the files `alsoCache` selects load through the cache as well. */
function requireFor(filename: string, alsoCache?: (filename: string) => boolean): NodeJS.Require {
  const require = createRequire(filename);
  if (!alsoCache) return require;
  const cachedRequire = (id: string) => {
    const resolved = require.resolve(id);
    return resolved.endsWith(".js") && alsoCache(resolved) ? requireCached(resolved, alsoCache) : require(id);
  };
  return Object.assign(cachedRequire, { resolve: require.resolve, cache: require.cache, main: require.main, extensions: require.extensions });
}

function markUsed(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // A cache is only an optimisation.
  }
}

/** Deletes the files of the cache folder (ours alone: it is private) that no run used lately. */
function deleteUnused(folder: string): void {
  const oldest = Date.now() - UNUSED_FOR_MS;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(folder, name);
    try {
      if (statSync(path).mtimeMs < oldest) unlinkSync(path);
    } catch {
      // Another run may have deleted it first.
    }
  }
}

/** Writes the caches that were missing or rejected (atomically: runs may share the folder). */
export function saveCodeCaches(): void {
  const saving = loaded.some((entry) => entry.saveTo);
  for (const entry of loaded) {
    if (!entry.saveTo) continue;
    const temporary = `${entry.saveTo}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, entry.script.createCachedData(), { mode: 0o600 });
      renameSync(temporary, entry.saveTo);
    } catch {
      // A cache is only an optimisation.
    }
    entry.saveTo = undefined;
  }
  const folder = cacheFolder();
  if (saving && folder) deleteUnused(folder);
}
