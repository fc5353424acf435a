import { request } from "node:http";
import { text } from "node:stream/consumers";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startGladiaEmulator } from "./gladia.js";
import type { Emulator } from "./emulator.js";
import { recording } from "./recording.js";
import type { Delivery } from "./http-kit.js";
import { makeWav } from "../support/wav.js";
import { startReceiver, type Receiver } from "../support/receiver.js";
import { createApiCaller } from "../support/api-client.js";

let emu: Emulator;
let receiver: Receiver;
const AUDIO = "https://files.example.com/call.wav";

beforeAll(async () => {
  emu = await startGladiaEmulator({ apiKey: "g-key" });
  receiver = await startReceiver();
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});
// Every response and callback the emulator sent during each test validated against the spec.
afterEach(() => expect(emu.violations).toEqual([]));

const call = createApiCaller(() => emu.url, "x-gladia-key", "g-key");

async function createJob(body: Record<string, unknown>, path = "/v2/pre-recorded") {
  const res = await call(path, { method: "POST", json: body });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; result_url: string };
}

async function pollUntilFinal(id: string) {
  const statuses: string[] = [];
  for (let i = 0; i < 10; i++) {
    const job = await (await call(`/v2/pre-recorded/${id}`)).json();
    statuses.push(job.status);
    if (job.status === "done" || job.status === "error") return { job, statuses };
  }
  throw new Error(`job ${id} never finished: ${statuses.join(",")}`);
}

async function waitForDelivery(matches: (d: Delivery) => boolean): Promise<Delivery> {
  for (let n = 1; ; n++) {
    const found = (await emu.waitForDeliveries(n)).find(matches);
    if (found) return found;
  }
}

function uploadForm(field: string, bytes: Buffer, filename = "call.wav") {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type: "audio/wav" }), filename);
  return form;
}

describe("auth and routing", () => {
  it("answers 401 in Gladia's error shape on a missing or wrong x-gladia-key", async () => {
    for (const key of [null, "wrong"]) {
      const res = await call("/v2/pre-recorded", { method: "POST", json: { audio_url: AUDIO }, key });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ statusCode: 401, path: "/v2/pre-recorded", message: expect.any(String) });
    }
    expect((await call("/v2/upload", { method: "POST", body: uploadForm("audio", makeWav()), key: "wrong" })).status).toBe(401);
  });

  it("answers 404 for unknown job ids and unknown paths", async () => {
    const res = await call("/v2/pre-recorded/00000000-0000-4000-8000-000000000000");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ statusCode: 404 });
    expect((await call("/v2/transcription/nope", { method: "DELETE" })).status).toBe(404);
    expect((await call("/v3/whatever")).status).toBe(404);
  });
});

describe("request validation against the spec", () => {
  it.each([
    ["a wrongly typed flag", { audio_url: AUDIO, diarization: "yes" }, "diarization"],
    ["an unknown language code", { audio_url: AUDIO, language_config: { languages: ["klingon"] } }, "languages"],
    ["a missing audio_url", { diarization: true }, "audio_url"],
    ["a non-URI audio_url", { audio_url: "not a url" }, "audio_url"],
    ["a deprecated field of the wrong type", { audio_url: AUDIO, language: 42 }, "language"],
    ["an invalid subtitles format", { audio_url: AUDIO, subtitles: true, subtitles_config: { formats: ["txt"] } }, "formats"],
  ])("rejects %s with 400 and validation_errors", async (_label, body, field) => {
    const res = await call("/v2/pre-recorded", { method: "POST", json: body });
    expect(res.status).toBe(400);
    const error = await res.json();
    expect(error).toMatchObject({ statusCode: 400, validation_errors: expect.any(Array) });
    expect(error.validation_errors.join(" ")).toContain(field);
  });

  it("rejects a body that is not JSON", async () => {
    const res = await call("/v2/pre-recorded", { method: "POST", body: "audio_url=x", headers: { "content-type": "text/plain" } });
    expect(res.status).toBe(400);
  });

  it("accepts deprecated fields of the 2026-03-20 spec and honours them", async () => {
    const { id } = await createJob({ audio_url: AUDIO, detect_language: false, language: "fr", chapterization: true, context_prompt: "a call" });
    const { job } = await pollUntilFinal(id);
    expect(job.result.transcription.languages).toEqual(["fr"]);
    expect(job.result.chapterization.results[0]).toMatchObject({ headline: expect.any(String), start: 0.21 });
  });
});

