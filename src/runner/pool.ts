import type { ProcessedText } from "../core/process-text.js";
import { crashed, processFile, type FileTask } from "./process-file.js";

// Candidates go through a worker pool only when there are enough of them to pay for starting
// threads: each thread loads its own parsers (~0.5 s of CPU for jscodeshift and babel), and a file
// takes ~20 ms, so a thread gets at least FILES_PER_THREAD files; fewer run in the main thread.

export const FILES_PER_THREAD = 32;

export function threadsFor(candidates: number, jobs: number): number {
  return Math.max(1, Math.min(jobs, Math.floor(candidates / FILES_PER_THREAD)));
}

/**
 * Calls `onResult` once per task, in task order, as soon as that task and every one before it is
 * done: output streams and stays deterministic.
 */
export async function runTasks(tasks: FileTask[], jobs: number, onResult: (index: number, processed: ProcessedText) => Promise<void>): Promise<void> {
  const emit = inOrder(onResult);
  const threads = threadsFor(tasks.length, jobs);
  if (threads === 1) {
    for (const [index, task] of tasks.entries()) await emit(index, await processFile(task));
    return;
  }
  const { Piscina } = await import("piscina");
  const pool = new Piscina<FileTask, ProcessedText>({
    filename: new URL("./worker.js", import.meta.url).href,
    maxThreads: threads,
    minThreads: threads,
  });
  try {
    await Promise.all(tasks.map((task, index) => pool.run(task).catch((error: unknown) => crashed(task, error)).then((processed) => emit(index, processed))));
  } finally {
    await pool.destroy();
  }
}

function inOrder(onResult: (index: number, processed: ProcessedText) => Promise<void>) {
  const waiting = new Map<number, ProcessedText>();
  let next = 0;
  let chain = Promise.resolve();
  return (index: number, processed: ProcessedText): Promise<void> => {
    waiting.set(index, processed);
    chain = chain.then(async () => {
      while (waiting.has(next)) {
        const ready = waiting.get(next)!;
        waiting.delete(next);
        await onResult(next++, ready);
      }
    });
    return chain;
  };
}
