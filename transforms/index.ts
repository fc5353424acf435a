import type { JsStep } from "./shared/context.js";
import { envVarsStep } from "./env-vars.js";

/**
 * The JS/TS steps, in the order they run on one parsed tree. Order matters: a step may use what an
 * earlier one recorded in `ctx.shared` (e.g. which bindings hold Gladia responses).
 */
export const JS_STEPS: JsStep[] = [envVarsStep];