describe("upload", () => {
  it("takes multipart field `audio` and returns audio_url + audio_metadata", async () => {
    const wav = makeWav();
    const res = await call("/v2/upload", { method: "POST", body: uploadForm("audio", wav, "call.wav") });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.audio_url).toMatch(/^https:\/\/api\.gladia\.io\/file\/[0-9a-f-]{36}$/);
    expect(body.audio_metadata).toMatchObject({ filename: "call.wav", extension: "wav", size: wav.length, number_of_channels: 1 });
  });

  it("rejects a multipart body without the `audio` field, and raw bytes", async () => {
    const wrongField = await call("/v2/upload", { method: "POST", body: uploadForm("file", makeWav()) });
    expect(wrongField.status).toBe(400);
    const raw = await call("/v2/upload", { method: "POST", body: new Uint8Array(makeWav()), headers: { "content-type": "application/octet-stream" } });
    expect(raw.status).toBe(400);
    expect((await raw.json()).message).toContain("multipart");
  });

  it("takes JSON {audio_url} and re-hosts the file", async () => {
    const res = await call("/v2/upload", { method: "POST", json: { audio_url: AUDIO } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ audio_url: expect.stringContaining("/file/"), audio_metadata: { filename: "call.wav", source: AUDIO } });
  });

  it("transcribes an uploaded file", async () => {
    const { audio_url } = await (await call("/v2/upload", { method: "POST", body: uploadForm("audio", makeWav()) })).json();
    const { id } = await createJob({ audio_url });
    const { job } = await pollUntilFinal(id);
    expect(job.status).toBe("done");
    expect(job.file).toMatchObject({ filename: "call.wav", source: null });
  });
});

describe("job lifecycle", () => {
  it("goes queued → processing → done, driven by GETs, and returns result_url in the create family", async () => {
    const { id, result_url } = await createJob({ audio_url: AUDIO }, "/v2/transcription");
    expect(result_url).toBe(`${emu.url}/v2/transcription/${id}`);
    const { job, statuses } = await pollUntilFinal(id);
    expect(statuses).toEqual(["queued", "processing", "done"]);
    expect(job).toMatchObject({ id, kind: "pre-recorded", version: 2, error_code: null, completed_at: expect.any(String) });
    expect(job.result.transcription.full_transcript).toMatch(/^Hello Maria, thanks/);
    expect(job.result.metadata.audio_duration).toBe(12);
  });

  it("makes pollsBeforeDone configurable", async () => {
    const fast = await startGladiaEmulator({ apiKey: "k", pollsBeforeDone: 0 });
    try {
      const create = await fetch(`${fast.url}/v2/pre-recorded`, {
        method: "POST",
        headers: { "x-gladia-key": "k", "content-type": "application/json" },
        body: JSON.stringify({ audio_url: AUDIO }),
      });
      const { id } = await create.json();
      const job = await (await fetch(`${fast.url}/v2/pre-recorded/${id}`, { headers: { "x-gladia-key": "k" } })).json();
      expect(job.status).toBe("done");
      expect(fast.violations).toEqual([]);
    } finally {
      await fast.close();
    }
  });

  it("builds URLs from the Host the client used (https for api.gladia.io)", async () => {
    // fetch() cannot override Host, node:http can.
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(`${emu.url}/v2/pre-recorded`, {
        method: "POST",
        headers: { "x-gladia-key": "g-key", "content-type": "application/json", host: "api.gladia.io" },
      });
      req.on("response", async (res) => resolve((await text(res)) as string)).on("error", reject);
      req.end(JSON.stringify({ audio_url: AUDIO }));
    });
    const { id, result_url } = JSON.parse(body);
    expect(result_url).toBe(`https://api.gladia.io/v2/pre-recorded/${id}`);
  });

  it("fails jobs whose audio cannot be downloaded or decoded", async () => {
    const download = await pollUntilFinal((await createJob({ audio_url: "https://files.example.com/fail.wav" })).id);
    expect(download.statuses).toEqual(["queued", "processing", "error"]);
    expect(download.job).toMatchObject({ status: "error", error_code: 400, result: null, file: null });

    const form = uploadForm("audio", Buffer.from("definitely not audio, just text"), "notes.txt");
    const { audio_url } = await (await call("/v2/upload", { method: "POST", body: form })).json();
    const transcoding = await pollUntilFinal((await createJob({ audio_url })).id);
    expect(transcoding.job).toMatchObject({ status: "error", error_code: 422 });

    const foreign = await pollUntilFinal((await createJob({ audio_url: "https://cdn.assemblyai.com/upload/abc" })).id);
    expect(foreign.job.status).toBe("error");
  });

  it("deletes only finished jobs (403 before), with 202 and no body, then 404", async () => {
    const { id } = await createJob({ audio_url: AUDIO });
    expect((await call(`/v2/pre-recorded/${id}`, { method: "DELETE" })).status).toBe(403);
    await pollUntilFinal(id);
    const res = await call(`/v2/pre-recorded/${id}`, { method: "DELETE" });
    expect(res.status).toBe(202);
    expect(await res.text()).toBe("");
    expect((await call(`/v2/pre-recorded/${id}`)).status).toBe(404);
  });

  it("lists jobs with offset/limit/status and rejects invalid query parameters", async () => {
    const own = await startGladiaEmulator({ apiKey: "k", pollsBeforeDone: 0 });
    try {
      const headers = { "x-gladia-key": "k", "content-type": "application/json" };
      const ids: string[] = [];
      for (const audio_url of [AUDIO, AUDIO, "https://x.example.com/fail.wav"]) {
        const { id } = await (await fetch(`${own.url}/v2/pre-recorded`, { method: "POST", headers, body: JSON.stringify({ audio_url }) })).json();
        ids.push(id);
      }
      await fetch(`${own.url}/v2/pre-recorded/${ids[0]}`, { headers });
      const page = await (await fetch(`${own.url}/v2/pre-recorded?offset=0&limit=2`, { headers })).json();
      expect(page.items.map((j: { id: string }) => j.id)).toEqual([ids[2], ids[1]]);
      expect(page.next).toContain("offset=2");
      const done = await (await fetch(`${own.url}/v2/transcription?status=done`, { headers })).json();
      expect(done.items.map((j: { id: string }) => j.id)).toEqual([ids[0]]);
      expect(done.next).toBeNull();
      expect((await fetch(`${own.url}/v2/pre-recorded?limit=zero`, { headers })).status).toBe(400);
      expect(own.violations).toEqual([]);
    } finally {
      await own.close();
    }
  });
});

