import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Node 20 compiles ES modules from source on every run, function by function as they first run,
// and links each one: for the JS plug-in's 80 modules, about 20 ms of loading and 15 ms of
// compiling on a run's first files; a worker thread whose entry is an ES module also sets up
// Node's ES module loader. So the build (src/build/bundle.ts) also bundles the modules below, each
// with what it imports from this project, into one CommonJS file beside it, `<name>.bundle.cjs`:
// a plug-in's bundle loads from the V8 code cache like babel and recast, a thread's is its entry.
// The modules stay the source: tests import them from src, where there is no bundle, and a bundle
// older than its module (a build that stopped after tsc) is not used.

export interface Bundle {
  /** The module, relative to `src/` (as tsc builds it). */
  module: string;
  /**
   * `plugin`: loaded into a thread that runs the runner too, so it must not hold a second copy of
   * a module whose state they share (the code cache's list of scripts to save); `thread`: the
   * whole code of a worker thread.
   */
  kind: "plugin" | "thread";
}

export const BUNDLES: Bundle[] = [
  { module: "languages/javascript.js", kind: "plugin" },
  { module: "languages/python.js", kind: "plugin" },
  { module: "runner/type-pass-worker.js", kind: "thread" },
];

/** The bundle's path beside a module. */
export function bundlePath(module: string): string {
  return module.replace(/\.js$/, ".bundle.cjs");
}

/** Whether `bundle` exists and was written after `module` (tsc rewrites every module it builds). */
export function isFreshBundle(module: string, bundle: string): boolean {
  const bundled = statSync(bundle, { throwIfNoEntry: false })?.mtimeMs;
  const built = statSync(module, { throwIfNoEntry: false })?.mtimeMs;
  return bundled !== undefined && built !== undefined && bundled >= built;
}

/** The fresh bundle of the module at `url`, if there is one. */
export function freshBundleOf(url: URL): string | undefined {
  const module = fileURLToPath(url);
  const bundle = bundlePath(module);
  return isFreshBundle(module, bundle) ? bundle : undefined;
}

/** The plug-in module at `url`: its bundle through the code cache when fresh, else `importModule()`. */
export async function importPlugin<T>(url: URL, importModule: () => Promise<T>): Promise<T> {
  const bundle = freshBundleOf(url);
  if (!bundle) return importModule();
  const { requireCached } = await import("./code-cache.js");
  return requireCached(bundle) as T;
}
