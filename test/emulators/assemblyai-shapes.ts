// AssemblyAI v2 transcript JSON derived from the canonical recording: integer milliseconds, speakers
// "A"/"B", channels "1"/"2", flat `text`/`words`/`utterances`. Like the real API, each feature's output is
// present only when the request turned it on (otherwise null): `utterances` needs speaker_labels or
// multichannel, `chapters` auto_chapters, `entities` entity_detection, and so on.
import type { Job, JobStatus } from "./jobs.js";
import type { Recording } from "./recording.js";
import {
  getAllWords,
  getFullText,
  getSentences,
  getSentimentSegments,
  getUtterances,
  renderSubtitles,
  toMs,
  translateFullText,
  translateUtterance,
  type Segment,
  type SubtitleFormat,
} from "./recording-views.js";

/** A create-transcript body as the client sent it. */
export type AssemblyAIParams = Record<string, any>;

export interface AssemblyAIJobState {
  deleted?: boolean;
  webhookStatusCode?: number;
}

export const SPEECH_MODEL_USED = "universal-3-5-pro";

export const ASSEMBLYAI_FAILURES = {
  download: (url: string) =>
    `Download error, unable to download ${url}. Please make sure the file exists and is accessible from the internet.`,
  transcoding: () => "Transcoding failed. File does not appear to contain audio. File type is application/octet-stream (data).",
} as const;

// AssemblyAI summary_type → the recording's summary (keyed by Gladia's summarization types).
const SUMMARY_BY_TYPE: Record<string, keyof Recording["summaries"]> = {
  paragraph: "general",
  bullets: "bullet_points",
  bullets_verbose: "bullet_points",
  gist: "concise",
  headline: "concise",
};

// Request parameters the transcript echoes back unchanged when they were sent.
const ECHOED_PARAMS = [
  "audio_start_from", "audio_end_at", "custom_spelling", "keyterms_prompt", "language_codes", "language_detection_options",
  "prompt", "temperature", "redact_pii_audio", "redact_pii_audio_quality", "redact_pii_policies", "redact_pii_sub",
  "speakers_expected", "content_safety_confidence", "remove_audio_tags", "speech_threshold", "custom_topics", "topics",
];

export const speakerLabel = (index: number) => String.fromCharCode(65 + index);

function toWord(w: { text: string; start: number; end: number; confidence: number; speaker: number; channel: number }, p: AssemblyAIParams) {
  return {
    text: w.text,
    start: toMs(w.start),
    end: toMs(w.end),
    confidence: w.confidence,
    speaker: p.speaker_labels ? speakerLabel(w.speaker) : null,
    ...(p.multichannel ? { channel: String(w.channel + 1) } : {}),
  };
}

function toSegmentWords(segment: Segment, p: AssemblyAIParams) {
  return segment.words.map((w) => toWord({ ...w, speaker: segment.speaker, channel: segment.channel }, p));
}

function getTranslationRequest(p: AssemblyAIParams): { target_languages: string[]; match_original_utterance?: boolean } | undefined {
  return p.speech_understanding?.request?.translation;
}

function toUtterance(segment: Segment, index: number, rec: Recording, p: AssemblyAIParams) {
  const translation = getTranslationRequest(p);
  return {
    ...toTimedText(segment),
    words: toSegmentWords(segment, p),
    speaker: speakerLabel(segment.speaker),
    ...(p.multichannel ? { channel: String(segment.channel + 1) } : {}),
    ...(translation?.match_original_utterance
      ? { translated_texts: Object.fromEntries(translation.target_languages.map((l) => [l, translateUtterance(rec, index, l)])) }
      : {}),
  };
}

export function getLanguageCode(rec: Recording, p: AssemblyAIParams): string {
  if (typeof p.language_code === "string") return p.language_code;
  return p.language_detection ? rec.language : "en_us";
}

function getConfidence(rec: Recording): number {
  const utterances = getUtterances(rec);
  return Math.round((utterances.reduce((sum, u) => sum + u.confidence, 0) / utterances.length) * 100) / 100;
}

/** Text with integer-ms times: the common core of utterances, sentences, paragraphs and sentiments. */
function toTimedText(segment: Segment) {
  return { text: segment.text, start: toMs(segment.start), end: toMs(segment.end), confidence: segment.confidence };
}

/** `speaker` (a letter with speaker_labels, else null) and `channel` (with multichannel only). */
function toSpeakerFields(segment: Segment, p: AssemblyAIParams) {
  return {
    speaker: p.speaker_labels ? speakerLabel(segment.speaker) : null,
    ...(p.multichannel ? { channel: String(segment.channel + 1) } : {}),
  };
}

function getSentiments(rec: Recording, p: AssemblyAIParams) {
  return getSentimentSegments(rec).map(({ segment, sentiment }) => ({
    ...toTimedText(segment),
    sentiment: sentiment.sentiment.toUpperCase(),
    confidence: sentiment.confidence,
    ...toSpeakerFields(segment, p),
  }));
}