describe("result shapes", () => {
  it("uses float seconds, integer channels, and speakers only with diarization", async () => {
    const plain = (await pollUntilFinal((await createJob({ audio_url: AUDIO })).id)).job.result.transcription;
    expect(plain.utterances).toHaveLength(3);
    expect(plain.utterances[0]).toMatchObject({ start: 0.21, end: 3.12, channel: 0, language: "en", text: "Hello Maria, thanks for joining the call today." });
    expect(plain.utterances[0]).not.toHaveProperty("speaker");
    expect(plain.utterances[0].words[0]).toEqual({ word: "Hello", start: 0.21, end: 0.52, confidence: 0.99 });

    const diarized = (await pollUntilFinal((await createJob({ audio_url: AUDIO, diarization: true })).id)).job.result.transcription;
    expect(diarized.utterances.map((u: { speaker: number }) => u.speaker)).toEqual([0, 1, 0]);
  });

  it("adds add-on results in envelopes only when requested", async () => {
    const plain = (await pollUntilFinal((await createJob({ audio_url: AUDIO })).id)).job.result;
    expect(Object.keys(plain).sort()).toEqual(["metadata", "transcription"]);

    const body = {
      audio_url: AUDIO,
      summarization: true,
      summarization_config: { type: "bullet_points" },
      named_entity_recognition: true,
      sentiment_analysis: true,
      translation: true,
      translation_config: { target_languages: ["fr", "es"] },
      sentences: true,
      subtitles: true,
      subtitles_config: { formats: ["srt", "vtt"] },
      audio_to_llm: true,
      audio_to_llm_config: { prompts: ["Who speaks?"] },
    };
    const result = (await pollUntilFinal((await createJob(body)).id)).job.result;
    const envelope = { success: true, is_empty: false, error: null };
    expect(result.summarization).toMatchObject({ ...envelope, results: expect.stringMatching(/^- Maria/) });
    expect(result.named_entity_recognition.results).toContainEqual({ entity_type: "EMAIL_ADDRESS", text: "maria@example.com", start: 6.18, end: 7.64 });
    expect(JSON.parse(result.sentiment_analysis.results)[0]).toMatchObject({ sentiment: "positive", emotion: "contentment", start: 0.21 });
    expect(result.translation.results.map((r: { languages: string[] }) => r.languages[0])).toEqual(["fr", "es"]);
    expect(result.translation.results[0].full_transcript).toMatch(/^Bonjour Maria/);
    expect(result.transcription.sentences[0].results).toHaveLength(4);
    expect(result.transcription.subtitles.map((s: { format: string }) => s.format)).toEqual(["srt", "vtt"]);
    expect(result.transcription.subtitles[0].subtitles).toMatch(/^1\n00:00:00,210 --> 00:00:03,120\nHello Maria/);
    expect(result.audio_to_llm.results[0].results).toEqual({ prompt: "Who speaks?", response: expect.any(String) });
  });

  it("echoes custom_metadata and request_params", async () => {
    const { job } = await pollUntilFinal((await createJob({ audio_url: AUDIO, diarization: true, custom_metadata: { user: "u1" } })).id);
    expect(job.custom_metadata).toEqual({ user: "u1" });
    expect(job.request_params).toEqual({ audio_url: AUDIO, diarization: true });
  });
});

