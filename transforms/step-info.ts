// The names and descriptions of the JS/TS steps, in `JS_STEPS` order, without importing them: the
// CLI lists and validates steps without loading jscodeshift. A test checks this equals JS_STEPS.

export interface StepInfo {
  name: string;
  description: string;
}

export const JS_STEP_INFO: StepInfo[] = [
  { name: "env-vars", description: "GLADIA_API_KEY (and VITE_/NEXT_PUBLIC_… variants) → ASSEMBLYAI_API_KEY in env reads" },
];

/** A step's description from the table above, so each step states it once. */
export function describeStep(name: string): string {
  const info = JS_STEP_INFO.find((step) => step.name === name);
  if (!info) throw new Error(`step "${name}" is missing from transforms/step-info.ts`);
  return info.description;
}
