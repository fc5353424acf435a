// `gladia-to-assemblyai/runtime`: a Gladia-compatible client on top of the official `assemblyai`
// SDK (the `--strategy adapter` target), and the request/result mappings as functions.
//
// What differs from `@gladiaio/sdk` (details where each is implemented):
// - key: `apiKey`, else env ASSEMBLYAI_API_KEY, else env GLADIA_API_KEY (must hold an AssemblyAI key);
//   `apiUrl` is an AssemblyAI base URL/proxy (a Gladia host is ignored), else env ASSEMBLYAI_BASE_URL.
// - requests go through mapping §2 (`toAssemblyAIParams`), with `speaker_labels` on so `utterances`
//   exist as in Gladia; options that behave differently raise a `GladiaToAssemblyAIWarning` once.
// - jobs: times in seconds, speakers 0, 1, … by appearance, channels from 0; a failed job has
//   `error_code: 500` and AssemblyAI's message in `post_session_metadata.error`; `created_at` is null
//   (list items have it); `request_params`/`custom_metadata`/subtitles/sentences only for jobs
//   created in this process.
// - `uploadFile`: `audio_metadata.audio_duration`/`number_of_channels` are null (no probing).
// - `list`: cursor pages (`next` = older jobs); `offset`, date ranges, several statuses and
//   `custom_metadata` filters throw. `getFile` and `live()` throw.
export { GladiaClient, PreRecordedV2Client, resolveApiKey, resolveBaseUrl } from "./client.js";
export { toAssemblyAIParams } from "./params.js";
export type { AssemblyAIParamsResult, ParamsNote, ToAssemblyAIParamsOptions } from "./params.js";
export { FAILED_JOB_ERROR_CODE, gladiaJobFields, toGladiaJob, toGladiaResult } from "./result.js";
export type { GladiaJobExtras, GladiaResultExtras } from "./result.js";
export type * from "./types.js";
