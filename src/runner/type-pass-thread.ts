import { Worker } from "node:worker_threads";
import { TS_FILE } from "../analysis/candidates.js";
import { freshBundleOf } from "../core/bundles.js";
import { beforeNewThread, tieringData } from "../core/tiering.js";
import type { AnalysisHints } from "../analysis/hints.js";

// The type pass runs in a thread of its own: the main thread transforms files meanwhile (see
// settle.ts), and the ts-morph Project's memory goes back to the system with the thread instead of
// staying in a heap that transforms files afterwards. The thread can start early, while the main
// thread still reads files: it loads ts-morph on another core until the pass has its input.

export interface TypePassInput {
  root: string;
  files: string[];
  /** Keyed like `files`. */
  texts: [string, string][];
}

/** A thread started by `prestartTypePass` that no pass has used yet. */
let spare: Worker | undefined;

/** The thread's code: the worker module's bundle when the build made one (see core/bundles.ts). */
export function threadEntry(): URL | string {
  const entry = new URL("./type-pass-worker.js", import.meta.url);
  return freshBundleOf(entry) ?? entry;
}

function startThread(): Worker {
  beforeNewThread();
  const worker = new Worker(threadEntry(), { workerData: tieringData() });
  worker.unref(); // waiting for input must not keep the process alive
  worker.on("error", () => {}); // while idle; a pass listens for its own errors
  return worker;
}

/** Starts the thread of the next `analyseInThread` now. */
export function prestartTypePass(): void {
  spare ??= startThread();
}

/** Stops a prestarted thread no pass used. */
export function discardTypePassThread(): void {
  void spare?.terminate();
  spare = undefined;
}

/** `analyseProject(root, files, texts)` in a worker thread. */
export function analyseInThread(root: string, files: string[], texts: ReadonlyMap<string, string>): Promise<Map<string, AnalysisHints>> {
  if (!files.some((file) => TS_FILE.test(file))) return Promise.resolve(new Map()); // no TypeScript: nothing to load
  const worker = spare && spare.threadId !== -1 ? spare : startThread(); // threadId -1: the thread has stopped
  spare = undefined;
  worker.ref();
  const input: TypePassInput = { root, files, texts: [...texts] };
  worker.postMessage(input);
  return new Promise((resolve, reject) => {
    worker.once("message", (hints: [string, AnalysisHints][]) => {
      resolve(new Map(hints));
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the type pass thread stopped (exit code ${code})`)));
  });
}
