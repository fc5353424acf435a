import type { JsContext } from "./context.js";
import type { AnyPath } from "./ast.js";
import { readHints } from "../../src/analysis/hints.js";
import { findNodes } from "./find.js";

// Offsets from the type pass (ts-morph, same normalised text) → paths in this file's tree. Only
// nodes from the original parse carry offsets, so a node an earlier step replaced is not found
// (it was already handled). Handoffs: arguments the type pass followed into another file.

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
  findNodes(ctx.root, ctx.j.Node).forEach((path: AnyPath) => {
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

const HANDOFFS_KEY = "hint-locations:handoffs";

/** Calls whose arguments the type pass followed into another file: call node → argument indexes. */
function handoffs(ctx: JsContext): Map<object, Set<number>> {
  let found = ctx.shared.get(HANDOFFS_KEY) as Map<object, Set<number>> | undefined;
  if (found) return found;
  found = new Map();
  for (const handoff of readHints(ctx.options.hints)?.handoffs ?? []) {
    const call = locate(ctx, handoff);
    if (!call) continue;
    if (!found.has(call.node)) found.set(call.node, new Set());
    found.get(call.node)!.add(handoff.index);
  }
  ctx.shared.set(HANDOFFS_KEY, found);
  return found;
}

/** An argument the type pass followed into the callee's file (that file migrates its reads). */
export function isHandedOff(ctx: JsContext, argument: AnyPath): boolean {
  if (!ctx.options.hints) return false;
  const call = argument.parent?.node;
  return handoffs(ctx).get(call)?.has(call.arguments.indexOf(argument.node)) ?? false;
}
