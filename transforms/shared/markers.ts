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
  source: string;
  texts: string[];
  /** Per marker: a blank line preceded its statement in the source (undefined for a new statement). */
  blankBefore: (boolean | undefined)[];
  /** Messages already queued per anchor statement. */
  byAnchor: WeakMap<object, string[]>;
}

export function createMarkerQueue(source: string): MarkerQueue {
  return { source, texts: [], blankBefore: [], byAnchor: new WeakMap() };
}

/** Was the statement (with its leading comments) written after a blank line? */
function hasBlankBefore(source: string, node: Commented & { start?: number }): boolean | undefined {
  const starts = [node.start, ...(node.comments ?? []).filter((c) => c.leading).map((c) => (c as { start?: number }).start)];
  if (starts.some((s) => typeof s !== "number")) return undefined;
  return /\n[ \t]*\n[ \t]*$/.test(source.slice(0, Math.min(...(starts as number[]))));
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
  queue.blankBefore.push(hasBlankBefore(queue.source, node));
  anchor.path.insertBefore(j.expressionStatement(j.identifier(`${PLACEHOLDER}${queue.texts.length - 1}__`)));
  return true;
}

// A run of placeholder lines (recast may put blank lines around them), then the statement's own
// leading comments: the markers go below those comments, right on top of the code.
const BLANKS = "(?:^[ \\t]*\\n)*";
const PLACEHOLDER_LINE = `^([ \\t]*)${PLACEHOLDER}(\\d+)__;?[ \\t]*\\n`;
const COMMENT_LINE = "[ \\t]*(?://[^\\n]*|/\\*(?:[^*]|\\*(?!/))*\\*/[ \\t]*)\\n";
const MARKER_RUN = new RegExp(`(${BLANKS})((?:${PLACEHOLDER_LINE}${BLANKS})+)((?:${COMMENT_LINE}${BLANKS})*)`, "gm");
const ONE_PLACEHOLDER = new RegExp(`${PLACEHOLDER}(\\d+)__`, "g");

/** The printed text with each placeholder statement turned into its marker comment. */
export function writeMarkers(queue: MarkerQueue, text: string): string {
  if (queue.texts.length === 0) return text;
  return text.replace(MARKER_RUN, (_m, blanks: string, run: string, indent: string, _n: string, comments: string) => {
    const numbers = [...run.matchAll(ONE_PLACEHOLDER)].map((m) => Number(m[1]));
    const markers = numbers.map((n) => `${indent}// ${queue.texts[n]}\n`).join("");
    const blank = queue.blankBefore[numbers[0]] ?? blanks !== "";
    return `${blank ? "\n" : ""}${comments}${markers}`;
  });
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

/** Does the statement (or JSX child) holding `target` carry a marker already (queued in this run, or written before)? */
export function hasMarker(target: ASTPath): boolean {
  const anchor = findAnchor(target);
  if (!anchor) return false;
  const siblings = anchor.path.parent.node.children ?? anchor.path.parent.node.body ?? anchor.path.parent.node.consequent ?? [];
  const before = siblings.slice(0, siblings.indexOf(anchor.path.node)).filter((s: { type: string }) => s.type !== "JSXText").at(-1);
  const queued = before?.type === "ExpressionStatement" && String(before.expression?.name).startsWith(PLACEHOLDER);
  const comments = anchor.jsx ? before?.expression?.comments : (anchor.path.node as Commented).comments;
  return queued || hasComment(comments, MARKER_PREFIX);
}
