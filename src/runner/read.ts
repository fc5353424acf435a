import { readFileSync } from "node:fs";
import type { FileResult } from "../core/types.js";
import { scanMarkers } from "../core/markers.js";
import { MARKER_PREFIX } from "../mapping/transport.js";
import type { DiscoveredFile } from "./discover.js";

// The main thread reads every discovered file once and keeps only the candidates: files whose
// plug-in's cheap string check says they may concern Gladia. Everything else is settled here.

export type ReadOutcome = { candidate: true; text: string } | { candidate: false; result: FileResult };

const BINARY_SNIFF_BYTES = 8192;

export function fileResult(file: Pick<DiscoveredFile, "displayPath" | "entry">, status: FileResult["status"], extra: Partial<FileResult> = {}): FileResult {
  return { path: file.displayPath, status, language: file.entry.name, steps: [], markers: [], notes: [], secretLines: [], ...extra };
}

export function readCandidate(file: DiscoveredFile): ReadOutcome {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file.absPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { candidate: false, result: fileResult(file, "failed", { reason: `unreadable (${code})` }) };
  }
  if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { candidate: false, result: fileResult(file, "skipped", { reason: "binary file" }) };
  }
  const text = buffer.toString("utf8");
  if (file.entry.mayConcern(text, file.relPath)) return { candidate: true, text };
  // Markers left by an earlier run still count (for --check), even where the pre-filter says no.
  const markers = text.includes(MARKER_PREFIX) ? scanMarkers(text) : [];
  return { candidate: false, result: fileResult(file, "unchanged", { markers }) };
}
