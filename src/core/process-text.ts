import type { FileResult, LanguagePlugin, TransformOptions } from "./types.js";
import { scanMarkers } from "./markers.js";
import { normaliseText, restoreText } from "./text.js";

export interface ProcessedText {
  result: FileResult;
  /** The new file content (BOM and line endings as the original), when it changed. */
  newText?: string;
}

function emptyResult(path: string, status: FileResult["status"], language: string, reason?: string): FileResult {
  return { path, status, language, steps: [], markers: [], notes: [], secretLines: [], ...(reason ? { reason } : {}) };
}

/**
 * One file through its language plug-in: normalise, pre-filter, transform, check that the result
 * parses, restore BOM/line endings. Pure (no I/O), so the runner, the workers and the tests share it.
 */
export function processText(path: string, raw: string, language: LanguagePlugin, options: TransformOptions): ProcessedText {
  const { text, shape } = normaliseText(raw);
  if (!language.mayConcern(text, path) && !options.hints) {
    return { result: emptyResult(path, "unchanged", language.name) };
  }
  let output;
  try {
    output = language.transform({ path, text, options });
  } catch (error) {
    const reason = language.parseError(text, path) ?? `transform failed: ${(error as Error).message.split("\n")[0]}`;
    return { result: emptyResult(path, "failed", language.name, reason) };
  }
  const result: FileResult = {
    ...emptyResult(path, "unchanged", language.name),
    steps: output.steps,
    markers: scanMarkers(output.text),
    notes: output.followUps.filter((f) => f.kind === "note").map(({ rule, line, message, docs }) => ({ rule, line, message, docs })),
    secretLines: output.secretLines ?? [],
  };
  if (output.text === text) return { result };
  const parseError = language.parseError(output.text, path);
  if (parseError) {
    return { result: { ...result, status: "failed", reason: `the migrated text does not parse, file left as it was: ${parseError}` } };
  }
  return { result: { ...result, status: "changed" }, newText: restoreText(output.text, shape) };
}
