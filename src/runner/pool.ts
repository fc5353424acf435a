import type { Piscina } from "piscina";
import type { ProcessedText } from "../core/process-text.js";
import { crashed, processFile, type FileTask } from "./process-file.js";
import { beforeNewThread, tieringData } from "../core/tiering.js";

// The threads that transform candidates: worker threads (piscina) and, when it has nothing else to
// do, the main thread. Threads pay for themselves only with enough files: each one loads and warms
// up its own parsers (~0.5 s of CPU for jscodeshift and babel) and a file takes ~20 ms, so a
// thread gets at least FILES_PER_THREAD files. One queue feeds them all: a job's task can still
// change until a thread takes it (see `resubmit`), and whichever thread runs a task, its result
// is the same.

export const FILES_PER_THREAD = 32;

/** Threads that transform `candidates` files, the main thread included. */
export function threadsFor(candidates: number, jobs: number): number {
  return Math.max(1, Math.min(jobs, Math.floor(candidates / FILES_PER_THREAD)));
}

/**
 * Tasks a worker holds at once. The main thread hands out tasks only between its own files, so a
 * worker keeps a few queued to stay busy meanwhile (with 2 it waited ~16% of the time on the
 * benchmark's corpus (c)); a task it holds can no longer take hints without running again.
 */
const TASKS_PER_WORKER = 8;

/** A file to transform. `result` never rejects: a crash is a failed result. */
export interface Job {
  readonly task: FileTask;
  /** A thread has the task: changing it now takes a new job. */
  readonly taken: boolean;
  readonly result: Promise<ProcessedText>;
}

interface QueuedJob extends Job {
  task: FileTask;
  taken: boolean;
  resolve(processed: ProcessedText): void;
}

export class Pool {
  private readonly queue: QueuedJob[] = [];
  private inWorkers = 0;
  /** Worker threads that take tasks now. */
  private workers = 0;
  private mainThreadOn = false;
  private mainThreadBusy = false;
  private workersStarted = false;

  private constructor(private readonly piscina: Piscina<FileTask, ProcessedText> | undefined) {}

  /**
   * Up to `maxWorkers` worker threads (piscina loads only when there can be some); each starts
   * when `setWorkers` first lets it take tasks.
   */
  static async open(maxWorkers: number): Promise<Pool> {
    if (maxWorkers === 0) return new Pool(undefined);
    const { Piscina } = await import("piscina");
    const filename = new URL("./worker.js", import.meta.url).href;
    // A worker holds TASKS_PER_WORKER tasks, so none waits in piscina's queue (which would start more
    // workers); idle workers stay (starting one again would load its parsers again). A smaller young
    // generation than V8's default: ~35 MiB less per worker, no measurable GC cost (a file's
    // objects die young either way); it only sizes the nursery, it is no memory cap.
    const resourceLimits = { maxYoungGenerationSizeMb: 24 };
    const options = {
      filename,
      minThreads: 0,
      maxThreads: maxWorkers,
      concurrentTasksPerWorker: TASKS_PER_WORKER,
      idleTimeout: Infinity,
      resourceLimits,
      workerData: tieringData(),
    };
    return new Pool(new Piscina<FileTask, ProcessedText>(options));
  }

  /** How many worker threads take tasks from now on (at most `open`'s `maxWorkers`). */
  setWorkers(count: number): void {
    this.workers = count;
    this.pump();
  }

  /** The main thread takes queued tasks too (between them, it yields to the event loop). */
  useMainThread(on: boolean): void {
    this.mainThreadOn = on;
    this.pump();
  }

  submit(task: FileTask): Job {
    let resolve!: (processed: ProcessedText) => void;
    const result = new Promise<ProcessedText>((done) => (resolve = done));
    const job: QueuedJob = { task, taken: false, result, resolve };
    this.queue.push(job);
    this.pump();
    return job;
  }

  /** The job that runs `task` instead of `job`'s: `job` itself while no thread has taken it. */
  resubmit(job: Job, task: FileTask): Job {
    if (job.taken) return this.submit(task);
    (job as QueuedJob).task = task;
    return job;
  }

  async close(): Promise<void> {
    await this.piscina?.destroy();
  }

  private take(): QueuedJob {
    const job = this.queue.shift()!;
    job.taken = true;
    return job;
  }

  private pump(): void {
    while (this.piscina && this.queue.length > 0 && this.inWorkers < this.workers * TASKS_PER_WORKER) this.runInWorker(this.take());
    if (this.mainThreadOn && !this.mainThreadBusy && this.queue.length > 0) {
      this.mainThreadBusy = true;
      setImmediate(() => void this.runInMainThread());
    }
  }

  private runInWorker(job: QueuedJob): void {
    // piscina starts its workers as the first tasks come (see core/tiering.ts).
    if (!this.workersStarted) beforeNewThread();
    this.workersStarted = true;
    this.inWorkers++;
    void this.piscina!.run(job.task)
      .catch((error: unknown) => crashed(job.task, error))
      .then((processed) => {
        this.inWorkers--;
        job.resolve(processed);
        this.pump();
      });
  }

  private async runInMainThread(): Promise<void> {
    const job = this.queue.length > 0 && this.mainThreadOn ? this.take() : undefined;
    if (job) job.resolve(await processFile(job.task));
    this.mainThreadBusy = false;
    this.pump();
  }
}
