import type { JsContext } from "./context.js";
import type { AnyPath } from "./ast.js";

// Offsets from the type pass (ts-morph, same normalised text) → paths in this file's tree. Only
// nodes from the original parse carry offsets, so a node an earlier step replaced is not found
// (it was already handled).

export interface Span {
  start: number;
  end: number;
}

const INDEX_KEY = "hint-locations:index";

/** Nodes by start offset (outermost first), built once per file. */
function nodesByStart(ctx: JsContext): Map<number, AnyPath[]> {
  let index = ctx.shared.get(INDEX_KEY) as Map<number, AnyPath[]> | undefined;
  if (index) return index;
  index = new Map();
  ctx.root.find(ctx.j.Node).forEach((path: AnyPath) => {
    const start = path.node.start;
    if (typeof start !== "number") return;
    const list = index!.get(start);
    if (list) list.push(path);
    else index!.set(start, [path]);
  });
  ctx.shared.set(INDEX_KEY, index);
  return index;
}

/** Babel spans a typed binding (`job: GladiaJob`) with its annotation; ts-morph spans the name only. */
function spans(path: AnyPath, span: Span): boolean {
  const node = path.node;
  if (node.end === span.end) return true;
  return (node.type === "Identifier" || node.type === "ObjectPattern") && node.typeAnnotation?.start >= span.end;
}

/** A shorthand property (and its key) spans exactly its value: the value is the binding. */
function isShorthandKey(path: AnyPath): boolean {
  if (path.node.type === "ObjectProperty" || path.node.type === "Property") return true;
  return path.name === "key" && Boolean(path.parent?.node.shorthand);
}

export function locate(ctx: JsContext, span: Span): AnyPath | undefined {
  const candidates = nodesByStart(ctx).get(span.start) ?? [];
  return candidates.find((path) => spans(path, span) && !isShorthandKey(path) && isAttached(path));
}

/** Still in the tree (an earlier step may have replaced it or an ancestor). */
function isAttached(path: AnyPath): boolean {
  for (let current: any = path; current.parentPath; current = current.parentPath) {
    if (current.parentPath.value?.[current.name] !== current.value) return false;
  }
  return true;
}
