import type { FollowUp, TransformOptions } from "../core/types.js";
import { markerText } from "../core/markers.js";
import type { RuleId } from "../mapping/rules.js";
import { getRule } from "../mapping/rules.js";
import { PYTHON_DOCS, PYTHON_MESSAGES } from "../mapping/rules-python.js";
import { IGNORE_COMMENT, MARKER_PREFIX } from "../mapping/transport.js";
import { applyEdits, fits, type TextEdit } from "./edits.js";
import type { PyNode } from "./parse.js";
import { Facts } from "./facts.js";
import { end, indentAt, lineOf, lineStartAt, markerAnchor, start, stringOpening } from "./nodes.js";

/** What every Python step gets: one parsed tree shared by all steps, the edits so far, and the ways to report. */
export interface PyContext {
  root: PyNode;
  path: string;
  source: string;
  options: TransformOptions;
  /** The quote most string literals in the file use, for strings the codemod prints. */
  quote: "'" | '"';
  /** What the data-flow pass knows about names, calls and JSON values (computed once). */
  facts: Facts;
  /** Facts one step finds and later steps use. */
  shared: Map<string, unknown>;
  /**
   * Replace the text of `node` (or of an explicit range). Edits already made inside the range are
   * absorbed (build `text` with `textOf` to keep them); false when an edit straddles the range.
   */
  replace(node: PyNode | { start: number; end: number }, text: string): boolean;
  /** The current text of a node or range: the source with the edits made inside it so far. */
  textOf(node: PyNode | { start: number; end: number }): string;
  /** Insert text at an offset. */
  insert(offset: number, text: string): void;
  /** Put a follow-up marker on the line above the statement that holds `node`. */
  mark(node: PyNode, rule: RuleId, detail?: string): void;
  note(rule: RuleId, node?: PyNode): void;
  secret(node: PyNode): void;
  edits: TextEdit[];
  followUps: FollowUp[];
  secretLines: number[];
  output(): string;
}

function rangeOf(target: PyNode | { start: number; end: number }): { start: number; end: number } {
  return "range" in target && typeof target.range === "function" ? { start: start(target as PyNode), end: end(target as PyNode) } : (target as { start: number; end: number });
}

/** An edit within a range; an insertion exactly at either end stays outside (markers, wrapping). */
function isInside(edit: TextEdit, range: { start: number; end: number }): boolean {
  if (edit.start === edit.end) return edit.start > range.start && edit.start < range.end;
  return edit.start >= range.start && edit.end <= range.end;
}

export function ruleMessage(rule: RuleId): { message: string; docs: string } {
  const { message, docs } = getRule(rule);
  return { message: PYTHON_MESSAGES[rule] ?? message, docs: PYTHON_DOCS[rule] ?? docs };
}

/** Comment lines directly above `lineStart` (the block a marker would join). */
function commentsAbove(source: string, lineStart: number): string[] {
  const lines = source.slice(0, lineStart).split("\n");
  lines.pop();
  const out: string[] = [];
  for (let i = lines.length - 1; i >= 0 && /^\s*#/.test(lines[i]); i--) out.push(lines[i]);
  return out;
}

/**
 * The opening token (`string_start`: prefix and quote) of every string literal. Without syntax
 * errors each one starts a `string` node, whose text the steps read anyway; a file with an ERROR
 * node may hold stray ones, so it is searched for the tokens themselves.
 */
function stringOpenings(root: PyNode): string[] {
  if (root.kind() !== "module" || root.findAll({ rule: { kind: "ERROR" } }).length) return root.findAll({ rule: { kind: "string_start" } }).map((s) => s.text());
  return root.findAll({ rule: { kind: "string" } }).map((s) => stringOpening(s.text()));
}

function detectQuote(root: PyNode): "'" | '"' {
  let single = 0;
  let double = 0;
  for (const opening of stringOpenings(root)) {
    if (opening.includes("'")) single++;
    else double++;
  }
  return single > double ? "'" : '"';
}

export function createPyContext(root: PyNode, path: string, source: string, options: TransformOptions): PyContext {
  const markedAt = new Set<string>();
  const ctx: PyContext = {
    root,
    path,
    source,
    options,
    quote: detectQuote(root),
    facts: new Facts(root),
    shared: new Map(),
    edits: [],
    followUps: [],
    secretLines: [],
    replace(target, text) {
      const edit = { ...rangeOf(target), text };
      const same = ctx.edits.find((e) => e.start === edit.start && e.end === edit.end && e.start !== e.end);
      if (same) return same.text === edit.text;
      const inner = ctx.edits.filter((e) => isInside(e, edit));
      if (!inner.length && source.slice(edit.start, edit.end) === text) return true;
      const outer = ctx.edits.filter((e) => !isInside(e, edit));
      if (!fits(outer, edit)) return false;
      ctx.edits = [...outer, edit];
      return true;
    },
    textOf(target) {
      const range = rangeOf(target);
      const inner = ctx.edits.filter((e) => isInside(e, range)).map((e) => ({ ...e, start: e.start - range.start, end: e.end - range.start }));
      return applyEdits(source.slice(range.start, range.end), inner);
    },
    insert(offset, text) {
      ctx.edits.push({ start: offset, end: offset, text });
    },
    mark(node, rule, detail) {
      const { message, docs } = ruleMessage(rule);
      const text = detail ? `${message} (${detail})` : message;
      ctx.followUps.push({ rule, kind: "marker", line: lineOf(node), message: text, docs });
      const anchor = markerAnchor(node) ?? node;
      const lineStart = lineStartAt(source, start(anchor));
      const key = `${lineStart}:${text}`;
      if (markedAt.has(key)) return;
      markedAt.add(key);
      const above = commentsAbove(source, lineStart);
      if (above.some((c) => c.includes(IGNORE_COMMENT) || (c.includes(MARKER_PREFIX) && c.includes(text.slice(0, 60))))) return;
      ctx.insert(lineStart, `${indentAt(source, start(anchor))}# ${markerText(text, docs)}\n`);
    },
    note(rule, node) {
      if (ctx.followUps.some((f) => f.rule === rule && f.kind === "note")) return;
      const { message, docs } = ruleMessage(rule);
      ctx.followUps.push({ rule, kind: "note", line: node ? lineOf(node) : 0, message, docs });
    },
    secret(node) {
      const line = lineOf(node);
      if (!ctx.secretLines.includes(line)) ctx.secretLines.push(line);
    },
    output() {
      return applyEdits(source, ctx.edits);
    },
  };
  return ctx;
}
