import type { JsStep } from "./shared/context.js";
import { envVarsStep } from "./env-vars.js";
import { httpCallbacksStep } from "./http/callbacks-step.js";
import { httpDetectStep } from "./http/detect-step.js";
import { httpPollingStep } from "./http/polling-step.js";
import { httpRequestStep } from "./http/request-step.js";
import { httpResultsStep } from "./http/results-step.js";
import { httpTransportStep } from "./http/transport-step.js";
import { httpTypesStep } from "./http/types-step.js";
import { httpUploadStep } from "./http/upload-step.js";
import { sdkAdapterStep } from "./sdk-adapter.js";
import { sdkStep } from "./sdk/index.js";
import { typeHintsStep } from "./types/index.js";

/**
 * The JS/TS steps, in the order they run on one parsed tree. Order matters: a step may use what an
 * earlier one recorded in `ctx.shared` (e.g. which bindings hold Gladia responses). The HTTP
 * transport step runs last so every HTTP step sees the original Gladia URLs.
 * `sdk-adapter` (strategy `adapter` only) runs before any SDK rewrite: once the imports point at the
 * runtime client, no `@gladiaio/sdk` import is left for a native rewrite to act on.
 */
export const JS_STEPS: JsStep[] = [
  envVarsStep,
  sdkAdapterStep,
  sdkStep,
  typeHintsStep,
  httpDetectStep,
  httpResultsStep,
  httpRequestStep,
  httpUploadStep,
  httpPollingStep,
  httpCallbacksStep,
  httpTypesStep,
  httpTransportStep,
];
