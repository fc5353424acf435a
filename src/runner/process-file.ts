import type { FileResult, TransformOptions } from "../core/types.js";
import { processText, type ProcessedText } from "../core/process-text.js";
import { scanMarkers } from "../core/markers.js";
import { loadLanguage } from "../languages/registry.js";
import { formatWithProjectConfig } from "./format.js";

// One candidate file, in a worker thread or in the main thread: plug-in transform (processText),
// then prettier when the project asks for it. No file I/O besides reading prettier's config.

export interface FileTask {
  /** Relative to the root: the path the plug-in sees. */
  relPath: string;
  /** Shown in results. */
  displayPath: string;
  /** For prettier's config lookup. */
  absPath: string;
  language: string;
  text: string;
  options: TransformOptions;
  format: boolean;
}

export function crashed(task: FileTask, error: unknown): ProcessedText {
  const reason = `plug-in "${task.language}" crashed: ${(error as Error)?.message?.split("\n")[0] ?? String(error)}`;
  const result: FileResult = { path: task.displayPath, status: "failed", language: task.language, steps: [], markers: [], notes: [], secretLines: [], reason };
  return { result };
}

export async function processFile(task: FileTask): Promise<ProcessedText> {
  try {
    const language = await loadLanguage(task.language);
    const processed = processText(task.relPath, task.text, language, task.options);
    processed.result.path = task.displayPath;
    if (processed.newText === undefined || !task.format || !language.prettier) return processed;
    const formatted = await formatWithProjectConfig(processed.newText, task.absPath);
    if (formatted === undefined || formatted === processed.newText) return processed;
    // Prettier moves lines: read the markers back from the final text.
    return { result: { ...processed.result, markers: scanMarkers(formatted) }, newText: formatted };
  } catch (error) {
    return crashed(task, error);
  }
}
