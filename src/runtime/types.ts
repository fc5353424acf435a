// Gladia-shaped types for code that keeps reading Gladia JSON. Same names and shapes as
// `@gladiaio/sdk` 2.x's pre-recorded types, so a type import rewritten from "@gladiaio/sdk" to
// "gladia-to-assemblyai/runtime" still resolves. Differences (fields AssemblyAI cannot know) are
// marked `| null` and explained where they are filled (see result.ts and client.ts).

export type PreRecordedV2TranscriptionLanguageCode = string;
export type PreRecordedV2TranslationLanguageCode = string;
export type PreRecordedV2TranscriptionModel = "solaria-1" | "solaria-3" | "solaria-fusion";
export type PreRecordedV2TranslationModel = "base" | "batch" | "enhanced";
export type PreRecordedV2SubtitlesFormat = "srt" | "vtt";
export type PreRecordedV2SubtitlesStyle = "default" | "compliance";
export type PreRecordedV2SummaryType = "general" | "bullet_points" | "concise";
export type PreRecordedV2CallbackMethod = "POST" | "PUT";
export type PreRecordedV2PiiRedactionEntityType = string;
export type PreRecordedV2Status = "queued" | "processing" | "done" | "error";

// ---- Request ----

export interface PreRecordedV2CustomVocabularyEntry {
  value: string;
  intensity?: number;
  pronunciations?: string[];
  language?: PreRecordedV2TranscriptionLanguageCode;
}
export interface PreRecordedV2CustomVocabularyConfig {
  vocabulary: Array<PreRecordedV2CustomVocabularyEntry | string>;
  default_intensity?: number;
}
export interface PreRecordedV2CallbackConfig {
  url: string;
  method?: PreRecordedV2CallbackMethod;
}
export interface PreRecordedV2SubtitlesConfig {
  formats?: PreRecordedV2SubtitlesFormat[];
  minimum_duration?: number;
  maximum_duration?: number;
  maximum_characters_per_row?: number;
  maximum_rows_per_caption?: number;
  style?: PreRecordedV2SubtitlesStyle;
}
export interface PreRecordedV2DiarizationConfig {
  number_of_speakers?: number;
  min_speakers?: number;
  max_speakers?: number;
}
export interface PreRecordedV2TranslationConfig {
  target_languages: PreRecordedV2TranslationLanguageCode[];
  model?: PreRecordedV2TranslationModel;
  match_original_utterances?: boolean;
  lipsync?: boolean;
  context_adaptation?: boolean;
  context?: string;
  informal?: boolean;
}
export interface PreRecordedV2SummarizationConfig {
  type?: PreRecordedV2SummaryType;
}
export interface PreRecordedV2CustomSpellingConfig {
  spelling_dictionary: Record<string, string[]>;
}
export interface PreRecordedV2AudioToLlmListConfig {
  prompts: unknown[];
  model?: string;
}
export interface PreRecordedV2PiiRedactionConfig {
  entity_types?: PreRecordedV2PiiRedactionEntityType | PreRecordedV2PiiRedactionEntityType[];
  processed_text_type?: "MARKER" | "MASK";
}
export interface PreRecordedV2LanguageConfig {
  languages?: PreRecordedV2TranscriptionLanguageCode[];
  code_switching?: boolean;
}

export interface PreRecordedV2InitTranscriptionRequest {
  audio_url: string;
  custom_vocabulary?: boolean;
  custom_vocabulary_config?: PreRecordedV2CustomVocabularyConfig;
  callback_url?: string;
  callback?: boolean;
  callback_config?: PreRecordedV2CallbackConfig;
  subtitles?: boolean;
  subtitles_config?: PreRecordedV2SubtitlesConfig;
  diarization?: boolean;
  diarization_config?: PreRecordedV2DiarizationConfig;
  translation?: boolean;
  translation_config?: PreRecordedV2TranslationConfig;
  summarization?: boolean;
  summarization_config?: PreRecordedV2SummarizationConfig;
  named_entity_recognition?: boolean;
  custom_spelling?: boolean;
  custom_spelling_config?: PreRecordedV2CustomSpellingConfig;
  sentiment_analysis?: boolean;
  audio_to_llm?: boolean;
  audio_to_llm_config?: PreRecordedV2AudioToLlmListConfig;
  pii_redaction?: boolean;
  pii_redaction_config?: PreRecordedV2PiiRedactionConfig;
  custom_metadata?: Record<string, any>;
  sentences?: boolean;
  punctuation_enhanced?: boolean;
  language_config?: PreRecordedV2LanguageConfig;
  model?: PreRecordedV2TranscriptionModel;
}
export type PreRecordedV2RequestParamsResponse = Omit<PreRecordedV2InitTranscriptionRequest, "audio_url" | "custom_metadata"> & {
  audio_url: string | null;
};
export interface PreRecordedV2UploadRequest {
  audio_url?: string;
}

