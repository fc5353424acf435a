import type { RuleId } from "./rules.js";

// Mapping §3: where a done Gladia job's data lives on a completed AssemblyAI transcript.
// Paths are lists of keys from the job object (`J`); the JS and Python transforms rewrite reads
// of these paths, and the runtime client builds a Gladia-shaped result from them.

/** What kind of item an array path holds, to map per-item fields. */
export type ItemKind = "utterance" | "word" | "chapter" | "entity" | "sentiment";

/** How a value read from AssemblyAI becomes Gladia's (the runtime client's reverse direction). */
export type GladiaConversion =
  | "speaker-index" // "A" → 0, "B" → 1 … (multichannel "1A" …) in order of appearance
  | "channel-index" // "1" → 0
  | "language" // "en_us" → "en" (Gladia codes are ISO 639-1)
  | "upper-case"
  | "lower-case";

export interface ResultPathRule {
  gladia: string[];
  /** AssemblyAI path on the transcript; null when the read needs a marker instead. */
  assemblyai: string[] | null;
  /** `[T.language_code]`: the value is wrapped in an array. */
  wrapInArray?: boolean;
  items?: ItemKind;
  rule?: RuleId;
  /** An older Gladia spelling of a path: read by the transforms, not built by the runtime client. */
  legacy?: boolean;
  /** Conversion of the value (of each element when wrapped in an array) for the runtime client. */
  toGladia?: GladiaConversion;
}

// Longest paths first so the most specific rule wins.
export const RESULT_PATHS: ResultPathRule[] = [
  { gladia: ["result", "transcription", "full_transcript"], assemblyai: ["text"] },
  { gladia: ["result", "transcription", "utterances"], assemblyai: ["utterances"], items: "utterance" },
  { gladia: ["result", "transcription", "languages"], assemblyai: ["language_code"], wrapInArray: true, toGladia: "language" },
  { gladia: ["result", "transcription", "subtitles"], assemblyai: null, rule: "subtitles-result" },
  { gladia: ["result", "transcription", "sentences"], assemblyai: null, rule: "sentences-result" },
  { gladia: ["result", "metadata", "audio_duration"], assemblyai: ["audio_duration"] },
  { gladia: ["result", "summarization", "results"], assemblyai: ["summary"] },
  { gladia: ["result", "chapterization", "results"], assemblyai: ["chapters"], items: "chapter" },
  { gladia: ["result", "chapters", "results"], assemblyai: ["chapters"], items: "chapter", legacy: true },
  { gladia: ["result", "chapters"], assemblyai: ["chapters"], items: "chapter", legacy: true },
  { gladia: ["result", "named_entity_recognition", "results"], assemblyai: ["entities"], items: "entity" },
  { gladia: ["result", "named_entity_recognition", "entity"], assemblyai: ["entities"], items: "entity", legacy: true },
  { gladia: ["result", "sentiment_analysis", "results"], assemblyai: ["sentiment_analysis_results"], items: "sentiment", rule: "sentiment-shape" },
  { gladia: ["result", "translation", "results"], assemblyai: null, rule: "translation-results" },
  { gladia: ["result", "audio_to_llm"], assemblyai: null, rule: "audio-to-llm" },
  { gladia: ["result", "sentences"], assemblyai: null, rule: "sentences-result" },
  { gladia: ["status"], assemblyai: ["status"] },
  { gladia: ["id"], assemblyai: ["id"] },
  { gladia: ["error_code"], assemblyai: ["error"] },
  { gladia: ["file"], assemblyai: null, rule: "job-extra" },
  { gladia: ["request_params"], assemblyai: null, rule: "job-extra" },
  { gladia: ["custom_metadata"], assemblyai: null, rule: "job-extra" },
];

/** Keys of a Gladia job with no AssemblyAI equivalent (a read gets `result-unresolved`). */
export const JOB_KEYS_WITHOUT_EQUIVALENT = ["request_id", "version", "created_at", "completed_at", "kind", "post_session_metadata"];

/**
 * Every key a Gladia value has at each level: a declared type whose fields are all among these is
 * Gladia's own shape (and becomes the AssemblyAI type); any other field is the program's.
 */
export const GLADIA_LEVEL_KEYS: Record<ResultLevel, string[]> = {
  job: ["id", "request_id", "version", "status", "created_at", "completed_at", "custom_metadata", "error_code", "post_session_metadata", "kind", "file", "request_params", "result"],
  result: [
    "metadata", "transcription", "translation", "summarization", "moderation", "named_entity_recognition", "name_consistency",
    "structured_data_extraction", "sentiment_analysis", "audio_to_llm", "sentences", "display_mode", "diarization", "chapterization", "chapters",
  ],
  transcription: ["full_transcript", "languages", "utterances", "subtitles", "sentences"],
  metadata: ["audio_duration", "number_of_distinct_channels", "billing_time", "transcription_time"],
};

/** The `assemblyai` type a declared Gladia type becomes. */
export const ASSEMBLYAI_TYPE_FOR: Record<ResultLevel | "utterance" | "word", string> = {
  job: "Transcript",
  result: "Transcript",
  transcription: "Transcript",
  metadata: "Transcript",
  utterance: "TranscriptUtterance",
  word: "TranscriptWord",
};

/** Add-on envelope keys (`J.result.<addon>.success` …): no AssemblyAI equivalent. */
export const ADDON_ENVELOPE_KEYS = ["success", "is_empty", "error", "exec_time"];

/** Gladia results under `J.result` that are add-on envelopes (`{success, is_empty, exec_time, error, results}`). */
export const ADDON_KEYS = ["summarization", "chapterization", "named_entity_recognition", "sentiment_analysis", "translation", "audio_to_llm"];

