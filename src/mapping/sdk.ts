import type { RuleId } from "./rules.js";

// Mapping §5: the JS `@gladiaio/sdk` and Python `gladiaio_sdk` surfaces and their AssemblyAI equivalents.

export const JS_SDK = {
  gladiaPackage: "@gladiaio/sdk",
  assemblyaiPackage: "assemblyai",
  /** Current major range written into package.json. */
  assemblyaiRange: "^4.41.5",
  gladiaClient: "GladiaClient",
  assemblyaiClient: "AssemblyAI",
  /** Constructor option renames. */
  clientOptions: { apiKey: "apiKey", apiUrl: "baseUrl" } as Record<string, string>,
  /** Gladia reads the key from this env var when `apiKey` is omitted; AssemblyAI needs it passed. */
  apiKeyEnv: "ASSEMBLYAI_API_KEY",
  /** Factories that return the pre-recorded client. */
  preRecordedFactories: ["preRecorded", "preRecordedV2"],
  liveFactories: ["live", "liveV2"],
} as const;

export interface JsSdkMethodRule {
  /** Service on the AssemblyAI client and its method; null → marker. */
  service: "transcripts" | "files" | null;
  method: string | null;
  /** How the Gladia arguments become AssemblyAI ones. */
  args: "audio+options" | "options" | "id" | "params" | "path" | "none";
  /** Gladia threw on a failed job; AssemblyAI resolves with status "error": add the check. */
  throwOnError?: boolean;
  /**
   * What the value is: a job (the result reads apply), the created job (`{id, result_url}`), or a
   * shape that changed (upload URL string, transcript instead of a boolean).
   */
  returns?: "job" | "created" | "upload-url-string" | "transcript-not-boolean";
  rule?: RuleId;
}

export const JS_SDK_METHODS: Record<string, JsSdkMethodRule> = {
  transcribe: { service: "transcripts", method: "transcribe", args: "audio+options", throwOnError: true, returns: "job" },
  transcribeUntyped: { service: "transcripts", method: "transcribe", args: "audio+options", throwOnError: true, returns: "job" },
  uploadFile: { service: "files", method: "upload", args: "path", returns: "upload-url-string" },
  create: { service: "transcripts", method: "submit", args: "options", returns: "created" },
  createUntyped: { service: "transcripts", method: "submit", args: "options", returns: "created" },
  poll: { service: "transcripts", method: "waitUntilReady", args: "id", throwOnError: true, returns: "job" },
  createAndPoll: { service: "transcripts", method: "transcribe", args: "options", throwOnError: true, returns: "job" },
  createAndPollUntyped: { service: "transcripts", method: "transcribe", args: "options", throwOnError: true, returns: "job" },
  get: { service: "transcripts", method: "get", args: "id", returns: "job" },
  delete: { service: "transcripts", method: "delete", args: "id", returns: "transcript-not-boolean" },
  list: { service: "transcripts", method: "list", args: "params", rule: "list-pagination" },
  getFile: { service: null, method: null, args: "none", rule: "sdk-get-file" },
};

/**
 * Gladia SDK types → `assemblyai` types. A stored pre-recorded sub-client becomes the AssemblyAI client
 * itself (its methods are spread over `client.transcripts` and `client.files`), so its type does too.
 */
export const JS_SDK_TYPES: Record<string, string> = {
  GladiaClient: "AssemblyAI",
  PreRecordedV2Client: "AssemblyAI",
  PreRecordedV2Response: "Transcript",
  PreRecordedV2TranscriptionResult: "Transcript",
  PreRecordedV2Transcription: "Transcript",
  PreRecordedV2InitTranscriptionResponse: "Transcript",
  PreRecordedV2Utterance: "TranscriptUtterance",
  PreRecordedV2Word: "TranscriptWord",
  PreRecordedV2NamedEntityRecognitionResult: "Entity",
  PreRecordedV2InitTranscriptionRequest: "TranscriptParams",
  PreRecordedV2AudioUploadResponse: "UploadedFile",
  PreRecordedV2ListParams: "ListTranscriptParams",
  PreRecordedV2ListResponse: "TranscriptList",
  GladiaClientOptions: "BaseServiceParams",
};

/** What a value of a Gladia SDK type is, for the result and request rewrites. */
export type JsSdkTypeRole = "client" | "job" | "result" | "transcription" | "utterance" | "word" | "request";

export const JS_SDK_TYPE_ROLES: Record<string, JsSdkTypeRole> = {
  GladiaClient: "client",
  PreRecordedV2Client: "client",
  PreRecordedV2Response: "job",
  PreRecordedV2TranscriptionResult: "result",
  PreRecordedV2Transcription: "transcription",
  PreRecordedV2Utterance: "utterance",
  PreRecordedV2Word: "word",
  PreRecordedV2InitTranscriptionRequest: "request",
};

/** `poll`/`createAndPoll`/`transcribe` polling options → `assemblyai` `PollingOptions`. */
export const JS_POLL_OPTIONS: Record<string, string> = { interval: "pollingInterval", timeout: "pollingTimeout" };

/** `list(params)`: Gladia filters with an AssemblyAI equivalent (the others are dropped, marker). */
export const JS_LIST_PARAMS: Record<string, string> = { limit: "limit", date: "created_on", status: "status" };

/** `uploadFile` answered `{ audio_url, audio_metadata }`; `files.upload` answers the URL string. */
export const JS_UPLOAD_RESULT = { urlField: "audio_url", metadataField: "audio_metadata" } as const;

export const PY_SDK = {
  gladiaModule: "gladiaio_sdk",
  gladiaDistribution: "gladiaio-sdk",
  assemblyaiDistribution: "assemblyai",
  assemblyaiImport: "import assemblyai as aai",
  preRecordedFactories: ["prerecorded", "pre_recorded", "pre_recorded_v2"],
  asyncFactories: ["prerecorded_async", "pre_recorded_async", "pre_recorded_v2_async"],
  liveFactories: ["live", "live_v2", "live_async", "live_v2_async"],
  errorCheck: "if {t}.status == aai.TranscriptStatus.error:\n{indent}    raise RuntimeError({t}.error)",
} as const;

export interface PySdkMethodRule {
  method: string | null;
  throwOnError?: boolean;
  rule?: RuleId;
}

export const PY_SDK_METHODS: Record<string, PySdkMethodRule> = {
  transcribe: { method: "transcribe", throwOnError: true },
  create_and_poll: { method: "transcribe", throwOnError: true },
  upload_file: { method: "upload_file" },
  create: { method: "submit" },
  get: { method: "aai.Transcript.get_by_id" },
  delete: { method: "aai.Transcript.delete_by_id" },
  poll: { method: "aai.Transcript.get_by_id(...).wait_for_completion", throwOnError: true },
  get_file: { method: null, rule: "sdk-get-file" },
};
