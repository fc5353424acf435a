// The names and descriptions of the JS/TS steps, in `JS_STEPS` order, without importing them: the
// CLI lists and validates steps without loading jscodeshift. A test checks this equals JS_STEPS.

export interface StepInfo {
  name: string;
  description: string;
}

export const JS_STEP_INFO: StepInfo[] = [
  { name: "env-vars", description: "GLADIA_API_KEY (and VITE_/NEXT_PUBLIC_… variants) → ASSEMBLYAI_API_KEY in env reads" },
  { name: "sdk-adapter", description: "--strategy adapter: point @gladiaio/sdk imports at gladia-to-assemblyai/runtime (a Gladia-compatible client on AssemblyAI)" },
  { name: "sdk", description: "@gladiaio/sdk → assemblyai: client, pre-recorded calls, options, error checks, types, imports" },
  { name: "types", description: "TypeScript: reads of values typed as Gladia results (across files) and Gladia type declarations → assemblyai" },
  { name: "http-detect", description: "Find Gladia HTTP calls (fetch/axios/ky/got) and the bindings that hold their responses" },
  { name: "http-results", description: "Gladia job reads (result.transcription.*, status \"done\", error_code) → AssemblyAI transcript fields" },
  { name: "http-request", description: "Gladia request options (all three generations) → AssemblyAI transcript params" },
  { name: "http-upload", description: "Gladia multipart upload → raw-bytes upload; upload response audio_url → upload_url" },
  { name: "http-polling", description: "Gladia result_url → the AssemblyAI transcript URL built from the id" },
  { name: "http-callbacks", description: "Gladia callback handlers: id → transcript_id, event → status, payload reads → marker with the fetch" },
  { name: "http-types", description: "TypeScript types of Gladia responses: upload audio_url → upload_url (audio_metadata dropped, with a marker), job status literals, marker on job shapes" },
  { name: "http-transport", description: "Gladia base URL, endpoints and x-gladia-key header → AssemblyAI's" },
  { name: "leftovers", description: "Safety net: Gladia-only reads no step could migrate (result.transcription.*, result.metadata.*, result_url, error_code) get a marker" },
];

/** A step's description from the table above, so each step states it once. */
export function describeStep(name: string): string {
  const info = JS_STEP_INFO.find((step) => step.name === name);
  if (!info) throw new Error(`step "${name}" is missing from transforms/step-info.ts`);
  return info.description;
}
