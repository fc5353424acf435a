import type { FileResult } from "../core/types.js";
import type { RunSummary } from "./types.js";

export function summarise(files: FileResult[]): RunSummary {
  const count = (status: FileResult["status"]) => files.filter((file) => file.status === status).length;
  const total = (pick: (file: FileResult) => unknown[]) => files.reduce((sum, file) => sum + pick(file).length, 0);
  return {
    files: files.length,
    changed: count("changed"),
    unchanged: count("unchanged"),
    skipped: count("skipped"),
    failed: count("failed"),
    markers: total((file) => file.markers),
    notes: total((file) => file.notes),
    secrets: total((file) => file.secretLines),
  };
}
