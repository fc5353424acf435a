import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";

// A plug-in's heavy half is some 80 ES modules (the JS steps) or 30 (Python). Node 20 compiles ES
// modules from source on every run, function by function as they first run, and links each one:
// about 20 ms of loading and 15 ms of compiling for a run's first JS files. So the build also
// bundles each into one CommonJS file beside its module (src/build/bundle.ts), which loads from
// the V8 code cache like babel and recast. The modules stay the source: tests import them from
// src, where there is no bundle, and a bundle older than its module (a build that stopped after
// tsc) is not used.

/** The plug-in modules of this folder that the build bundles. */
export const BUNDLED_PLUGINS = ["javascript", "python"] as const;
export type BundledPlugin = (typeof BUNDLED_PLUGINS)[number];

/** The module `name` of this folder (as built), and its bundle beside it. */
export function pluginFiles(name: BundledPlugin): { module: string; bundle: string } {
  return { module: fileURLToPath(new URL(`./${name}.js`, import.meta.url)), bundle: fileURLToPath(new URL(`./${name}.bundle.cjs`, import.meta.url)) };
}

/** Whether `bundle` exists and was written after `module` (tsc rewrites every module it builds). */
export function isFreshBundle({ module, bundle }: { module: string; bundle: string }): boolean {
  const bundled = statSync(bundle, { throwIfNoEntry: false })?.mtimeMs;
  const built = statSync(module, { throwIfNoEntry: false })?.mtimeMs;
  return bundled !== undefined && built !== undefined && bundled >= built;
}

/** The plug-in module `name`: its bundle when there is a fresh one, else `importModule()`. */
export async function importPlugin<T>(name: BundledPlugin, importModule: () => Promise<T>): Promise<T> {
  const files = pluginFiles(name);
  if (!isFreshBundle(files)) return importModule();
  const { requireCached } = await import("../core/code-cache.js");
  return requireCached(files.bundle) as T;
}
