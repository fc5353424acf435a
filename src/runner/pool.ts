import type { ProcessedText } from "../core/process-text.js";
import { crashed, processFile, type FileTask } from "./process-file.js";

// Candidates go through a worker pool when there are enough of them to pay for starting threads
// (each thread loads its own parsers); a handful are processed in the main thread.

export const IN_PROCESS_LIMIT = 16;

/**
 * Calls `onResult` once per task, in task order, as soon as that task and every one before it is
 * done: output streams and stays deterministic.
 */
export async function runTasks(tasks: FileTask[], jobs: number, onResult: (index: number, processed: ProcessedText) => Promise<void>): Promise<void> {
  const emit = inOrder(onResult);
  if (tasks.length < IN_PROCESS_LIMIT || jobs <= 1) {
    for (const [index, task] of tasks.entries()) await emit(index, await processFile(task));
    return;
  }
  const { Piscina } = await import("piscina");
  const pool = new Piscina<FileTask, ProcessedText>({
    filename: new URL("./worker.js", import.meta.url).href,
    maxThreads: jobs,
    minThreads: Math.min(jobs, 1),
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
