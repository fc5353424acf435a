import type { Transcript, TranscriptUtterance, TranscriptWord } from "assemblyai";
import type { GladiaConversion, ItemKind } from "../mapping/result.js";
import { ADDON_KEYS, ITEM_FIELDS, RESULT_FILLS, RESULT_PATHS, TRANSLATION_SOURCE } from "../mapping/result.js";
import { STATUS_MAP } from "../mapping/transport.js";
import type {
  PreRecordedV2Response,
  PreRecordedV2Status,
  PreRecordedV2Subtitle,
  PreRecordedV2SubtitlesFormat,
  PreRecordedV2TranscriptionResult,
  PreRecordedV2TranslationResult,
  PreRecordedV2Utterance,
} from "./types.js";

// A completed AssemblyAI transcript → a Gladia-shaped `result`, driven by the §3 tables of
// src/mapping/result.ts read backwards: ms → s, speaker letters → integers, channel "1" → 0, …

type Json = Record<string, unknown>;

export interface GladiaResultExtras {
  /** Subtitle files fetched with `client.transcripts.subtitles(id, format)`. */
  subtitles?: Partial<Record<PreRecordedV2SubtitlesFormat, string>>;
  /** Sentence texts fetched with `client.transcripts.sentences(id)`. */
  sentences?: string[];
}

export interface GladiaJobExtras extends GladiaResultExtras {
  /** The Gladia request that created the job, echoed as `request_params` / `custom_metadata`. */
  request?: Json;
}

function getPath(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Json)[key] : undefined), value);
}

function setPath(target: Json, path: readonly string[], value: unknown): void {
  const parent = path.slice(0, -1).reduce<Json>((t, key) => (t[key] ??= {}) as Json, target);
  parent[path[path.length - 1]] = value;
}

/** Gladia numbers speakers 0, 1, … in order of appearance; AssemblyAI letters them ("A", "1A"…). */
class SpeakerIndex {
  private readonly seen = new Map<string, number>();
  of(label: string): number {
    if (!this.seen.has(label)) this.seen.set(label, this.seen.size);
    return this.seen.get(label)!;
  }
}

/** Gladia language codes are ISO 639-1: AssemblyAI's "en_us" is Gladia's "en". */
function gladiaLanguage(code: string): string {
  return code.split(/[_-]/)[0];
}

function convert(value: unknown, conversion: GladiaConversion | undefined, speakers: SpeakerIndex): unknown {
  if (value === null || value === undefined || conversion === undefined) return value;
  switch (conversion) {
    case "speaker-index":
      return speakers.of(String(value));
    case "channel-index":
      return Number(value) - 1;
    case "language":
      return gladiaLanguage(String(value));
    case "upper-case":
      return String(value).toUpperCase();
    case "lower-case":
      return String(value).toLowerCase();
  }
}

const toSeconds = (ms: unknown) => (typeof ms === "number" ? ms / 1000 : ms);

/** One AssemblyAI item (utterance, word, chapter…) → Gladia's, field by field from ITEM_FIELDS. */
function toGladiaItem(kind: ItemKind, item: Json, transcript: Transcript, speakers: SpeakerIndex): Json {
  const out: Json = {};
  for (const [field, rule] of Object.entries(ITEM_FIELDS[kind])) {
    let value = item[rule.to ?? field];
    if (value === undefined || value === null) {
      if (rule.fill?.transcript) value = convert(getPath(transcript, rule.fill.transcript), rule.toGladia, speakers);
      value ??= rule.fill?.value;
    } else if (rule.items) {
      value = (value as Json[]).map((child) => toGladiaItem(rule.items!, child, transcript, speakers));
    } else {
      value = convert(rule.seconds ? toSeconds(value) : value, rule.toGladia, speakers);
    }
    if (value !== undefined && value !== null) out[field] = value;
  }
  return out;
}

function toGladiaItems(kind: ItemKind, items: unknown, transcript: Transcript, speakers: SpeakerIndex): Json[] {
  return (items as Json[]).map((item) => toGladiaItem(kind, item, transcript, speakers));
}

/** Without `speaker_labels` AssemblyAI has no utterances (Gladia always has): one per run of words. */
function utterancesFromWords(transcript: Transcript): TranscriptUtterance[] {
  const words = transcript.words ?? [];
  const runs: TranscriptWord[][] = [];
  for (const word of words) {
    const last = runs[runs.length - 1];
    if (last && last[0].channel === word.channel && last[0].speaker === word.speaker) last.push(word);
    else runs.push([word]);
  }
  return runs.map((run) => ({
    start: run[0].start,
    end: run[run.length - 1].end,
    confidence: run.reduce((sum, w) => sum + w.confidence, 0) / run.length,
    text: run.map((w) => w.text).join(" "),
    speaker: run[0].speaker ?? (null as unknown as string),
    ...(run[0].channel ? { channel: run[0].channel } : {}),
    words: run,
  }));
}

function envelope(results: unknown): Json {
  const isEmpty = results === "" || (Array.isArray(results) && results.length === 0);
  return { success: true, is_empty: isEmpty, exec_time: 0, error: null, results };
}

