import type { RuleId } from "./rules.js";

// Mapping §3: where a done Gladia job's data lives on a completed AssemblyAI transcript.
// Paths are lists of keys from the job object (`J`); the JS and Python transforms rewrite reads
// of these paths, and the runtime client builds a Gladia-shaped result from them.

/** What kind of item an array path holds, to map per-item fields. */
export type ItemKind = "utterance" | "word" | "chapter" | "entity" | "sentiment";

export interface ResultPathRule {
  gladia: string[];
  /** AssemblyAI path on the transcript; null when the read needs a marker instead. */
  assemblyai: string[] | null;
  /** `[T.language_code]`: the value is wrapped in an array. */
  wrapInArray?: boolean;
  items?: ItemKind;
  rule?: RuleId;
}

// Longest paths first so the most specific rule wins.
export const RESULT_PATHS: ResultPathRule[] = [
  { gladia: ["result", "transcription", "full_transcript"], assemblyai: ["text"] },
  { gladia: ["result", "transcription", "utterances"], assemblyai: ["utterances"], items: "utterance" },
  { gladia: ["result", "transcription", "languages"], assemblyai: ["language_code"], wrapInArray: true },
  { gladia: ["result", "transcription", "subtitles"], assemblyai: null, rule: "subtitles-result" },
  { gladia: ["result", "transcription", "sentences"], assemblyai: null, rule: "sentences-result" },
  { gladia: ["result", "metadata", "audio_duration"], assemblyai: ["audio_duration"] },
  { gladia: ["result", "summarization", "results"], assemblyai: ["summary"] },
  { gladia: ["result", "chapterization", "results"], assemblyai: ["chapters"], items: "chapter" },
  { gladia: ["result", "chapters", "results"], assemblyai: ["chapters"], items: "chapter" },
  { gladia: ["result", "chapters"], assemblyai: ["chapters"], items: "chapter" },
  { gladia: ["result", "named_entity_recognition", "results"], assemblyai: ["entities"], items: "entity" },
  { gladia: ["result", "named_entity_recognition", "entity"], assemblyai: ["entities"], items: "entity" },
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

/** Add-on envelope keys (`J.result.<addon>.success` …): no AssemblyAI equivalent. */
export const ADDON_ENVELOPE_KEYS = ["success", "is_empty", "error", "exec_time"];

export interface ItemFieldRule {
  /** New field name (same name when omitted). */
  to?: string;
  /** Seconds → milliseconds: a read keeps its meaning by dividing by 1000. */
  seconds?: boolean;
  /** Array of nested items. */
  items?: ItemKind;
  /** Needs a human where used as a number. */
  rule?: RuleId;
}

export const ITEM_FIELDS: Record<ItemKind, Record<string, ItemFieldRule>> = {
  utterance: {
    start: { seconds: true },
    end: { seconds: true },
    speaker: { rule: "speaker-letter" },
    channel: { rule: "channel-string" },
    language: { rule: "utterance-language" },
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
    keywords: { rule: "chapter-keywords" },
    headline: {},
    gist: {},
    summary: {},
  },
  entity: {
    start: { seconds: true },
    end: { seconds: true },
    entity_type: {},
    text: {},
  },
  sentiment: {
    start: { seconds: true },
    end: { seconds: true },
    emotion: { rule: "sentiment-shape" },
    sentiment: { rule: "sentiment-shape" },
  },
};

/** Names code bases commonly give the three levels of a Gladia job (for the "root" of a chain). */
export type ResultLevel = "job" | "result" | "transcription";

/** A level's prefix within the job: a `result` alias stands for `J.result`. */
export const LEVEL_PREFIX: Record<ResultLevel, string[]> = {
  job: [],
  result: ["result"],
  transcription: ["result", "transcription"],
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
} as const;
