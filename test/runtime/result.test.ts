import type { Transcript } from "assemblyai";
import { describe, expect, it } from "vitest";
import { FAILED_JOB_ERROR_CODE, toGladiaJob, toGladiaResult } from "../../src/runtime/result.js";

// A realistic completed AssemblyAI transcript (speaker labels, chapters, entities, summary,
// sentiment, translation) → the Gladia `result` a code base reading Gladia JSON expects.

const word = (text: string, start: number, end: number, speaker: string | null, confidence = 0.9) => ({ text, start, end, confidence, speaker });

function transcript(overrides: Partial<Transcript> = {}): Transcript {
  return {
    id: "5551722-f677-48a4-9a95-9b6f8a2e1d34",
    status: "completed",
    audio_url: "https://cdn.assemblyai.com/upload/abc",
    text: "Hello there. Hi, how are you?",
    language_code: "en_us",
    audio_duration: 12,
    confidence: 0.93,
    speaker_labels: true,
    words: [word("Hello", 240, 610, "B"), word("there.", 620, 1100, "B"), word("Hi,", 1500, 1800, "A"), word("how", 1810, 1950, "A"), word("are", 1960, 2100, "A"), word("you?", 2110, 2500, "A")],
    utterances: [
      { speaker: "B", text: "Hello there.", start: 240, end: 1100, confidence: 0.95, words: [word("Hello", 240, 610, "B"), word("there.", 620, 1100, "B")] },
      { speaker: "A", text: "Hi, how are you?", start: 1500, end: 2500, confidence: 0.91, words: [word("Hi,", 1500, 1800, "A"), word("how", 1810, 1950, "A"), word("are", 1960, 2100, "A"), word("you?", 2110, 2500, "A")] },
    ],
    chapters: [{ gist: "Greetings", headline: "Two people greet each other", summary: "They say hello.", start: 240, end: 2500 }],
    entities: [{ entity_type: "person_name", text: "Ada", start: 1500, end: 1800 }],
    summary: "- A greeting",
    sentiment_analysis_results: [{ text: "Hello there.", start: 240, end: 1100, sentiment: "POSITIVE", confidence: 0.8, speaker: "B" }],
    ...overrides,
  } as Transcript;
}