export interface PreRecordedV2InitTranscriptionResponse {
  id: string;
  /** `${baseUrl}/v2/transcript/${id}`: GET it with the `authorization` header. */
  result_url: string;
}

/** What `uploadFile` knows without probing the audio (AssemblyAI's upload returns only a URL). */
export interface PreRecordedV2AudioUploadMetadata {
  /** The last path segment of AssemblyAI's `upload_url`. */
  id: string;
  filename: string;
  source?: string;
  /** From the file name ("" when it has none). */
  extension: string;
  /** Bytes sent. */
  size: number;
  /** null: AssemblyAI does not probe uploads (the transcript has `audio_duration`). */
  audio_duration: number | null;
  /** null: AssemblyAI does not probe uploads. */
  number_of_channels: number | null;
}
export interface PreRecordedV2AudioUploadResponse {
  /** AssemblyAI's `upload_url`: pass it as `audio_url`. */
  audio_url: string;
  audio_metadata: PreRecordedV2AudioUploadMetadata;
}

// ---- Result ----

export interface PreRecordedV2AddonError {
  status_code: number;
  exception: string;
  message: string;
}
/** The envelope every Gladia add-on result shares. */
export interface PreRecordedV2Addon<T> {
  success: boolean;
  is_empty: boolean;
  exec_time: number;
  error: PreRecordedV2AddonError | null;
  results: T;
}
export interface PreRecordedV2Word {
  word: string;
  start: number;
  end: number;
  confidence: number;
}
export interface PreRecordedV2Utterance {
  start: number;
  end: number;
  confidence: number;
  channel: number;
  speaker?: number;
  words: PreRecordedV2Word[];
  text: string;
  language: PreRecordedV2TranscriptionLanguageCode;
}
export interface PreRecordedV2Subtitle {
  format: PreRecordedV2SubtitlesFormat;
  subtitles: string;
}
export type PreRecordedV2Sentences = PreRecordedV2Addon<string[] | null>;
export interface PreRecordedV2Transcription {
  full_transcript: string;
  languages: PreRecordedV2TranscriptionLanguageCode[];
  sentences?: PreRecordedV2Sentences[];
  subtitles?: PreRecordedV2Subtitle[];
  utterances: PreRecordedV2Utterance[];
}
export interface PreRecordedV2TranscriptionMetadata {
  audio_duration: number;
  number_of_distinct_channels: number;
  billing_time: number;
  transcription_time: number;
}
export interface PreRecordedV2TranslationResult {
  error: PreRecordedV2AddonError | null;
  full_transcript: string;
  languages: PreRecordedV2TranslationLanguageCode[];
  sentences?: PreRecordedV2Sentences[];
  subtitles?: PreRecordedV2Subtitle[];
  utterances: PreRecordedV2Utterance[];
}
export interface PreRecordedV2Chapter {
  headline: string;
  gist: string;
  summary: string;
  keywords: string[];
  start: number;
  end: number;
}
export interface PreRecordedV2NamedEntityRecognitionResult {
  entity_type: string;
  text: string;
  start: number;
  end: number;
}
export interface PreRecordedV2SentimentResult {
  text: string;
  /** Lower-cased AssemblyAI sentiment: "positive" | "neutral" | "negative". No `emotion`. */
  sentiment: string;
  emotion?: string;
  start: number;
  end: number;
  channel: number;
  speaker?: number;
}
export interface PreRecordedV2AudioToLlmResult {
  prompt: string | null;
  response: string | null;
}
export type PreRecordedV2Translation = PreRecordedV2Addon<PreRecordedV2TranslationResult[] | null>;
export type PreRecordedV2Summarization = PreRecordedV2Addon<string | null>;
export type PreRecordedV2Chapterization = PreRecordedV2Addon<PreRecordedV2Chapter[] | null>;
export type PreRecordedV2Moderation = PreRecordedV2Addon<string | null>;
export type PreRecordedV2NamedEntityRecognition = PreRecordedV2Addon<PreRecordedV2NamedEntityRecognitionResult[] | null>;
export type PreRecordedV2NamesConsistency = PreRecordedV2Addon<string | null>;
export type PreRecordedV2StructuredDataExtraction = PreRecordedV2Addon<string | null>;
/** Gladia's spec types it as a string, its API returns an array: this client returns the array. */
export type PreRecordedV2SentimentAnalysis = PreRecordedV2Addon<string | PreRecordedV2SentimentResult[]>;
export type PreRecordedV2AudioToLlm = PreRecordedV2Addon<PreRecordedV2AudioToLlmResult | null>;
export type PreRecordedV2AudioToLlmList = PreRecordedV2Addon<PreRecordedV2AudioToLlm[] | null>;
export type PreRecordedV2DisplayMode = PreRecordedV2Addon<string[] | null>;
export type PreRecordedV2Diarization = PreRecordedV2Addon<PreRecordedV2Utterance[]>;

