import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startAssemblyAIEmulator } from "./assemblyai.js";
import type { Emulator } from "./emulator.js";
import { recording } from "./recording.js";
import { makeWav } from "../support/wav.js";
import { startReceiver, type Receiver } from "../support/receiver.js";
import { createApiCaller } from "../support/api-client.js";

let emu: Emulator;
let receiver: Receiver;
const AUDIO = "https://files.example.com/call.wav";

beforeAll(async () => {
  emu = await startAssemblyAIEmulator({ apiKey: "a-key" });
  receiver = await startReceiver();
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});
// Every response and webhook the emulator sent during each test validated against the spec.
afterEach(() => expect(emu.violations).toEqual([]));

const call = createApiCaller(() => emu.url, "authorization", "a-key");

async function submit(body: Record<string, unknown>) {
  const res = await call("/v2/transcript", { method: "POST", json: body });
  expect(res.status).toBe(200);
  return res.json();
}

async function pollUntilFinal(id: string) {
  const statuses: string[] = [];
  for (let i = 0; i < 10; i++) {
    const transcript = await (await call(`/v2/transcript/${id}`)).json();
    statuses.push(transcript.status);
    if (transcript.status === "completed" || transcript.status === "error") return { transcript, statuses };
  }
  throw new Error(`transcript ${id} never finished: ${statuses.join(",")}`);
}

const transcribe = async (body: Record<string, unknown>) => (await pollUntilFinal((await submit(body)).id)).transcript;

describe("auth and routing", () => {
  it.each([
    ["missing", null],
    ["wrong", "nope"],
    ["Bearer-prefixed", "Bearer a-key"],
  ])("answers 401 {error} on a %s authorization header", async (_label, key) => {
    const res = await call("/v2/transcript", { method: "POST", json: { audio_url: AUDIO }, key });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: expect.any(String) });
  });

  it("answers 404 for unknown transcripts and paths", async () => {
    const res = await call("/v2/transcript/00000000-0000-4000-8000-000000000000");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: expect.any(String) });
    expect((await call("/v2/transcript/nope/sentences")).status).toBe(404);
    expect((await call("/v2/pre-recorded")).status).toBe(404);
  });
});

describe("request validation against the spec", () => {
  it.each([
    ["a Gladia-only parameter", { audio_url: AUDIO, diarization: true }, "diarization"],
    ["a wrongly typed flag", { audio_url: AUDIO, speaker_labels: "yes" }, "speaker_labels"],
    ["a missing audio_url", { speaker_labels: true }, "audio_url"],
    ["an unknown summary_type", { audio_url: AUDIO, summarization: true, summary_type: "general" }, "summary_type"],
    ["translation without target_languages", { audio_url: AUDIO, speech_understanding: { request: { translation: {} } } }, "target_languages"],
  ])("rejects %s with 400 {error}", async (_label, body, field) => {
    const res = await call("/v2/transcript", { method: "POST", json: body });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toContain(field);
  });

  it("accepts a body without speech_models (optional since June 2026)", async () => {
    const transcript = await submit({ audio_url: AUDIO, language_detection: true });
    expect(transcript).toMatchObject({ status: "queued", speech_models: null, audio_url: AUDIO });
  });
});

describe("upload", () => {
  it("takes raw bytes and returns {upload_url}", async () => {
    const res = await call("/v2/upload", { method: "POST", body: new Uint8Array(makeWav()), headers: { "content-type": "application/octet-stream" } });
    expect(res.status).toBe(200);
    const { upload_url } = await res.json();
    expect(upload_url).toMatch(/^https:\/\/cdn\.assemblyai\.com\/upload\/[0-9a-f-]{36}$/);
    expect((await transcribe({ audio_url: upload_url })).status).toBe("completed");
  });

  it("rejects multipart and JSON uploads (a leftover Gladia upload), and empty bodies", async () => {
    const form = new FormData();
    form.append("audio", new Blob([new Uint8Array(makeWav())]), "call.wav");
    const multipart = await call("/v2/upload", { method: "POST", body: form });
    expect(multipart.status).toBe(400);
    expect((await multipart.json()).error).toContain("multipart/form-data");
    expect((await call("/v2/upload", { method: "POST", json: { audio_url: AUDIO } })).status).toBe(400);
    expect((await call("/v2/upload", { method: "POST" })).status).toBe(400);
  });
});

