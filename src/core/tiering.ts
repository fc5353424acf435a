import { createRequire } from "node:module";
import { setFlagsFromString } from "node:v8";
import { isMainThread, workerData } from "node:worker_threads";

// V8 optimises a function (TurboFan, on background threads) once it has used up an "interrupt
// budget" of bytecode run. A run is short and its hot code (babel's parser, recast, the TypeScript
// checker) is large and polymorphic: with V8's default budget those background compiles took about
// as much CPU as the transforms themselves (~0.8 s of ~2 s on the benchmark's (b), ~3.4 s of ~9 s
// on (c)), many were thrown away again (deopts, each thread compiles its own), and on two cores they
// took a core from the transforms. Functions that stay hot for a whole run still get optimised.
// Process-wide, so worker threads too; the CLI's own setting (a library user's process keeps V8's).
//
// Node's own modules load from a code cache built into Node, which V8 takes only while its flags
// are the defaults: in a tuned process a new worker thread compiles its whole bootstrap from source
// (an empty worker: ~26 -> ~70 ms of CPU). So a tuned thread sets the defaults back just before it
// starts a worker (`beforeNewThread`), and the worker, given `tieringData()`, tunes again as its
// first step (`tuneAsParent`). The budget only steers when V8 optimises: the moments at default
// are harmless, but code cached for the tuned flags must load tuned (`keepTuned`). For the same
// reason a thread loads the Node modules it will need before it tunes itself (`builtins`).

/** V8's default budget (Node 20). */
const DEFAULT_BUDGET = 67_584;
/** Times 8: 4x saved less on (c), 16x no more. */
export const INTERRUPT_BUDGET = 8 * DEFAULT_BUDGET;

/** Whether this thread tuned V8 (the CLI's threads). */
let tuned = false;

function setBudget(budget: number): void {
  setFlagsFromString(`--interrupt-budget=${budget}`);
}

/**
 * Sets V8's tiering for this process: call before the code it should apply to runs. `builtins`:
 * Node's modules the thread will load, loaded first, at the default flags, so that they come from
 * Node's built-in code cache.
 */
export function tuneTiering(builtins: string[] = []): void {
  const require = createRequire(import.meta.url);
  for (const builtin of builtins) require(builtin);
  setBudget(INTERRUPT_BUDGET);
  tuned = true;
}

/** Tunes V8 again if this thread did, undoing a `beforeNewThread`: before loading code cached for the tuned flags. */
export function keepTuned(): void {
  if (tuned) setBudget(INTERRUPT_BUDGET);
}

/** Just before starting a worker: V8's defaults while it sets up (it tunes again, see tuneAsParent). */
export function beforeNewThread(): void {
  if (tuned) setBudget(DEFAULT_BUDGET);
}

export interface TieringData {
  tuneTiering: boolean;
}

/** What a worker this thread starts needs in its `workerData` to tune as this thread did. */
export function tieringData(): TieringData {
  return { tuneTiering: tuned };
}

/** In a worker thread, first: tunes V8 (see `tuneTiering`) if the thread that started it did (its `workerData` says). */
export function tuneAsParent(builtins: string[] = []): void {
  if (!isMainThread && (workerData as Partial<TieringData> | undefined)?.tuneTiering === true) tuneTiering(builtins);
}
