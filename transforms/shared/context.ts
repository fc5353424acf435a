import type { ASTPath, Collection, JSCodeshift } from "jscodeshift";
import type { FollowUp, TransformOptions } from "../../src/core/types.js";
import type { RuleId } from "../../src/mapping/rules.js";
import { getRule } from "../../src/mapping/rules.js";
import { createMarkerQueue, insertMarker, writeMarkers } from "./markers.js";
import { keepSemicolonStyle } from "./print/semicolons.js";

/** What every JS/TS step gets: one parsed tree shared by all steps, and the ways to report. */
export interface JsContext {
  j: JSCodeshift;
  root: Collection;
  path: string;
  source: string;
  options: TransformOptions;
  /** Facts one step finds and later steps use (e.g. which bindings hold Gladia jobs). */
  shared: Map<string, unknown>;
  /** Put a follow-up marker on the statement (or JSX child) that encloses `target`. */
  mark(target: ASTPath, rule: RuleId, detail?: string): void;
  /** A semantic difference for the report, with no comment in the code. */
  note(rule: RuleId, target?: ASTPath): void;
  /** A hard-coded key at `target`: reported by line only, never by value. */
  secret(target: ASTPath): void;
  followUps: FollowUp[];
  secretLines: number[];
  /** Markers inserted into the tree (the text changed even if no step rewrote code). */
  markersInserted: number;
  /** Tree passes run once every step is done, just before printing. */
  beforePrint: (() => void)[];
  /** Text passes run on the printed file, in order (e.g. code rendered after printing). */
  afterPrint: ((text: string) => string)[];
}

export interface JsStep {
  name: string;
  description: string;
  /** Returns true when it changed the tree. */
  run(ctx: JsContext): boolean;
}

function lineOf(target: ASTPath | undefined): number {
  return (target?.node as { loc?: { start: { line: number } } } | undefined)?.loc?.start.line ?? 0;
}

export function createContext(j: JSCodeshift, root: Collection, path: string, source: string, options: TransformOptions): JsContext {
  const markers = createMarkerQueue();
  const ctx: JsContext = {
    j,
    root,
    path,
    source,
    options,
    shared: new Map(),
    followUps: [],
    secretLines: [],
    markersInserted: 0,
    beforePrint: [],
    afterPrint: [(text) => writeMarkers(markers, text), (text) => keepSemicolonStyle(source, text)],
    mark(target, rule, detail) {
      const { message, docs } = getRule(rule);
      const text = detail ? `${message} (${detail})` : message;
      if (insertMarker(j, markers, target, text, docs)) ctx.markersInserted++;
      ctx.followUps.push({ rule, kind: "marker", line: lineOf(target), message: text, docs });
    },
    note(rule, target) {
      const { message, docs } = getRule(rule);
      if (ctx.followUps.some((f) => f.rule === rule && f.kind === "note")) return;
      ctx.followUps.push({ rule, kind: "note", line: lineOf(target), message, docs });
    },
    secret(target) {
      const line = lineOf(target);
      if (!ctx.secretLines.includes(line)) ctx.secretLines.push(line);
    },
  };
  return ctx;
}
