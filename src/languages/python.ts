import type { LanguagePlugin } from "../core/types.js";
import { PY_STEPS, transformPython } from "../python/index.js";
import { pythonParseError } from "../python/parse.js";

// Python sources. The tree-sitter parser is loaded only when a file passes the pre-filter.
export const python: LanguagePlugin = {
  name: "python",
  matches: (path) => /\.pyi?$/.test(path),
  mayConcern: (text) => /gladia/i.test(text),
  transform: transformPython,
  parseError: (text) => pythonParseError(text),
  steps: PY_STEPS.map(({ name, description }) => ({ name, description })),
};
