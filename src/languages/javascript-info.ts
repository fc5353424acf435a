import type { LanguageInfo } from "../core/types.js";
import { JS_STEP_INFO } from "../../transforms/step-info.js";

// The cheap half of the JS/TS plug-in (no jscodeshift import): which files it owns and the pre-filter.

const EXTENSIONS = /\.(js|jsx|mjs|cjs|ts|tsx|mts|cts)$/;
const GENERATED = /\.min\.(c|m)?js$|\.d\.(c|m)?ts$/;

export const javascriptInfo: LanguageInfo = {
  name: "javascript",
  matches: (path) => EXTENSIONS.test(path) && !GENERATED.test(path),
  mayConcern: (text) => /gladia/i.test(text),
  prettier: true,
  steps: JS_STEP_INFO,
};