/** `translated_texts: {fr: "…"}` → `translation.results: [{languages: ["fr"], full_transcript, utterances}]`. */
function translationResults(transcript: Transcript, utterances: Json[]): PreRecordedV2TranslationResult[] | undefined {
  const texts = getPath(transcript, TRANSLATION_SOURCE.texts) as Record<string, string> | null | undefined;
  if (!texts) return undefined;
  const sourceUtterances = (transcript.utterances ?? []) as unknown as Json[];
  return Object.entries(texts).map(([language, text]) => ({
    error: null,
    full_transcript: text,
    languages: [language],
    utterances: sourceUtterances.flatMap((source, i) => {
      const translated = (source[TRANSLATION_SOURCE.utteranceTexts] as Record<string, string> | undefined)?.[language];
      return translated === undefined ? [] : [{ ...(utterances[i] as unknown as PreRecordedV2Utterance), text: translated, language, words: [] }];
    }),
  }));
}

function subtitleList(subtitles: GladiaResultExtras["subtitles"]): PreRecordedV2Subtitle[] | undefined {
  if (!subtitles) return undefined;
  const list = Object.entries(subtitles).filter(([, text]) => typeof text === "string");
  return list.length ? list.map(([format, text]) => ({ format: format as PreRecordedV2SubtitlesFormat, subtitles: text as string })) : undefined;
}

/** A completed AssemblyAI transcript as a Gladia `job.result`. */
export function toGladiaResult(transcript: Transcript, extras: GladiaResultExtras = {}): PreRecordedV2TranscriptionResult {
  const speakers = new SpeakerIndex();
  const source: Transcript = transcript.utterances ? transcript : { ...transcript, utterances: utterancesFromWords(transcript) };
  const result: Json = {};
  for (const rule of RESULT_PATHS) {
    if (rule.legacy || !rule.assemblyai || rule.gladia[0] !== "result") continue;
    let value = getPath(source, rule.assemblyai);
    if (value === undefined || value === null) continue;
    if (rule.items) value = toGladiaItems(rule.items, value, source, speakers);
    value = rule.wrapInArray ? [convert(value, rule.toGladia, speakers)] : convert(value, rule.toGladia, speakers);
    const [, addon] = rule.gladia;
    if (ADDON_KEYS.includes(addon)) setPath(result, rule.gladia.slice(1, 2), envelope(value));
    else setPath(result, rule.gladia.slice(1), value);
  }
  for (const fill of RESULT_FILLS) {
    const value = fill.from ? getPath(transcript, fill.from) : undefined;
    setPath(result, fill.gladia.slice(1), value ?? fill.value);
  }
  const translations = translationResults(transcript, getPath(result, ["transcription", "utterances"]) as Json[]);
  if (translations) result.translation = envelope(translations);
  const subtitles = subtitleList(extras.subtitles);
  if (subtitles) setPath(result, ["transcription", "subtitles"], subtitles);
  // Gladia's SDK types `transcription.sentences` as add-on envelopes of sentence strings.
  if (extras.sentences) setPath(result, ["transcription", "sentences"], [envelope(extras.sentences)]);
  return result as unknown as PreRecordedV2TranscriptionResult;
}

const GLADIA_STATUS: Record<string, PreRecordedV2Status> = Object.fromEntries(
  Object.entries(STATUS_MAP).map(([gladia, assemblyai]) => [assemblyai, gladia as PreRecordedV2Status]),
);

/**
 * Gladia's `error_code` is the integer HTTP code of a failed job; AssemblyAI reports a failure as a
 * message only. A failed job therefore gets 500 (server-side failure, the usual case: bad audio,
 * download error…), and the AssemblyAI message goes to `post_session_metadata.error`, Gladia's
 * free-form debugging object.
 */
export const FAILED_JOB_ERROR_CODE = 500;

/** A Gladia job's fields without `result` (also used for list items, which carry no result). */
export function gladiaJobFields(transcript: Transcript, request?: Json): Omit<PreRecordedV2Response, "result"> {
  const status = GLADIA_STATUS[transcript.status] ?? (transcript.status as PreRecordedV2Status);
  const failed = status === "error";
  const { custom_metadata, ...requestParams } = request ?? {};
  return {
    id: transcript.id,
    request_id: transcript.id,
    version: 2,
    status,
    created_at: null,
    completed_at: null,
    ...(custom_metadata ? { custom_metadata: custom_metadata as Record<string, unknown> } : {}),
    error_code: failed ? FAILED_JOB_ERROR_CODE : null,
    post_session_metadata: failed ? { error: transcript.error ?? "" } : {},
    kind: "pre-recorded",
    file: {
      id: transcript.id,
      filename: null,
      source: transcript.audio_url ?? null,
      audio_duration: transcript.audio_duration ?? null,
      number_of_channels: transcript.audio_channels ?? 1,
    },
    request_params: request ? ({ ...requestParams, audio_url: transcript.audio_url } as PreRecordedV2Response["request_params"]) : null,
  };
}

/** An AssemblyAI transcript (any status) as a Gladia job (`GET /v2/pre-recorded/{id}`); `result` once done. */
export function toGladiaJob(transcript: Transcript, extras: GladiaJobExtras = {}): PreRecordedV2Response {
  const job = gladiaJobFields(transcript, extras.request);
  return { ...job, result: job.status === "done" ? toGladiaResult(transcript, extras) : null };
}
