import { Worker } from "node:worker_threads";
import { TS_FILE } from "../analysis/candidates.js";
import type { AnalysisHints } from "../analysis/hints.js";

// The type pass runs in a thread of its own: the main thread stays free to feed the transform
// threads meanwhile (files are transformed while the pass runs, see settle.ts), and the ts-morph
// Project's memory goes back to the system with the thread instead of staying in the main heap.

export interface TypePassInput {
  root: string;
  files: string[];
  /** Keyed like `files`. */
  texts: [string, string][];
}

/** `analyseProject(root, files, texts)` in a worker thread. */
export function analyseInThread(root: string, files: string[], texts: ReadonlyMap<string, string>): Promise<Map<string, AnalysisHints>> {
  if (!files.some((file) => TS_FILE.test(file))) return Promise.resolve(new Map()); // no TypeScript: nothing to load
  const workerData: TypePassInput = { root, files, texts: [...texts] };
  const worker = new Worker(new URL("./type-pass-worker.js", import.meta.url), { workerData });
  return new Promise((resolve, reject) => {
    worker.once("message", (hints: [string, AnalysisHints][]) => {
      resolve(new Map(hints));
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the type pass thread stopped (exit code ${code})`)));
  });
}
