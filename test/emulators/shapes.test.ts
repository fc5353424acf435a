import { describe, expect, it } from "vitest";
import { getSpecs } from "./specs.js";
import { recording } from "./recording.js";
import { toGladiaJob, toGladiaResult } from "./gladia-shapes.js";
import { toAssemblyAITranscript } from "./assemblyai-shapes.js";
import { renderSubtitles } from "./recording-views.js";
import type { Job } from "./jobs.js";

function makeJob<P>(params: P, extra: Partial<Job<P>> = {}): Job<P> {
  const createdAt = new Date("2026-01-01T00:00:00Z");
  return { id: "45463597-20b7-4af7-b3b3-f5fb778203ab", params, audioUrl: "https://x.example.com/a.wav", createdAt, completedAt: createdAt, polls: 3, final: true, ...extra };
}

describe("both APIs derive from the one recording", () => {
  const gladia = toGladiaResult(recording, { audio_url: "https://x.example.com/a.wav", diarization: true });
  const aai = toAssemblyAITranscript(makeJob({ audio_url: "https://x.example.com/a.wav", speaker_labels: true }), "completed", recording);

  it("has the same text, and utterances differing only in units and labels", () => {
    expect(aai.text).toBe(gladia.transcription.full_transcript);
    const utterances = aai.utterances!;
    expect(utterances).toHaveLength(gladia.transcription.utterances.length);
    gladia.transcription.utterances.forEach((g, i) => {
      const a = utterances[i];
      expect(a.text).toBe(g.text);
      expect(a.start / 1000).toBe(g.start); // exact: the recording uses at most 2 decimals
      expect(a.end / 1000).toBe(g.end);
      expect(a.speaker).toBe("AB"[g.speaker!]);
      expect(a.words.map((w) => w.text)).toEqual(g.words.map((w) => w.word));
    });
    expect(aai.audio_duration).toBe(gladia.metadata.audio_duration);
  });

  it("renders the same subtitles for both", () => {
    expect(renderSubtitles(recording, "srt")).toContain("00:00:03,800 --> 00:00:04,710\nHappy to help.");
    expect(renderSubtitles(recording, "vtt", 10).split("\n\n").length).toBeGreaterThan(renderSubtitles(recording, "vtt").split("\n\n").length);
  });
});

describe("the spec validators are live", () => {
  const { gladia, assemblyai } = getSpecs();
  const gladiaGet = gladia.getOperation("GET", "/v2/pre-recorded/{id}");
  const aaiGet = assemblyai.getOperation("GET", "/v2/transcript/{transcript_id}");
  const aaiCreate = assemblyai.getOperation("POST", "/v2/transcript");

  it("accepts the emulators' own shapes", () => {
    const job = toGladiaJob(makeJob({ audio_url: "https://x.example.com/a.wav" }), "completed", recording);
    expect(gladia.validateResponse(gladiaGet, 200, "application/json", job)).toEqual([]);
    const transcript = toAssemblyAITranscript(makeJob({ audio_url: "https://x.example.com/a.wav" }), "completed", recording);
    expect(assemblyai.validateResponse(aaiGet, 200, "application/json", transcript)).toEqual([]);
  });

  it("rejects Gladia jobs with wrong types or missing fields", () => {
    const job = toGladiaJob(makeJob({ audio_url: "https://x.example.com/a.wav", diarization: true }), "completed", recording);
    const speakerAsLetter = structuredClone(job) as any;
    speakerAsLetter.result.transcription.utterances[0].speaker = "A";
    expect(gladia.validateResponse(gladiaGet, 200, "application/json", speakerAsLetter).join()).toContain("speaker");
    const { kind: _kind, ...withoutKind } = job;
    expect(gladia.validateResponse(gladiaGet, 200, "application/json", withoutKind).join()).toContain("kind");
    expect(gladia.validateResponse(gladiaGet, 418, "application/json", job).join()).toContain("not declared");
  });

  it("rejects AssemblyAI transcripts with seconds, unknown keys or missing required fields", () => {
    const transcript = toAssemblyAITranscript(makeJob({ audio_url: "https://x.example.com/a.wav" }), "completed", recording) as any;
    expect(assemblyai.validateResponse(aaiGet, 200, "application/json", { ...transcript, words: [{ ...transcript.words[0], start: 0.21 }] }).join()).toContain("start");
    expect(assemblyai.validateResponse(aaiGet, 200, "application/json", { ...transcript, full_transcript: "x" }).join()).toContain("full_transcript");
    const { acoustic_model: _a, ...missing } = transcript;
    expect(assemblyai.validateResponse(aaiGet, 200, "application/json", missing).join()).toContain("acoustic_model");
  });

  it("makes speech_models optional and loosens nothing else in TranscriptParams", () => {
    expect(assemblyai.validateRequestBody(aaiCreate, "application/json", { audio_url: "https://x.example.com/a.wav" })).toEqual([]);
    expect(assemblyai.validateRequestBody(aaiCreate, "application/json", { speaker_labels: true }).join()).toContain("audio_url");
    expect(assemblyai.validateRequestBody(aaiCreate, "application/json", { audio_url: "https://x.example.com/a.wav", speech_model: 3 }).join()).toContain("speech_model");
    expect(assemblyai.validateRequestBody(aaiCreate, "text/plain", "x").join()).toContain("not accepted");
  });
});