describe("transcript lifecycle", () => {
  it("goes queued → processing → completed, driven by GETs", async () => {
    const created = await submit({ audio_url: AUDIO });
    expect(created).toMatchObject({ status: "queued", text: null, words: null });
    const { transcript, statuses } = await pollUntilFinal(created.id);
    expect(statuses).toEqual(["queued", "processing", "completed"]);
    expect(transcript.text).toMatch(/^Hello Maria, thanks/);
    expect(transcript).toMatchObject({ audio_duration: 12, language_code: "en_us", speech_model_used: expect.any(String) });
  });

  it("fails transcripts whose audio cannot be downloaded or transcoded", async () => {
    const { transcript, statuses } = await pollUntilFinal((await submit({ audio_url: "https://files.example.com/fail.wav" })).id);
    expect(statuses).toEqual(["queued", "processing", "error"]);
    expect(transcript).toMatchObject({ status: "error", error: expect.stringContaining("Download error"), text: null });

    const { upload_url } = await (await call("/v2/upload", { method: "POST", body: "just some text" })).json();
    expect((await transcribe({ audio_url: upload_url })).error).toContain("Transcoding failed");
    // A Gladia-hosted upload cannot be fetched by AssemblyAI.
    expect((await transcribe({ audio_url: "https://api.gladia.io/file/6c09400e-23d2-4bd2-be55-96a5ececfa3b" })).status).toBe("error");
  });

  it("deletes finished transcripts only, returning the scrubbed transcript", async () => {
    const { id } = await submit({ audio_url: AUDIO });
    expect((await call(`/v2/transcript/${id}`, { method: "DELETE" })).status).toBe(400);
    await pollUntilFinal(id);
    const res = await call(`/v2/transcript/${id}`, { method: "DELETE" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, text: "Deleted by user.", audio_url: "http://deleted_by_user", words: null });
  });

  it("lists transcripts newest first, filtered by status, and rejects invalid limits", async () => {
    const own = await startAssemblyAIEmulator({ apiKey: "k", pollsBeforeDone: 0 });
    try {
      const headers = { authorization: "k", "content-type": "application/json" };
      const post = async (audio_url: string) =>
        (await (await fetch(`${own.url}/v2/transcript`, { method: "POST", headers, body: JSON.stringify({ audio_url }) })).json()).id;
      const first = await post(AUDIO);
      const second = await post("https://x.example.com/fail.wav");
      await fetch(`${own.url}/v2/transcript/${second}`, { headers });
      const list = await (await fetch(`${own.url}/v2/transcript?limit=1`, { headers })).json();
      expect(list.transcripts.map((t: { id: string }) => t.id)).toEqual([second]);
      expect(list.transcripts[0]).toMatchObject({ status: "error", error: expect.any(String), resource_url: `${own.url}/v2/transcript/${second}` });
      expect(list.page_details).toMatchObject({ limit: 1, result_count: 1, prev_url: expect.stringContaining("before_id") });
      const queued = await (await fetch(`${own.url}/v2/transcript?status=queued`, { headers })).json();
      expect(queued.transcripts.map((t: { id: string }) => t.id)).toEqual([first]);
      expect((await fetch(`${own.url}/v2/transcript?limit=500`, { headers })).status).toBe(400);
      expect(own.violations).toEqual([]);
    } finally {
      await own.close();
    }
  });
});

