import type { LanguagePlugin } from "../core/types.js";
import { javascript } from "./javascript.js";

/** Every kind of file the codemod knows; the first plug-in that matches a path owns it. */
export const LANGUAGES: LanguagePlugin[] = [javascript];

export function languageFor(path: string): LanguagePlugin | undefined {
  return LANGUAGES.find((language) => language.matches(path));
}