describe("response validation", () => {
  it("records a violation and answers 500 when its own response breaks the spec", async () => {
    // A recording with a negative channel: Gladia's UtteranceDTO.channel has minimum 0.
    const [first, ...rest] = recording.utterances;
    const broken = await startGladiaEmulator({ apiKey: "k", pollsBeforeDone: 0, recording: { ...recording, utterances: [{ ...first, channel: -1 }, ...rest] } });
    try {
      const headers = { "x-gladia-key": "k", "content-type": "application/json" };
      const { id } = await (await fetch(`${broken.url}/v2/pre-recorded`, { method: "POST", headers, body: JSON.stringify({ audio_url: AUDIO }) })).json();
      const res = await fetch(`${broken.url}/v2/pre-recorded/${id}`, { headers });
      expect(res.status).toBe(500);
      expect(broken.violations.join()).toContain("/result/transcription/utterances/0/channel must be >= 0");
    } finally {
      await broken.close();
    }
  });
});

describe("callbacks and webhooks", () => {
  it("delivers callback_config callbacks with the full result, honouring the method", async () => {
    const start = receiver.received.length;
    const { id } = await createJob({
      audio_url: AUDIO,
      callback: true,
      callback_config: { url: `${receiver.url}/gladia`, method: "PUT" },
      custom_metadata: { order: 7 },
    });
    const [received] = (await receiver.waitFor(start + 1)).slice(start);
    expect(received.method).toBe("PUT");
    expect(received.body).toMatchObject({ id, event: "transcription.success", custom_metadata: { order: 7 } });
    expect((received.body as { payload: { transcription: { full_transcript: string } } }).payload.transcription.full_transcript).toMatch(/^Hello/);
    // Callback jobs are finished without polling.
    expect((await (await call(`/v2/pre-recorded/${id}`)).json()).status).toBe("done");
  });

  it("delivers the deprecated callback_url and error callbacks", async () => {
    const start = receiver.received.length;
    const { id } = await createJob({ audio_url: "https://files.example.com/fail.mp3", callback_url: `${receiver.url}/legacy` });
    const [received] = (await receiver.waitFor(start + 1)).slice(start);
    expect(received).toMatchObject({ method: "POST", path: "/legacy" });
    expect(received.body).toEqual({ id, event: "transcription.error", error: { code: 400, message: expect.any(String) } });
  });

  it("does not call back without `callback: true`, nor non-local URLs", async () => {
    const quiet = await createJob({ audio_url: AUDIO, callback_config: { url: `${receiver.url}/quiet` } });
    await pollUntilFinal(quiet.id);
    expect(emu.deliveries.filter((d) => d.url.endsWith("/quiet"))).toEqual([]);
    await createJob({ audio_url: AUDIO, callback: true, callback_config: { url: "https://hooks.example.com/x" } });
    const delivery = await waitForDelivery((d) => d.url.startsWith("https://hooks.example.com"));
    expect(delivery).toMatchObject({ url: "https://hooks.example.com/x", error: expect.stringContaining("127.0.0.1") });
  });

  it("sends account-level webhooks {event, payload: {id}} when configured", async () => {
    const own = await startGladiaEmulator({ apiKey: "k", pollsBeforeDone: 0, webhookUrl: `${receiver.url}/account` });
    try {
      const start = receiver.received.length;
      const headers = { "x-gladia-key": "k", "content-type": "application/json" };
      const { id } = await (await fetch(`${own.url}/v2/pre-recorded`, { method: "POST", headers, body: JSON.stringify({ audio_url: AUDIO }) })).json();
      await fetch(`${own.url}/v2/pre-recorded/${id}`, { headers });
      const got = (await receiver.waitFor(start + 2)).slice(start).map((r) => r.body);
      expect(got).toEqual([
        { event: "transcription.created", payload: { id } },
        { event: "transcription.success", payload: { id } },
      ]);
      expect(own.violations).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
