// Gladia v2 pre-recorded JSON derived from the canonical recording: float seconds, integer speakers and
// channels, `result.transcription.*`, and add-on results wrapped in {success, is_empty, exec_time, error, results}.
// Gladia always returns utterances; `speaker` only with diarization.
import type { Job, JobStatus, Upload } from "./jobs.js";
import type { Recording } from "./recording.js";
import {
  getFullText,
  getSentences,
  getSentimentSegments,
  getUtterances,
  renderSubtitles,
  translateUtterance,
  type Segment,
  type SubtitleFormat,
} from "./recording-views.js";

/** A create-job body as the client sent it (current or deprecated fields). */
export type GladiaParams = Record<string, any>;

const EXEC_TIME = 0.42;

const GLADIA_STATUS: Record<JobStatus, string> = { queued: "queued", processing: "processing", completed: "done", error: "error" };

export const GLADIA_FAILURES = {
  download: { code: 400, message: "Could not download the audio file from audio_url" },
  transcoding: { code: 422, message: "The uploaded file could not be decoded as audio" },
} as const;

function envelope<T>(results: T, isEmpty = false) {
  return { success: true, is_empty: isEmpty, exec_time: EXEC_TIME, error: null, results };
}

/** The language Gladia would transcribe in: a single requested language, else the detected one. */
export function getGladiaLanguage(rec: Recording, params: GladiaParams): string {
  const languages: string[] = params.language_config?.languages ?? [];
  if (languages.length === 1) return languages[0];
  if (typeof params.language === "string" && params.detect_language !== true) return params.language;
  return rec.language;
}

function toWords(segment: Segment) {
  return segment.words.map((w) => ({ word: w.text, start: w.start, end: w.end, confidence: w.confidence }));
}

function toUtterance(segment: Segment, language: string, diarization: boolean, text = segment.text) {
  return {
    start: segment.start,
    end: segment.end,
    confidence: segment.confidence,
    channel: segment.channel,
    ...(diarization ? { speaker: segment.speaker } : {}),
    words: toWords(segment),
    text,
    language,
  };
}

function getSubtitles(rec: Recording, params: GladiaParams) {
  const config = params.subtitles_config ?? {};
  const formats: SubtitleFormat[] = config.formats ?? ["srt"];
  return formats.map((format) => ({ format, subtitles: renderSubtitles(rec, format, config.maximum_characters_per_row) }));
}

function getTranscription(rec: Recording, params: GladiaParams) {
  const language = getGladiaLanguage(rec, params);
  return {
    full_transcript: getFullText(rec),
    languages: [language],
    utterances: getUtterances(rec).map((u) => toUtterance(u, language, params.diarization === true)),
    ...(params.sentences ? { sentences: [envelope(getSentences(rec).map((s) => s.text))] } : {}),
    ...(params.subtitles ? { subtitles: getSubtitles(rec, params) } : {}),
  };
}

function getTranslation(rec: Recording, params: GladiaParams) {
  const targets: string[] = params.translation_config?.target_languages ?? [];
  const utterances = getUtterances(rec);
  return envelope(
    targets.map((language) => {
      const texts = utterances.map((_u, i) => translateUtterance(rec, i, language));
      return {
        error: null,
        full_transcript: texts.join(" "),
        languages: [language],
        utterances: utterances.map((u, i) => toUtterance(u, language, params.diarization === true, texts[i])),
      };
    }),
  );
}

function getSentiments(rec: Recording, params: GladiaParams) {
  return getSentimentSegments(rec).map(({ segment, sentiment }) => ({
    text: segment.text,
    sentiment: sentiment.sentiment,
    emotion: sentiment.emotion,
    start: segment.start,
    end: segment.end,
    channel: segment.channel,
    ...(params.diarization ? { speaker: segment.speaker } : {}),
  }));
}

function getChapters(rec: Recording) {
  return rec.chapters.map((c) => ({ summary: c.summary, headline: c.headline, gist: c.gist, keywords: c.keywords, start: c.start, end: c.end }));
}

function getAudioToLlm(params: GladiaParams) {
  const prompts: unknown[] = params.audio_to_llm_config?.prompts ?? [];
  return envelope(prompts.map((prompt) => envelope({ prompt: String(prompt), response: `Emulated answer to: ${String(prompt)}` })));
}