describe("toGladiaResult", () => {
  const result = toGladiaResult(transcript());
  const utterances = result.transcription!.utterances;

  it("text → full_transcript, [language_code] → languages (ISO 639-1)", () => {
    expect(result.transcription!.full_transcript).toBe("Hello there. Hi, how are you?");
    expect(result.transcription!.languages).toEqual(["en"]);
  });

  it("utterances: ms → seconds, speaker letters → integers in order of appearance, channel 0, language", () => {
    expect(utterances).toEqual([
      { start: 0.24, end: 1.1, speaker: 0, channel: 0, language: "en", text: "Hello there.", confidence: 0.95, words: [
        { word: "Hello", start: 0.24, end: 0.61, confidence: 0.9 },
        { word: "there.", start: 0.62, end: 1.1, confidence: 0.9 },
      ] },
      expect.objectContaining({ start: 1.5, end: 2.5, speaker: 1, channel: 0, text: "Hi, how are you?" }),
    ]);
    expect(utterances[1].words.map((w) => w.word)).toEqual(["Hi,", "how", "are", "you?"]);
  });

  it("metadata: audio_duration in seconds, one channel", () => {
    expect(result.metadata).toEqual({ audio_duration: 12, number_of_distinct_channels: 1, billing_time: 12, transcription_time: 0 });
  });

  it("add-ons come in Gladia envelopes", () => {
    const envelope = { success: true, is_empty: false, exec_time: 0, error: null };
    expect(result.summarization).toEqual({ ...envelope, results: "- A greeting" });
    expect(result.chapterization).toEqual({ ...envelope, results: [{ headline: "Two people greet each other", gist: "Greetings", summary: "They say hello.", keywords: [], start: 0.24, end: 2.5 }] });
    expect(result.named_entity_recognition).toEqual({ ...envelope, results: [{ entity_type: "PERSON_NAME", text: "Ada", start: 1.5, end: 1.8 }] });
    expect(result.sentiment_analysis).toEqual({ ...envelope, results: [{ text: "Hello there.", sentiment: "positive", start: 0.24, end: 1.1, speaker: 0, channel: 0 }] });
  });

  it("leaves out add-ons that were not requested (null on the transcript)", () => {
    const plain = toGladiaResult(transcript({ chapters: null, entities: null, summary: null, sentiment_analysis_results: null }));
    expect(Object.keys(plain).sort()).toEqual(["metadata", "transcription"]);
  });

  it("multichannel: channel \"2\" → 1, speakers \"2A\"/\"1A\" numbered by appearance", () => {
    const multi = toGladiaResult(transcript({
      audio_channels: 2,
      utterances: [
        { speaker: "2A", channel: "2", text: "Right.", start: 0, end: 500, confidence: 1, words: [] },
        { speaker: "1A", channel: "1", text: "Left.", start: 600, end: 900, confidence: 1, words: [] },
      ],
    }));
    expect(multi.transcription!.utterances.map((u) => [u.channel, u.speaker])).toEqual([[1, 0], [0, 1]]);
    expect(multi.metadata.number_of_distinct_channels).toBe(2);
  });

  it("without speaker labels builds utterances from the words, with no speaker", () => {
    const words = [word("One", 0, 300, null), word("two.", 310, 700, null)];
    const [only, ...rest] = toGladiaResult(transcript({ utterances: null, speaker_labels: false, words })).transcription!.utterances;
    expect(rest).toEqual([]);
    expect(only).toEqual({ start: 0, end: 0.7, channel: 0, language: "en", text: "One two.", confidence: 0.9, words: [
      { word: "One", start: 0, end: 0.3, confidence: 0.9 },
      { word: "two.", start: 0.31, end: 0.7, confidence: 0.9 },
    ] });
  });

  it("translated_texts → translation.results, one per language, with translated utterances", () => {
    const t = transcript({
      translated_texts: { fr: "Bonjour. Salut, ça va ?" },
      utterances: [{ ...transcript().utterances![0], translated_texts: { fr: "Bonjour." } } as never, transcript().utterances![1]],
    } as Partial<Transcript>);
    const [fr] = toGladiaResult(t).translation!.results!;
    expect(fr).toMatchObject({ error: null, full_transcript: "Bonjour. Salut, ça va ?", languages: ["fr"] });
    expect(fr.utterances).toEqual([expect.objectContaining({ text: "Bonjour.", language: "fr", speaker: 0, start: 0.24 })]);
  });

  it("subtitles from extras", () => {
    const withSubs = toGladiaResult(transcript(), { subtitles: { srt: "1\n00:00:00,240 --> 00:00:01,100\nHello there.\n", vtt: "WEBVTT\n" } });
    expect(withSubs.transcription!.subtitles).toEqual([
      { format: "srt", subtitles: "1\n00:00:00,240 --> 00:00:01,100\nHello there.\n" },
      { format: "vtt", subtitles: "WEBVTT\n" },
    ]);
    expect(result.transcription!.subtitles).toBeUndefined();
  });

  it("sentences from extras, in Gladia's envelope", () => {
    const withSentences = toGladiaResult(transcript(), { sentences: ["Hello there.", "Hi, how are you?"] });
    expect(withSentences.transcription!.sentences).toEqual([{ success: true, is_empty: false, exec_time: 0, error: null, results: ["Hello there.", "Hi, how are you?"] }]);
  });
});

describe("toGladiaJob", () => {
  it("completed → done, with the result", () => {
    const job = toGladiaJob(transcript());
    expect(job).toMatchObject({ id: transcript().id, status: "done", kind: "pre-recorded", error_code: null, version: 2 });
    expect(job.result!.transcription!.full_transcript).toBe("Hello there. Hi, how are you?");
    expect(job.file).toMatchObject({ source: "https://cdn.assemblyai.com/upload/abc", audio_duration: 12, number_of_channels: 1 });
  });

  it.each([["queued", "queued"], ["processing", "processing"]] as const)("%s → %s, no result", (status, gladia) => {
    const job = toGladiaJob(transcript({ status, text: null, words: null, utterances: null }));
    expect(job.status).toBe(gladia);
    expect(job.result).toBeNull();
  });

  it("error → error_code 500, message in post_session_metadata.error", () => {
    const job = toGladiaJob(transcript({ status: "error", error: "Download error, unable to download https://x/a.mp3", text: null }));
    expect(job).toMatchObject({ status: "error", error_code: FAILED_JOB_ERROR_CODE, post_session_metadata: { error: "Download error, unable to download https://x/a.mp3" }, result: null });
  });

  it("echoes the Gladia request and custom_metadata when given", () => {
    const job = toGladiaJob(transcript(), { request: { audio_url: "local", diarization: true, custom_metadata: { user: 1 } } });
    expect(job.request_params).toEqual({ audio_url: "https://cdn.assemblyai.com/upload/abc", diarization: true });
    expect(job.custom_metadata).toEqual({ user: 1 });
  });
});
