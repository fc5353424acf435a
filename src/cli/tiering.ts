import { setFlagsFromString } from "node:v8";

// V8 optimises a function (TurboFan, on background threads) once it has used up an "interrupt
// budget" of bytecode run. A run is short and its hot code (babel's parser, recast, the TypeScript
// checker) is large and polymorphic: with V8's default budget those background compiles took about
// as much CPU as the transforms themselves (~0.8 s of ~2 s on the benchmark's (b), ~3.4 s of ~9 s
// on (c)), many were thrown away again (deopts, each thread compiles its own), and on two cores they
// took a core from the transforms. Functions that stay hot for a whole run still get optimised.
// Process-wide, so worker threads too; the CLI's own setting (a library user's process keeps V8's).

/** V8's default budget (Node 20: 67,584) times 8: 4x saved less on (c), 16x no more. */
export const INTERRUPT_BUDGET = 8 * 67_584;

/** Sets V8's tiering for this process: call before the code it should apply to runs. */
export function tuneTiering(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
