import type { LanguagePlugin } from "../core/types.js";
import { javascript } from "./javascript.js";
import { python } from "./python.js";
import { pythonManifests } from "./python-manifests.js";

/** Every kind of file the codemod knows; the first plug-in that matches a path owns it. */
// Manifests before Python: `setup.py` is a manifest first.
export const LANGUAGES: LanguagePlugin[] = [javascript, pythonManifests, python];

export function languageFor(path: string): LanguagePlugin | undefined {
  return LANGUAGES.find((language) => language.matches(path));
}
