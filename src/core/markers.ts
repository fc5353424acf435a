import { MARKER_PREFIX } from "../mapping/transport.js";
import type { MarkerRecord } from "./types.js";

// Markers are comments in the code; the report reads them back from the final text, so line
// numbers are exact and markers left by an earlier run are still counted.

const MARKER_LINE_RE = /TODO\(gladia-to-assemblyai\):\s*(.*?)\s*(?:See (https?:\/\/\S+?))?\s*(?:\*\/\s*\}?)?\s*$/;

export function markerText(message: string, docs: string): string {
  return `${MARKER_PREFIX} ${message} See ${docs}`;
}

export function scanMarkers(text: string): MarkerRecord[] {
  if (!text.includes(MARKER_PREFIX)) return [];
  const markers: MarkerRecord[] = [];
  text.split("\n").forEach((line, index) => {
    const match = MARKER_LINE_RE.exec(line);
    if (match) markers.push({ line: index + 1, message: match[1], ...(match[2] ? { docs: match[2] } : {}) });
  });
  return markers;
}