describe("result shapes", () => {
  it("uses integer ms and letter speakers; utterances only with speaker_labels", async () => {
    const plain = await transcribe({ audio_url: AUDIO });
    expect(plain.utterances).toBeNull();
    expect(plain.words[0]).toEqual({ text: "Hello", start: 210, end: 520, confidence: 0.99, speaker: null });
    for (const key of ["chapters", "entities", "sentiment_analysis_results", "summary"]) expect(plain[key]).toBeNull();
    expect(plain).not.toHaveProperty("translated_texts");

    const labelled = await transcribe({ audio_url: AUDIO, speaker_labels: true, language_code: "en" });
    expect(labelled.language_code).toBe("en");
    expect(labelled.utterances.map((u: { speaker: string }) => u.speaker)).toEqual(["A", "B", "A"]);
    expect(labelled.utterances[0]).toMatchObject({ start: 210, end: 3120, text: "Hello Maria, thanks for joining the call today." });
    expect(labelled.utterances[0]).not.toHaveProperty("channel");
    expect(labelled.words[0].speaker).toBe("A");
  });

  it("fills chapters, entities, sentiments, summary and translations when requested", async () => {
    const t = await transcribe({
      audio_url: AUDIO,
      language_detection: true,
      auto_chapters: true,
      entity_detection: true,
      sentiment_analysis: true,
      summarization: true,
      summary_model: "informative",
      summary_type: "paragraph",
      speech_understanding: { request: { translation: { target_languages: ["fr", "es"] } } },
    });
    expect(t).toMatchObject({ language_code: "en", language_confidence: 0.97 });
    expect(t.chapters[0]).toEqual({ gist: "Contract request", headline: expect.any(String), summary: expect.any(String), start: 210, end: 8090 });
    expect(t.entities).toContainEqual({ entity_type: "email_address", text: "maria@example.com", start: 6180, end: 7640 });
    expect(t.sentiment_analysis_results[0]).toMatchObject({ sentiment: "POSITIVE", start: 210, speaker: null });
    expect(t.summary).toMatch(/^Maria joins a call/);
    expect(Object.keys(t.translated_texts)).toEqual(["fr", "es"]);
    expect(t.translated_texts.fr).toMatch(/^Bonjour Maria/);
  });

  it("serves srt/vtt (with chars_per_caption), sentences and paragraphs once completed", async () => {
    const { id } = await submit({ audio_url: AUDIO, speaker_labels: true });
    expect((await call(`/v2/transcript/${id}/srt`)).status).toBe(400);
    await pollUntilFinal(id);
    const srt = await call(`/v2/transcript/${id}/srt`);
    expect(srt.headers.get("content-type")).toBe("text/plain");
    expect(await srt.text()).toMatch(/^1\n00:00:00,210 --> 00:00:03,120\nHello Maria, thanks for joining the call today\.\n\n2\n/);
    const vtt = await (await call(`/v2/transcript/${id}/vtt?chars_per_caption=20`)).text();
    expect(vtt).toMatch(/^WEBVTT\n\n00:00:00\.210 --> 00:00:01\.460\nHello Maria, thanks\n/);
    expect((await call(`/v2/transcript/${id}/srt?chars_per_caption=many`)).status).toBe(400);
    expect((await call(`/v2/transcript/${id}/txt`)).status).toBe(400);

    const { sentences } = await (await call(`/v2/transcript/${id}/sentences`)).json();
    expect(sentences.map((s: { text: string }) => s.text)).toEqual([
      "Hello Maria, thanks for joining the call today.",
      "Happy to help.",
      "Send the contract to maria@example.com please.",
      "Great, I will send it before Friday.",
    ]);
    expect(sentences[1]).toMatchObject({ start: 3800, end: 4710, speaker: "B" });
    const { paragraphs } = await (await call(`/v2/transcript/${id}/paragraphs`)).json();
    expect(paragraphs).toHaveLength(3);
  });
});

describe("response validation", () => {
  it("records a violation and answers 500 when its own response breaks the spec", async () => {
    // A word confidence above 1: AssemblyAI's TranscriptWord.confidence has maximum 1.
    const [first, ...rest] = recording.utterances;
    const words = [{ ...first.words[0], confidence: 1.5 }, ...first.words.slice(1)];
    const broken = await startAssemblyAIEmulator({ apiKey: "k", pollsBeforeDone: 0, recording: { ...recording, utterances: [{ ...first, words }, ...rest] } });
    try {
      const headers = { authorization: "k", "content-type": "application/json" };
      const { id } = await (await fetch(`${broken.url}/v2/transcript`, { method: "POST", headers, body: JSON.stringify({ audio_url: AUDIO }) })).json();
      const res = await fetch(`${broken.url}/v2/transcript/${id}`, { headers });
      expect(res.status).toBe(500);
      expect(broken.violations.join()).toContain("/words/0/confidence must be <= 1");
    } finally {
      await broken.close();
    }
  });
});

describe("webhooks", () => {
  it("POSTs {transcript_id, status} with the custom auth header, and records webhook_status_code", async () => {
    const start = receiver.received.length;
    const { id } = await submit({
      audio_url: AUDIO,
      webhook_url: `${receiver.url}/aai?order=7`,
      webhook_auth_header_name: "X-Secret",
      webhook_auth_header_value: "s3cret",
    });
    const [received] = (await receiver.waitFor(start + 1)).slice(start);
    expect(received).toMatchObject({ method: "POST", path: "/aai?order=7", headers: { "x-secret": "s3cret" } });
    expect(received.body).toEqual({ transcript_id: id, status: "completed" });
    await emu.waitForDeliveries(emu.deliveries.length);
    const transcript = await (await call(`/v2/transcript/${id}`)).json();
    expect(transcript).toMatchObject({ status: "completed", webhook_auth: true, webhook_auth_header_name: "X-Secret" });
    expect(transcript).not.toHaveProperty("webhook_auth_header_value");
  });

  it("reports failed transcripts with status error", async () => {
    const start = receiver.received.length;
    const { id } = await submit({ audio_url: "https://files.example.com/fail.wav", webhook_url: `${receiver.url}/aai` });
    const [received] = (await receiver.waitFor(start + 1)).slice(start);
    expect(received.body).toEqual({ transcript_id: id, status: "error" });
  });
});
