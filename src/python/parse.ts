import { createRequire } from "node:module";
import { PyTree } from "./tree.js";

// tree-sitter's Python grammar through ast-grep, loaded on the first `.py` file that passes the
// cheap pre-filter: the native parser is the heavy part of the Python plug-in.

export type { PyNode } from "./tree.js";

type Napi = typeof import("@ast-grep/napi");
let napi: Napi | undefined;

function loadNapi(): Napi {
  if (napi) return napi;
  const require = createRequire(import.meta.url);
  const loaded = require("@ast-grep/napi") as Napi;
  loaded.registerDynamicLanguage({ python: require("@ast-grep/lang-python") });
  napi = loaded;
  return loaded;
}

/** A fresh parse, its nodes cached for the file (see tree.ts): dispose of it when the file is done. */
export function parsePython(text: string): PyTree {
  return new PyTree(loadNapi().parse("python" as never, text).root());
}

// One native search instead of a walk in JS: an ERROR node, or a zero-width node (tree-sitter's
// MISSING nodes, named like `block` or anonymous like `)`). The module of an empty file is zero-width too.
const BAD_NODE = { rule: { any: [{ kind: "ERROR" }, { regex: "^$" }], not: { kind: "module" } } };

/**
 * tree-sitter always returns a tree: a file parses only when the tree has no ERROR node and no
 * MISSING node (a zero-width node that the grammar invented, e.g. a `)` or an empty block).
 * When nothing of the file parses, the top node itself is the ERROR.
 */
export function pythonParseError(text: string): string | null {
  const root = loadNapi().parse("python" as never, text).root();
  const bad = root.kind() === "ERROR" ? root : root.find(BAD_NODE);
  if (!bad) return null;
  const { line, column } = bad.range().start;
  const what = bad.kind() === "ERROR" ? "syntax error" : `missing ${bad.kind()}`;
  return `${what} at line ${line + 1}, column ${column + 1}`;
}
