import type { LanguagePlugin } from "../core/types.js";
import { REGISTRY } from "./registry.js";

/**
 * Every plug-in, fully loaded (parsers included): for tests and library use. The CLI uses the light
 * `REGISTRY` instead and loads a plug-in only when a file needs it.
 */
export const LANGUAGES: LanguagePlugin[] = await Promise.all(REGISTRY.map((entry) => entry.load()));

export function languageFor(path: string): LanguagePlugin | undefined {
  return LANGUAGES.find((language) => language.matches(path));
}
