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

/**
 * `--strategy adapter`: instead of rewriting SDK call sites, `@gladiaio/sdk` imports point at this
 * package's Gladia-compatible client (src/runtime), which runs on the `assemblyai` SDK.
 */
export const JS_SDK_ADAPTER = {
  runtimeModule: "gladia-to-assemblyai/runtime",
  /** Imported names the runtime client does not provide (live transcription): such imports stay, marked. */
  unsupportedName: /^LiveV2/,
  /** Test-runner calls whose first argument is a module name (`vi.mock("@gladiaio/sdk")`). */
  moduleCalls: ["require", "jest.mock", "jest.doMock", "jest.unmock", "jest.requireActual", "jest.requireMock", "vi.mock", "vi.doMock", "vi.unmock", "vi.importActual", "vi.importMock"],
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

/** `GladiaClient(...)` keyword → the `aai.settings` attribute it becomes (others: marker). */
export const PY_SDK_CLIENT_OPTIONS: Record<string, string> = {
  api_key: "aai.settings.api_key",
  api_url: "aai.settings.base_url",
  http_timeout: "aai.settings.http_timeout",
};

export const PY_SDK_TARGET = {
  transcriber: "aai.Transcriber()",
  config: "aai.TranscriptionConfig",
  /** How an async Gladia call runs the blocking assemblyai call without blocking the loop. */
  toThread: "asyncio.to_thread",
  /** `TranscriptionConfig` keywords whose value is an options object, not a dict. */
  optionClasses: {
    language_detection_options: "aai.LanguageDetectionOptions",
    speaker_options: "aai.SpeakerOptions",
  } as Record<string, string>,
  /** Keywords `TranscriptionConfig` does not take: the call gets a marker. */
  unsupported: ["speech_understanding"],
} as const;

/** Gladia pre-recorded option classes whose keywords are the REST body (like `dict(...)`). */
export const PY_SDK_OPTION_CLASSES = ["PreRecordedV2TranscriptionOptions", "PreRecordedV2InitTranscriptionRequest"];

/**
 * REST params (mapRequest's output) → `aai.TranscriptionConfig` keywords: the Python SDK takes
 * `custom_spelling` as a dict `{to: from}` (assemblyai-api.md §9), the REST list `[{from, to}]` otherwise.
 */
export function toPySdkConfig<V>(params: Record<string, V>): Record<string, V | Record<string, V>> {
  const out: Record<string, V | Record<string, V>> = { ...params };
  const spelling = params.custom_spelling;
  if (Array.isArray(spelling) && spelling.every((e) => e && typeof e === "object" && "to" in e && "from" in e)) {
    out.custom_spelling = Object.fromEntries(spelling.map((e: { to: string; from: V }) => [e.to, e.from]));
  }
  return out;
}

/** The Python dependency swap: any PEP 503 spelling of `gladiaio-sdk` → `assemblyai`. */
export const PY_SDK_DEPENDENCY = {
  /** `gladiaio-sdk`, `gladiaio_sdk`, `GladiaIO.SDK`… (names are case- and separator-insensitive). */
  gladiaName: "gladiaio[-_.]sdk",
  assemblyai: "assemblyai",
  /** Written where the Gladia requirement had a version constraint (assemblyai 1.x, assemblyai-api.md §9). */
  specifier: ">=1.0.0",
} as const;