/** Add-on results, only for the add-ons the request turned on. */
const ADDONS: Array<[flag: string, key: string, build: (rec: Recording, params: GladiaParams) => unknown]> = [
  ["translation", "translation", getTranslation],
  ["summarization", "summarization", (rec, p) => envelope(rec.summaries[(p.summarization_config?.type ?? "general") as keyof Recording["summaries"]])],
  ["named_entity_recognition", "named_entity_recognition", (rec) =>
    envelope(rec.entities.map((e) => ({ entity_type: e.type.gladia, text: e.text, start: e.start, end: e.end })))],
  // The spec types sentiment results as a string; Gladia's docs show an array: we send the array JSON-encoded,
  // which is what Gladia's own sample code (`typeof r === "string" ? JSON.parse(r) : r`) expects.
  ["sentiment_analysis", "sentiment_analysis", (rec, p) => envelope(JSON.stringify(getSentiments(rec, p)))],
  ["chapterization", "chapterization", (rec) => envelope(getChapters(rec))],
  ["audio_to_llm", "audio_to_llm", (_rec, p) => getAudioToLlm(p)],
  ["sentences", "sentences", (rec) => envelope(getSentences(rec).map((s) => s.text))],
];

export function toGladiaResult(rec: Recording, params: GladiaParams) {
  const addons: Record<string, unknown> = Object.fromEntries(
    ADDONS.filter(([flag]) => params[flag] === true).map(([, key, build]) => [key, build(rec, params)]),
  );
  return {
    metadata: {
      audio_duration: rec.audioDuration,
      number_of_distinct_channels: rec.numberOfChannels,
      billing_time: rec.audioDuration * rec.numberOfChannels,
      transcription_time: 1.5,
    },
    transcription: getTranscription(rec, params),
    ...addons,
  };
}

function fileNameOf(job: Job<GladiaParams>): string {
  return job.upload?.filename ?? decodeURIComponent(new URL(job.audioUrl).pathname.split("/").pop() || "audio");
}

export function toGladiaJob(job: Job<GladiaParams>, status: JobStatus, rec: Recording) {
  const { custom_metadata, ...requestParams } = job.params;
  const failed = status === "error";
  return {
    id: job.id,
    request_id: `G-${job.id.slice(0, 8)}`,
    version: 2,
    status: GLADIA_STATUS[status],
    created_at: job.createdAt.toISOString(),
    completed_at: job.final ? job.completedAt!.toISOString() : null,
    ...(custom_metadata ? { custom_metadata } : {}),
    error_code: failed ? GLADIA_FAILURES[job.failure!].code : null,
    kind: "pre-recorded",
    file: failed
      ? null
      : {
          id: job.upload?.id ?? job.id,
          filename: fileNameOf(job),
          source: job.upload ? null : job.audioUrl,
          audio_duration: rec.audioDuration,
          number_of_channels: rec.numberOfChannels,
        },
    request_params: failed ? null : requestParams,
    result: status === "completed" ? toGladiaResult(rec, job.params) : null,
  };
}

/** Per-request callback body (`callback_config.url` / deprecated `callback_url`). */
export function toGladiaCallback(job: Job<GladiaParams>, rec: Recording) {
  const metadata = job.params.custom_metadata ? { custom_metadata: job.params.custom_metadata } : {};
  if (job.failure) {
    const { code, message } = GLADIA_FAILURES[job.failure];
    return { id: job.id, event: "transcription.error", error: { code, message }, ...metadata };
  }
  return { id: job.id, event: "transcription.success", payload: toGladiaResult(rec, job.params), ...metadata };
}

/** Account-level webhook body (dashboard webhooks): only the job id. */
export function toGladiaWebhook(job: Job<GladiaParams>, event: "transcription.created" | "transcription.success" | "transcription.error") {
  return { event, payload: { id: job.id } };
}

export function toGladiaUploadResponse(upload: Upload, rec: Recording, source?: string) {
  const filename = upload.filename ?? "audio";
  return {
    audio_url: `https://api.gladia.io/file/${upload.id}`,
    audio_metadata: {
      id: upload.id,
      filename,
      ...(source ? { source } : {}),
      extension: filename.includes(".") ? filename.split(".").pop()! : "wav",
      size: upload.size,
      audio_duration: rec.audioDuration,
      number_of_channels: rec.numberOfChannels,
    },
  };
}