/** Fields that carry results: null until completed, and null when their feature was not requested. */
function getResults(rec: Recording, p: AssemblyAIParams) {
  const translation = getTranslationRequest(p);
  return {
    text: getFullText(rec),
    words: getAllWords(rec).map((w) => toWord(w, p)),
    utterances: p.speaker_labels || p.multichannel ? getUtterances(rec).map((u, i) => toUtterance(u, i, rec, p)) : null,
    confidence: getConfidence(rec),
    audio_duration: rec.audioDuration,
    language_code: getLanguageCode(rec, p),
    language_confidence: p.language_detection ? rec.languageConfidence : null,
    speech_model_used: SPEECH_MODEL_USED,
    ...(p.multichannel ? { audio_channels: rec.numberOfChannels } : {}),
    chapters: p.auto_chapters
      ? rec.chapters.map((c) => ({ gist: c.gist, headline: c.headline, summary: c.summary, start: toMs(c.start), end: toMs(c.end) }))
      : null,
    entities: p.entity_detection
      ? rec.entities.map((e) => ({ entity_type: e.type.assemblyai, text: e.text, start: toMs(e.start), end: toMs(e.end) }))
      : null,
    sentiment_analysis_results: p.sentiment_analysis ? getSentiments(rec, p) : null,
    summary: p.summarization ? rec.summaries[SUMMARY_BY_TYPE[p.summary_type ?? "bullets"]] : null,
    ...(translation
      ? { translated_texts: Object.fromEntries(translation.target_languages.map((l) => [l, translateFullText(rec, l)])) }
      : {}),
  };
}

const EMPTY_RESULTS = {
  text: null,
  words: null,
  utterances: null,
  confidence: null,
  audio_duration: null,
  language_confidence: null,
  chapters: null,
  entities: null,
  sentiment_analysis_results: null,
  summary: null,
};

function getEchoes(p: AssemblyAIParams, state: AssemblyAIJobState) {
  return {
    speech_model: null,
    speech_models: p.speech_models ?? null,
    language_model: "assemblyai_default",
    acoustic_model: "assemblyai_default",
    ...(typeof p.language_code === "string" ? { language_code: p.language_code } : {}),
    language_detection: p.language_detection ?? false,
    language_confidence_threshold: p.language_confidence_threshold ?? null,
    punctuate: p.punctuate ?? true,
    format_text: p.format_text ?? true,
    disfluencies: p.disfluencies ?? false,
    filter_profanity: p.filter_profanity ?? false,
    multichannel: p.multichannel ?? null,
    speaker_labels: p.speaker_labels ?? false,
    auto_chapters: p.auto_chapters ?? false,
    auto_highlights: p.auto_highlights ?? false,
    auto_highlights_result: null,
    entity_detection: p.entity_detection ?? false,
    sentiment_analysis: p.sentiment_analysis ?? false,
    iab_categories: p.iab_categories ?? false,
    iab_categories_result: null,
    content_safety: p.content_safety ?? false,
    content_safety_labels: null,
    redact_pii: p.redact_pii ?? false,
    summarization: p.summarization ?? false,
    summary_type: p.summarization ? (p.summary_type ?? "bullets") : null,
    summary_model: p.summarization ? (p.summary_model ?? "informative") : null,
    webhook_url: p.webhook_url ?? null,
    webhook_auth: Boolean(p.webhook_auth_header_name && p.webhook_auth_header_value),
    webhook_auth_header_name: p.webhook_auth_header_name ?? null,
    webhook_status_code: state.webhookStatusCode ?? null,
    ...(p.speech_understanding ? { speech_understanding: { request: p.speech_understanding.request } } : {}),
    ...Object.fromEntries(ECHOED_PARAMS.filter((k) => p[k] !== undefined).map((k) => [k, p[k]])),
  };
}

export function toAssemblyAITranscript(job: Job<AssemblyAIParams>, status: JobStatus, rec: Recording, state: AssemblyAIJobState = {}) {
  const p = job.params;
  const base = { id: job.id, status, audio_url: job.audioUrl, ...getEchoes(p, state) };
  if (state.deleted) return { ...base, ...EMPTY_RESULTS, text: "Deleted by user.", audio_url: "http://deleted_by_user" };
  if (status === "error") return { ...base, ...EMPTY_RESULTS, error: ASSEMBLYAI_FAILURES[job.failure!](job.audioUrl) };
  if (status !== "completed") return { ...base, ...EMPTY_RESULTS };
  return { ...base, ...getResults(rec, p) };
}

export function toAssemblyAISentences(job: Job<AssemblyAIParams>, rec: Recording) {
  const sentences = getSentences(rec).map((s) => ({ ...toTimedText(s), words: toSegmentWords(s, job.params), ...toSpeakerFields(s, job.params) }));
  return { id: job.id, confidence: getConfidence(rec), audio_duration: rec.audioDuration, sentences };
}

export function toAssemblyAIParagraphs(job: Job<AssemblyAIParams>, rec: Recording) {
  const paragraphs = getUtterances(rec).map((u) => ({ ...toTimedText(u), words: toSegmentWords(u, job.params) }));
  return { id: job.id, confidence: getConfidence(rec), audio_duration: rec.audioDuration, paragraphs };
}

export function toAssemblyAISubtitles(rec: Recording, format: SubtitleFormat, charsPerCaption?: number): string {
  return renderSubtitles(rec, format, charsPerCaption);
}

/** Webhook body: the transcript id and final status only. */
export function toAssemblyAIWebhook(job: Job<AssemblyAIParams>, status: JobStatus) {
  return { transcript_id: job.id, status };
}

/** `created`/`completed` in list items: ISO date-time without a zone suffix, as the spec's pattern demands. */
const toListDate = (date: Date) => date.toISOString().replace("Z", "");

export function toAssemblyAIListItem(job: Job<AssemblyAIParams>, status: JobStatus, baseUrl: string) {
  return {
    id: job.id,
    resource_url: `${baseUrl}/v2/transcript/${job.id}`,
    status,
    created: toListDate(job.createdAt),
    completed: job.completedAt ? toListDate(job.completedAt) : null,
    audio_url: job.audioUrl,
    error: status === "error" ? ASSEMBLYAI_FAILURES[job.failure!](job.audioUrl) : null,
  };
}
