import type { JsStep } from "./shared/context.js";
import { envVarsStep } from "./env-vars.js";
import { sdkAdapterStep } from "./sdk-adapter.js";

/**
 * The JS/TS steps, in the order they run on one parsed tree. Order matters: a step may use what an
 * earlier one recorded in `ctx.shared` (e.g. which bindings hold Gladia responses).
 * `sdk-adapter` (strategy `adapter` only) runs before any SDK rewrite: once the imports point at the
 * runtime client, no `@gladiaio/sdk` import is left for a native rewrite to act on.
 */
export const JS_STEPS: JsStep[] = [envVarsStep, sdkAdapterStep];
