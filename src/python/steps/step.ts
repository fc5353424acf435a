import type { PyContext } from "../context.js";

export interface PyStep {
  name: string;
  description: string;
  /** Returns true when it changed the text. */
  run(ctx: PyContext): boolean;
}
