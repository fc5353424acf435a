// `gladia-to-assemblyai/runtime`: a Gladia-compatible client on top of the official `assemblyai`
// SDK (the `--strategy adapter` target), and the request/result mappings as functions.
export { GladiaClient, PreRecordedV2Client, resolveApiKey, resolveBaseUrl } from "./client.js";
export { toAssemblyAIParams } from "./params.js";
export type { AssemblyAIParamsResult, ParamsNote, ToAssemblyAIParamsOptions } from "./params.js";
export { FAILED_JOB_ERROR_CODE, toGladiaJob, toGladiaResult } from "./result.js";
export type { GladiaJobExtras, GladiaResultExtras } from "./result.js";
export type * from "./types.js";