/**
 * Gladia result fields with no AssemblyAI counterpart that the runtime client still fills, so code
 * reading a Gladia-shaped result finds a value of the right type: from another transcript field
 * (`from`), else `value`.
 */
export interface ResultFill {
  gladia: string[];
  from?: string[];
  value: unknown;
}

export const RESULT_FILLS: ResultFill[] = [
  { gladia: ["result", "metadata", "number_of_distinct_channels"], from: ["audio_channels"], value: 1 },
  // Gladia bills audio_duration × channels; AssemblyAI bills the audio duration.
  { gladia: ["result", "metadata", "billing_time"], from: ["audio_duration"], value: 0 },
  // Not reported by AssemblyAI.
  { gladia: ["result", "metadata", "transcription_time"], value: 0 },
];

/**
 * Gladia `subtitles: true` + `subtitles_config` → files fetched after completion from
 * GET /v2/transcript/{id}/{format} (`chars_per_caption` query).
 */
export const SUBTITLES_FETCH = { defaultFormats: ["srt"], charsPerCaption: "maximum_characters_per_row" } as const;

/** AssemblyAI `translated_texts[lang]` (a string per language) → Gladia `translation.results[]`. */
export const TRANSLATION_SOURCE = { texts: ["translated_texts"], utteranceTexts: "translated_texts" } as const;

export interface ItemFieldRule {
  /** New field name (same name when omitted). */
  to?: string;
  /** Seconds → milliseconds: a read keeps its meaning by dividing by 1000. */
  seconds?: boolean;
  /** Array of nested items. */
  items?: ItemKind;
  /** Needs a human where used as a number. */
  rule?: RuleId;
  /** Conversion of the AssemblyAI value into Gladia's (runtime client). */
  toGladia?: GladiaConversion;
  /** No AssemblyAI field: the runtime client fills it from this transcript path, else `value`. */
  fill?: { transcript?: string[]; value?: unknown };
}

export const ITEM_FIELDS: Record<ItemKind, Record<string, ItemFieldRule>> = {
  utterance: {
    start: { seconds: true },
    end: { seconds: true },
    speaker: { rule: "speaker-letter", toGladia: "speaker-index" },
    channel: { rule: "channel-string", toGladia: "channel-index", fill: { value: 0 } },
    language: { rule: "utterance-language", toGladia: "language", fill: { transcript: ["language_code"] } },
    words: { items: "word" },
    text: {},
    confidence: {},
  },
  word: {
    word: { to: "text" },
    start: { seconds: true },
    end: { seconds: true },
    confidence: {},
  },
  chapter: {
    start: { seconds: true },
    end: { seconds: true },
    keywords: { rule: "chapter-keywords", fill: { value: [] } },
    headline: {},
    gist: {},
    summary: {},
  },
  entity: {
    start: { seconds: true },
    end: { seconds: true },
    // AssemblyAI `email_address`, Gladia `EMAIL_ADDRESS` (most names agree once upper-cased).
    entity_type: { toGladia: "upper-case" },
    text: {},
  },
  sentiment: {
    start: { seconds: true },
    end: { seconds: true },
    emotion: { rule: "sentiment-shape" },
    sentiment: { rule: "sentiment-shape", toGladia: "lower-case" },
    text: {},
    speaker: { rule: "speaker-letter", toGladia: "speaker-index" },
    channel: { rule: "channel-string", toGladia: "channel-index", fill: { value: 0 } },
  },
};

/** Names code bases commonly give the three levels of a Gladia job (for the "root" of a chain). */
export type ResultLevel = "job" | "result" | "transcription" | "metadata";

/** A level's prefix within the job: a `result` alias stands for `J.result`. */
export const LEVEL_PREFIX: Record<ResultLevel, string[]> = {
  job: [],
  result: ["result"],
  transcription: ["result", "transcription"],
  metadata: ["result", "metadata"],
};

export interface MappedPath {
  rule: ResultPathRule;
  /** Keys of the read that come after the rule's path. */
  rest: string[];
}

/** Find the rule for a read of `keys` below a value at `level`. */
export function matchResultPath(level: ResultLevel, keys: string[]): MappedPath | undefined {
  const full = [...LEVEL_PREFIX[level], ...keys];
  for (const rule of RESULT_PATHS) {
    if (rule.gladia.length <= full.length && rule.gladia.every((k, i) => full[i] === k)) {
      return { rule, rest: full.slice(rule.gladia.length) };
    }
  }
  return undefined;
}

/** Gladia callback bodies: `{id, event, payload: <result>, error?, custom_metadata?}`. */
export const CALLBACK = {
  idField: { gladia: "id", assemblyai: "transcript_id" },
  successEvent: "transcription.success",
  errorEvent: "transcription.error",
  assemblyaiSuccessStatus: "completed",
  assemblyaiErrorStatus: "error",
  /** Gladia `event` values → AssemblyAI `status` values (no equivalent for `transcription.created`). */
  eventToStatus: { "transcription.success": "completed", "transcription.error": "error" } as Record<string, string>,
  createdEvent: "transcription.created",
  /** Body fields renamed; `payload.id` (account webhooks) is the transcript id too. */
  fieldRenames: { id: "transcript_id", event: "status" } as Record<string, string>,
  /** Body fields with no AssemblyAI equivalent, and the marker each gets. */
  fieldMarkers: { payload: "callback-payload", error: "callback-error", custom_metadata: "callback-metadata" } as Record<string, RuleId>,
} as const;
