import type { TransformInput, TransformOutput } from "../core/types.js";
import { createPyContext } from "./context.js";
import { parsePython } from "./parse.js";
import { envVarsStep } from "./steps/env-vars.js";
import { transportStep } from "./steps/transport.js";
import { uploadStep } from "./steps/upload.js";
import { resultsStep } from "./steps/results.js";
import { requestBodyStep } from "./steps/request-body.js";
import { sdkStep } from "./steps/sdk.js";
import { callbacksStep } from "./steps/callbacks.js";
import type { PyStep } from "./steps/step.js";

/**
 * The Python steps, in order, all on one parse of the file. Each adds text splices to the context;
 * the output is the source with every splice applied, so untouched text stays byte-identical.
 */
export const PY_STEPS: PyStep[] = [envVarsStep, transportStep, uploadStep, resultsStep, requestBodyStep, sdkStep, callbacksStep];

/** Something only Gladia code has: its host, header, SDK, env var or callback events. */
const GLADIA_EVIDENCE_RE = /api\.gladia\.io|x-gladia-key|gladiaio_sdk|GLADIA_API_(KEY|URL)|transcription\.(success|error)/i;

export function transformPython(input: TransformInput): TransformOutput {
  if (!GLADIA_EVIDENCE_RE.test(input.text)) return { text: input.text, steps: [], followUps: [] };
  const tree = parsePython(input.text);
  try {
    const ctx = createPyContext(tree.root, input.path, input.text, input.options);
    const steps = PY_STEPS.filter((s) => !input.options.transforms || input.options.transforms.includes(s.name));
    const applied = steps.filter((step) => step.run(ctx)).map((s) => s.name);
    return { text: ctx.edits.length ? ctx.output() : input.text, steps: applied, followUps: ctx.followUps, secretLines: ctx.secretLines };
  } finally {
    tree.dispose();
  }
}
