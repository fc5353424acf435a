import type { PyNode } from "./parse.js";
import { callArgs, end, unwrap } from "./nodes.js";
import { literalKey, type Key } from "./facts.js";

// A read like `job["result"]["transcription"]["utterances"][0]["start"]`, `job.get("result", {})…`
// or `transcription.result.transcription.full_transcript`: a base expression and its accessors.

export type AccessorStyle = "subscript" | "get" | "attr";

export interface Accessor {
  key: Key;
  style: AccessorStyle;
  /** The whole accessor expression (`x["k"]`, `x.get("k")`, `x.k`). */
  node: PyNode;
  /** The key's own node (string, integer or attribute name). */
  keyNode: PyNode;
  defaultNode?: PyNode;
  /** Source offset where the accessor's own text starts (right after what it reads from). */
  from: number;
}

export interface Chain {
  node: PyNode;
  base: PyNode;
  accessors: Accessor[];
}

function accessorOf(node: PyNode): { accessor: Accessor; inner: PyNode } | undefined {
  const kind = node.kind();
  if (kind === "subscript") {
    const keyNode = node.field("subscript");
    const key = literalKey(keyNode);
    const inner = node.field("value");
    if (key === undefined || !keyNode || !inner) return undefined;
    return { accessor: { key, style: "subscript", node, keyNode, from: end(inner) }, inner };
  }
  if (kind === "call") {
    const fn = node.field("function");
    if (fn?.kind() !== "attribute" || fn.field("attribute")?.text() !== "get") return undefined;
    const { positional, keywords, splat } = callArgs(node);
    const key = literalKey(positional[0]);
    if (key === undefined || typeof key !== "string" || positional.length > 2 || keywords.size || splat) return undefined;
    const inner = fn.field("object")!;
    return { accessor: { key, style: "get", node, keyNode: positional[0], from: end(inner), ...(positional[1] ? { defaultNode: positional[1] } : {}) }, inner };
  }
  if (kind === "attribute") {
    const attr = node.field("attribute");
    const inner = node.field("object");
    if (!attr || !inner) return undefined;
    return { accessor: { key: attr.text(), style: "attr", node, keyNode: attr, from: end(inner) }, inner };
  }
  return undefined;
}

export function extractChain(node: PyNode): Chain {
  const accessors: Accessor[] = [];
  let current = node;
  for (;;) {
    const step = accessorOf(current);
    if (!step) break;
    accessors.unshift(step.accessor);
    current = unwrap(step.inner);
  }
  return { node, base: current, accessors };
}

/** Is `node` the outermost accessor of its chain (its parent does not read further)? */
export function isOutermost(node: PyNode): boolean {
  const parent = node.parent();
  if (!parent) return true;
  const step = accessorOf(parent);
  if (step && step.inner.id() === node.id()) return false;
  // `x.get` inside `x.get("k")`: the call is the accessor.
  if (node.kind() === "attribute" && parent.kind() === "call" && parent.field("function")?.id() === node.id()) {
    return !accessorOf(parent);
  }
  return true;
}