export interface PreRecordedV2TranscriptionResult {
  metadata: PreRecordedV2TranscriptionMetadata;
  transcription?: PreRecordedV2Transcription;
  translation?: PreRecordedV2Translation;
  summarization?: PreRecordedV2Summarization;
  moderation?: PreRecordedV2Moderation;
  named_entity_recognition?: PreRecordedV2NamedEntityRecognition;
  name_consistency?: PreRecordedV2NamesConsistency;
  structured_data_extraction?: PreRecordedV2StructuredDataExtraction;
  sentiment_analysis?: PreRecordedV2SentimentAnalysis;
  audio_to_llm?: PreRecordedV2AudioToLlmList;
  sentences?: PreRecordedV2Sentences;
  display_mode?: PreRecordedV2DisplayMode;
  diarization?: PreRecordedV2Diarization;
  chapterization?: PreRecordedV2Chapterization;
}

export interface PreRecordedV2FileResponse {
  id: string;
  filename: string | null;
  source: string | null;
  audio_duration: number | null;
  number_of_channels: number | null;
}

export interface PreRecordedV2Response {
  id: string;
  /** The AssemblyAI transcript id (AssemblyAI has no separate debug id). */
  request_id: string;
  version: number;
  status: PreRecordedV2Status;
  /** null: AssemblyAI transcripts carry no creation date (list items do). */
  created_at: string | null;
  completed_at?: string | null;
  /** Echoed only for jobs created by this client instance. */
  custom_metadata?: Record<string, any>;
  /**
   * Gladia's integer HTTP code. AssemblyAI reports a failed transcription as a message, not a
   * code: a failed job gets 500, and the message is in `post_session_metadata.error`.
   */
  error_code?: number | null;
  /** `{ error: <AssemblyAI error message> }` on a failed job, `{}` otherwise. */
  post_session_metadata?: { error?: string; [key: string]: unknown };
  kind: "pre-recorded";
  file?: PreRecordedV2FileResponse | null;
  /** The Gladia request, echoed only for jobs created by this client instance. */
  request_params?: PreRecordedV2RequestParamsResponse | null;
  result?: PreRecordedV2TranscriptionResult | null;
}

export interface PreRecordedV2ListResponse {
  first: string;
  current: string;
  next: string | null;
  /** List items carry no result: `get(item.id)` for it. */
  items: PreRecordedV2Response[];
}
export interface PreRecordedV2ListParams {
  /** Only 0: AssemblyAI pages by cursor (follow `next`). */
  offset?: number;
  limit?: number;
  /** YYYY-MM-DD → AssemblyAI `created_on`. */
  date?: string;
  /** Not supported by AssemblyAI (throws). */
  before_date?: string;
  /** Not supported by AssemblyAI (throws). */
  after_date?: string;
  /** At most one status (AssemblyAI filters by one). */
  status?: PreRecordedV2Status[];
  /** Not supported by AssemblyAI (throws). */
  custom_metadata?: Record<string, any>;
  /** `first` / `current` / `next` of a previous page. */
  url?: string;
}

// ---- Client options ----

export type HttpRetryOptions = {
  maxAttempts?: number;
  statusCodes?: (number | [start: number, end: number])[];
  delay?: (attemptCount: number) => number;
};
export type PreRecordedV2Timeouts = {
  transcribe?: number;
  poll?: number;
  createAndPoll?: number;
  uploadFile?: number;
  getFile?: number;
  create?: number;
  delete?: number;
  get?: number;
  list?: number;
};
export type Region = "eu-west" | "us-west";
export type QueryParams = Record<string, string>;
/** Live only: accepted for type compatibility. */
export type WebSocketRetryOptions = Record<string, unknown>;

/**
 * `@gladiaio/sdk`'s client options. Used here: `apiKey`, `apiUrl` (→ AssemblyAI `baseUrl`) and the
 * `poll` / `createAndPoll` / `transcribe` entries of `prerecordedTimeouts` (polling deadlines).
 * Accepted and ignored (the `assemblyai` SDK has no such settings): `region`, `httpHeaders`,
 * `httpRetry`, `httpTimeout`, the other `prerecordedTimeouts`, and the live-only options.
 */
export type GladiaClientOptions = {
  apiKey?: string;
  apiUrl?: string;
  region?: Region;
  httpHeaders?: Record<string, string> | [string, string][];
  httpRetry?: HttpRetryOptions;
  httpTimeout?: number;
  wsRetry?: WebSocketRetryOptions;
  wsTimeout?: number;
  prerecordedTimeouts?: PreRecordedV2Timeouts;
  liveTimeouts?: Record<string, number>;
};

export interface PollOptions {
  /** Milliseconds between polls (default 3000). */
  interval?: number;
  /** Milliseconds before giving up; null = never (default: `prerecordedTimeouts`, else 2 hours). */
  timeout?: number | null;
}
