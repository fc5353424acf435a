import type { ASTPath, JSCodeshift } from "jscodeshift";
import { markerText } from "../../src/core/markers.js";
import { IGNORE_COMMENT, MARKER_PREFIX } from "../../src/mapping/transport.js";

type Comment = { type: string; value: string; leading?: boolean; trailing?: boolean };
type Commented = { comments?: Comment[] | null };

const STATEMENT_CONTAINERS = new Set(["Program", "BlockStatement", "SwitchCase", "StaticBlock", "TSModuleBlock"]);

/** The statement that holds `path` directly in a body, or the JSX child that holds it. */
function findAnchor(path: ASTPath): { path: ASTPath; jsx: boolean } | undefined {
  let current: ASTPath | null = path;
  while (current) {
    const parent: ASTPath | null = current.parent;
    if (!parent) return undefined;
    if (current.node.type === "JSXExpressionContainer" && (parent.node.type === "JSXElement" || parent.node.type === "JSXFragment")) {
      return { path: current, jsx: true };
    }
    if (STATEMENT_CONTAINERS.has(parent.node.type) && /Statement|Declaration/.test(current.node.type)) {
      return { path: current, jsx: false };
    }
    current = parent;
  }
  return undefined;
}

function hasComment(comments: Comment[] | null | undefined, needle: string): boolean {
  return (comments ?? []).some((c) => c.value.includes(needle));
}

/** A marker already there for this message, or an opt-out comment: nothing to add. */
function isSilenced(comments: Comment[] | null | undefined, text: string): boolean {
  return hasComment(comments, IGNORE_COMMENT) || (comments ?? []).some((c) => c.value.includes(MARKER_PREFIX) && c.value.includes(text.slice(0, 60)));
}

const PLACEHOLDER = "__gladia_to_assemblyai_marker_";

/**
 * Markers wait in the tree as placeholder statements and become comments in the printed text:
 * recast reprints (and reformats) any statement that gains a comment, but keeps a statement list
 * that gains a statement as written.
 */
export interface MarkerQueue {
  texts: string[];
  /** Messages already queued per anchor statement. */
  byAnchor: WeakMap<object, string[]>;
}

export function createMarkerQueue(): MarkerQueue {
  return { texts: [], byAnchor: new WeakMap() };
}

/** Inserts a `TODO(gladia-to-assemblyai):` comment once; returns false when it was already there. */
export function insertMarker(j: JSCodeshift, queue: MarkerQueue, target: ASTPath, message: string, docs: string): boolean {
  const anchor = findAnchor(target);
  if (!anchor) return false;
  const text = markerText(message, docs);
  if (anchor.jsx) return insertJsxMarker(j, anchor.path, text, message);
  const node = anchor.path.node as Commented;
  const queued = queue.byAnchor.get(node) ?? [];
  if (isSilenced(node.comments, message) || queued.includes(message)) return false;
  queue.byAnchor.set(node, [...queued, message]);
  queue.texts.push(text);
  anchor.path.insertBefore(j.expressionStatement(j.identifier(`${PLACEHOLDER}${queue.texts.length - 1}__`)));
  return true;
}

/** The printed text with each placeholder statement turned into its marker comment. */
export function writeMarkers(queue: MarkerQueue, text: string): string {
  if (queue.texts.length === 0) return text;
  // recast may put a blank line between the placeholder and a multi-line statement: the marker stays on top of it.
  const line = new RegExp(`^([ \\t]*)${PLACEHOLDER}(\\d+)__;?[ \\t]*\\n(?:[ \\t]*\\n)*`, "gm");
  return text.replace(line, (_m, indent: string, n: string) => `${indent}// ${queue.texts[Number(n)]}\n`);
}

/** In JSX children a comment must be an expression container: `{/* … *\/}` before the child. */
function insertJsxMarker(j: JSCodeshift, child: ASTPath, text: string, message: string): boolean {
  const siblings = (child.parent.node as { children: unknown[] }).children;
  const index = siblings.indexOf(child.node);
  const previous = siblings.slice(0, index).reverse().find((s) => (s as { type: string }).type !== "JSXText") as
    | { type: string; expression?: Commented & { type: string } }
    | undefined;
  const previousComments = previous?.type === "JSXExpressionContainer" ? previous.expression?.comments : undefined;
  if (isSilenced(previousComments, message)) return false;
  const empty = j.jsxEmptyExpression() as unknown as Commented;
  empty.comments = [j.commentBlock(` ${text} `, false, true) as Comment];
  siblings.splice(index, 0, j.jsxExpressionContainer(empty as never), j.jsxText("\n"));
  return true;
}
