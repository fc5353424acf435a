import type { LanguagePlugin } from "../core/types.js";
import { transformPython } from "../python/index.js";
import { pythonParseError } from "../python/parse.js";
import { pythonInfo } from "./python-info.js";

// Python sources. The tree-sitter parser is loaded only when a file passes the pre-filter.
export const python: LanguagePlugin = {
  ...pythonInfo,
  transform: transformPython,
  parseError: (text) => pythonParseError(text),
};
