import type { JsContext } from "./context.js";
import type { AnyPath } from "./ast.js";
import { rewriteResultReads, type ResultLevel } from "./result-reads.js";
import { trackItem, trackItems } from "./item-reads.js";

// Values known by their type to be a Gladia job, result, transcription, utterance or word (an SDK
// type annotation, or a location from the ts-morph type pass): their reads get the result mapping.

/** A Gladia value's level; `utterances`/`words` are arrays of those items. */
export type TypedLevel = ResultLevel | "utterance" | "word" | "utterances" | "words";

export interface TypedRoot {
  /** An expression of that type, or the identifier/pattern that declares a binding of it. */
  path: AnyPath;
  level: TypedLevel;
}

const RESULT_LEVELS = new Set<TypedLevel>(["job", "result", "transcription"]);

export function rewriteTypedReads(ctx: JsContext, roots: TypedRoot[]): boolean {
  const results = roots.filter((r) => RESULT_LEVELS.has(r.level)).map((r) => ({ path: r.path, level: r.level as ResultLevel }));
  let changed = results.length > 0 && rewriteResultReads(ctx, results).changed;
  for (const root of roots) {
    if (root.level === "utterance" || root.level === "word") changed = trackItem(ctx, [root.path], root.level) || changed;
    if (root.level === "utterances") changed = trackItems(ctx, [root.path], "utterance") || changed;
    if (root.level === "words") changed = trackItems(ctx, [root.path], "word") || changed;
  }
  return changed;
}
