import type { LanguageEntry, LanguagePlugin } from "../core/types.js";
import { envFile } from "./env-file.js";
import { packageJson } from "./package-json.js";
import { javascriptInfo } from "./javascript-info.js";
import { pythonInfo, pythonManifestsInfo } from "./python-info.js";
import { importPlugin } from "../core/bundles.js";

/**
 * Every kind of file the codemod knows, cheap parts only; the first entry that matches a path owns
 * it. A new plug-in is one line here: its light info (name, matches, mayConcern, steps, prettier)
 * spread, and `load` importing the module that holds the parser and transform.
 */
export const REGISTRY: LanguageEntry[] = [
  {
    ...javascriptInfo,
    load: async () => (await import("./javascript-preload.js"), await importPlugin(new URL("./javascript.js", import.meta.url), () => import("./javascript.js"))).javascript,
  },
  { ...envFile, load: async () => envFile },
  { ...packageJson, load: async () => packageJson },
  // Manifests before Python: `setup.py` is a manifest first.
  { ...pythonManifestsInfo, load: async () => (await import("./python-manifests.js")).pythonManifests },
  { ...pythonInfo, load: async () => (await importPlugin(new URL("./python.js", import.meta.url), () => import("./python.js"))).python },
];

export function entryFor(path: string): LanguageEntry | undefined {
  return REGISTRY.find((entry) => entry.matches(path));
}

const loaded = new Map<string, Promise<LanguagePlugin>>();

/** The whole plug-in by name, imported once per thread. */
export function loadLanguage(name: string): Promise<LanguagePlugin> {
  const entry = REGISTRY.find((candidate) => candidate.name === name);
  if (!entry) return Promise.reject(new Error(`unknown language plug-in "${name}"`));
  if (!loaded.has(name)) loaded.set(name, entry.load());
  return loaded.get(name)!;
}

/** Every step name any plug-in knows, with the plug-ins that run it. */
export function allSteps(): { name: string; description: string; language: string }[] {
  return REGISTRY.flatMap((entry) => entry.steps.map((step) => ({ ...step, language: entry.name })));
}
