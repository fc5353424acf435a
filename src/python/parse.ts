import { createRequire } from "node:module";
import type { SgNode, SgRoot } from "@ast-grep/napi";

// tree-sitter's Python grammar through ast-grep, loaded on the first `.py` file that passes the
// cheap pre-filter: the native parser is the heavy part of the Python plug-in.

export type PyNode = SgNode;

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

export function parsePython(text: string): SgRoot {
  return loadNapi().parse("python" as never, text);
}

/**
 * tree-sitter always returns a tree: a file parses only when the tree has no ERROR node and no
 * MISSING node (a zero-width node that the grammar invented, e.g. a `)` or an empty block).
 */
export function pythonParseError(text: string): string | null {
  const root = parsePython(text).root();
  const bad = findBadNode(root);
  if (!bad) return null;
  const { line, column } = bad.range().start;
  const what = bad.kind() === "ERROR" ? "syntax error" : `missing ${bad.kind()}`;
  return `${what} at line ${line + 1}, column ${column + 1}`;
}

function findBadNode(node: PyNode): PyNode | undefined {
  for (const child of node.children()) {
    const { start, end } = child.range();
    if (child.kind() === "ERROR" || start.index === end.index) return child;
    const bad = findBadNode(child);
    if (bad) return bad;
  }
  return undefined;
}
