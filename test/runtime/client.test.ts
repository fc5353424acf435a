import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GladiaClient as RealGladiaClient } from "@gladiaio/sdk";
import type { PreRecordedV2InitTranscriptionRequest as GladiaRequest } from "@gladiaio/sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GladiaClient } from "../../src/runtime/client.js";
import type { PreRecordedV2Response } from "../../src/runtime/types.js";
import { startAssemblyAIEmulator } from "../emulators/assemblyai.js";
import type { Emulator } from "../emulators/emulator.js";
import { startGladiaEmulator } from "../emulators/gladia.js";
import { makeWav } from "../support/wav.js";

// The runtime client against the AssemblyAI emulator, and — for the adapter's promise — the same
// calls through the real `@gladiaio/sdk` against the Gladia emulator: the jobs must read the same.

const AUDIO = "https://files.example.com/call.wav";
const FAST = { interval: 1 };

let assemblyai: Emulator;
let gladia: Emulator;
let dir: string;
let wavPath: string;

beforeAll(async () => {
  assemblyai = await startAssemblyAIEmulator({ apiKey: "aai-key" });
  gladia = await startGladiaEmulator({ apiKey: "gladia-key" });
  dir = mkdtempSync(join(tmpdir(), "runtime-client-"));
  wavPath = join(dir, "meeting.wav");
  writeFileSync(wavPath, makeWav());
});
afterAll(async () => {
  await assemblyai.close();
  await gladia.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  expect(assemblyai.violations).toEqual([]);
  expect(gladia.violations).toEqual([]);
});

const client = (apiKey = "aai-key") => new GladiaClient({ apiKey, apiUrl: assemblyai.url }).preRecorded();
const realGladia = () => new RealGladiaClient({ apiKey: "gladia-key", apiUrl: gladia.url, httpRetry: { maxAttempts: 1 } }).preRecorded();
const lastRequest = (method: string, path: string) => [...assemblyai.requests].reverse().find((r) => r.method === method && r.path === path);

/** What code reading a Gladia job looks at, rounded where AssemblyAI's ms lose precision. */
function readable(job: PreRecordedV2Response) {
  const t = job.result!.transcription!;
  return {
    status: job.status,
    kind: job.kind,
    full_transcript: t.full_transcript,
    languages: t.languages,
    audio_duration: job.result!.metadata.audio_duration,
    utterances: t.utterances.map((u) => ({
      text: u.text,
      speaker: u.speaker,
      channel: u.channel,
      language: u.language,
      start: u.start.toFixed(2),
      end: u.end.toFixed(2),
      words: u.words.map((w) => [w.word, w.start.toFixed(2), w.end.toFixed(2)]),
    })),
  };
}

describe("GladiaClient on AssemblyAI: same jobs as @gladiaio/sdk on Gladia", () => {
  it("transcribe(url, options) reads like Gladia's job", async () => {
    const options: Omit<GladiaRequest, "audio_url"> = { diarization: true, language_config: { languages: ["en"] } };
    const ours = await client().transcribe(AUDIO, options, FAST);
    const theirs = (await realGladia().transcribe(AUDIO, options, FAST)) as unknown as PreRecordedV2Response;
    expect(readable(ours)).toEqual(readable(theirs));
    expect(ours.result!.transcription!.utterances.map((u) => u.speaker)).toEqual([0, 1, 0]);
    expect(lastRequest("POST", "/v2/transcript")!.body).toEqual({ audio_url: AUDIO, speaker_labels: true, language_code: "en" });
  });

  it("add-ons: chapters, entities and summary in Gladia envelopes", async () => {
    const options = { language_config: { languages: ["en"] }, chapterization: true, named_entity_recognition: true } as Omit<GladiaRequest, "audio_url">;
    const ours = await client().createAndPoll({ audio_url: AUDIO, ...options }, FAST);
    const theirs = (await realGladia().createAndPoll({ audio_url: AUDIO, ...options }, FAST)) as unknown as PreRecordedV2Response;
    const pick = (job: PreRecordedV2Response) => ({
      chapters: job.result!.chapterization!.results!.map((c) => [c.headline, c.gist, c.start.toFixed(2), c.end.toFixed(2)]),
      entities: job.result!.named_entity_recognition!.results!.map((e) => [e.text, e.start.toFixed(2), e.end.toFixed(2)]),
      success: [job.result!.chapterization!.success, job.result!.named_entity_recognition!.success],
    });
    expect(pick(ours)).toEqual(pick(theirs));
    const summary = await client().createAndPoll({ audio_url: AUDIO, language_config: { languages: ["en"] }, summarization: true, summarization_config: { type: "bullet_points" } }, FAST);
    expect(summary.result!.summarization).toMatchObject({ success: true, error: null, results: expect.any(String) });
  });

  it("uploadFile(path) sends raw bytes and gives Gladia's {audio_url, audio_metadata}", async () => {
    const upload = await client().uploadFile(wavPath);
    expect(upload.audio_url).toMatch(/^https:\/\/cdn\.assemblyai\.com\/upload\//);
    expect(upload.audio_metadata).toMatchObject({ filename: "meeting.wav", extension: "wav", size: makeWav().length, audio_duration: null });
    expect(lastRequest("POST", "/v2/upload")!.headers["content-type"]).toBe("application/octet-stream");
    const job = await client().transcribe(new Blob([new Uint8Array(makeWav())]), { language_config: { languages: ["en"] } }, FAST);
    expect(job.status).toBe("done");
  });

  it("uploadFile refuses URLs, like Gladia's", async () => {
    await expect(client().uploadFile(AUDIO)).rejects.toThrow("URLs are not accepted by uploadFile");
  });

  it("create → {id, result_url}; get gives queued/processing jobs without result", async () => {
    const created = await client().create({ audio_url: AUDIO });
    expect(created.result_url).toBe(`${assemblyai.url}/v2/transcript/${created.id}`);
    const first = await client().get(created.id);
    expect(first).toMatchObject({ id: created.id, kind: "pre-recorded", result: null });
    expect(["queued", "processing"]).toContain(first.status);
    const done = await client().poll(created.id, FAST);
    expect(done.request_params).toMatchObject({ audio_url: AUDIO });
  });

  it("subtitles requested in Gladia's request are fetched into the result", async () => {
    const job = await client().createAndPoll({ audio_url: AUDIO, language_config: { languages: ["en"] }, subtitles: true, subtitles_config: { formats: ["srt", "vtt"], maximum_characters_per_row: 20 } }, FAST);
    expect(job.result!.transcription!.subtitles!.map((s) => s.format)).toEqual(["srt", "vtt"]);
    expect(job.result!.transcription!.subtitles![1].subtitles).toMatch(/^WEBVTT/);
    expect(lastRequest("GET", `/v2/transcript/${job.id}/vtt`)!.query).toContain("chars_per_caption=20");
  });
});

describe("GladiaClient: what AssemblyAI does differently", () => {
  it("sentences requested in Gladia's request come from /sentences", async () => {
    const job = await client().createAndPoll({ audio_url: AUDIO, language_config: { languages: ["en"] }, sentences: true }, FAST);
    const [envelope] = job.result!.transcription!.sentences!;
    expect(envelope).toMatchObject({ success: true, error: null });
    expect(envelope.results!.join(" ")).toBe(job.result!.transcription!.full_transcript);
  });

  it("options that behave differently raise a process warning, once per rule", async () => {
    const warnings: { code?: string; name: string }[] = [];
    const listen = (w: Error & { code?: string }) => warnings.push({ code: w.code, name: w.name });
    process.on("warning", listen);
    try {
      const request = { audio_url: AUDIO, callback: true, callback_config: { url: "http://127.0.0.1:9/hook" }, pii_redaction: true, pii_redaction_config: { entity_types: "GDPR" } };
      await client().createUntyped(request);
      await client().createUntyped(request);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", listen);
    }
    expect(warnings.map((w) => w.code).sort()).toEqual(["callback-payload", "pii-preset"]);
    expect(warnings.every((w) => w.name === "GladiaToAssemblyAIWarning")).toBe(true);
  });
});

describe("GladiaClient failures", () => {
  it("a wrong key: AssemblyAI's 401 rejects the call", async () => {
    await expect(client("wrong-key").create({ audio_url: AUDIO })).rejects.toThrow(/./);
    expect(lastRequest("POST", "/v2/transcript")!.status).toBe(401);
  });

  it("a failed job: poll throws Gladia's message, the AssemblyAI reason is kept", async () => {
    const { id } = await client().create({ audio_url: "https://files.example.com/fail.wav" });
    const error = await client().poll(id, FAST).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`Pre-recorded job ${id} failed with error code: 500`);
    expect(String((error as Error).cause)).toMatch(/^Download error/);
    const job = await client().get(id);
    expect(job).toMatchObject({ status: "error", error_code: 500, result: null, post_session_metadata: { error: expect.stringMatching(/^Download error/) } });
  });

  it("Gladia's SDK fails the same job the same way", async () => {
    const { id } = await realGladia().create({ audio_url: "https://files.example.com/fail.wav" });
    await expect(realGladia().poll(id, FAST)).rejects.toThrow(`Pre-recorded job ${id} failed with error code: `);
  });

  it("timeout: poll gives up with Gladia's message", async () => {
    const slow = await startAssemblyAIEmulator({ apiKey: "aai-key", pollsBeforeDone: 1_000_000 });
    try {
      const prerecorded = new GladiaClient({ apiKey: "aai-key", apiUrl: slow.url }).preRecorded();
      const { id } = await prerecorded.create({ audio_url: AUDIO });
      await expect(prerecorded.poll(id, { interval: 1, timeout: 5 })).rejects.toThrow(`Pre-recorded job ${id} did not complete within 5ms`);
    } finally {
      await slow.close();
    }
  });

  it("live() says it is not supported; getFile too", async () => {
    expect(() => new GladiaClient({ apiKey: "k" }).live()).toThrow(/does not support live transcription.*Universal Streaming/);
    await expect(client().getFile("x")).rejects.toThrow("`getFile` has no AssemblyAI SDK equivalent");
  });
});

describe("GladiaClient delete and list", () => {
  it("delete → true, the transcript is scrubbed; a job still running cannot be deleted", async () => {
    const job = await client().transcribe(AUDIO, { language_config: { languages: ["en"] } }, FAST);
    expect(await client().delete(job.id)).toBe(true);
    expect(lastRequest("DELETE", `/v2/transcript/${job.id}`)!.status).toBe(200);
    const { id } = await client().create({ audio_url: AUDIO });
    await expect(client().delete(id)).rejects.toThrow(/still being processed/);
  });

  it("list → a Gladia page (first/current/next, items without result)", async () => {
    await client().transcribe(AUDIO, { language_config: { languages: ["en"] } }, FAST);
    const page = await client().list({ limit: 2, status: ["done"] });
    expect(page.items).toHaveLength(2);
    expect(page.items.every((j) => j.status === "done" && j.kind === "pre-recorded" && j.result === null && typeof j.created_at === "string")).toBe(true);
    expect(page.current).toContain("limit=2");
    expect(page.next).toContain("before_id=");
    expect(lastRequest("GET", "/v2/transcript")!.query).toContain("status=completed");
  });

  it("list dates are UTC instants whatever the local time zone (AssemblyAI sends them without a zone)", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      const before = Date.now();
      await client().create({ audio_url: AUDIO });
      const [newest] = (await client().list({ limit: 1 })).items;
      expect(newest.created_at).toMatch(/Z$/);
      expect(Math.abs(Date.parse(newest.created_at!) - before)).toBeLessThan(60 * 60 * 1000);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("list filters AssemblyAI cannot apply throw instead of being ignored", async () => {
    await expect(client().list({ offset: 20 })).rejects.toThrow(/offset cannot be applied by AssemblyAI/);
    await expect(client().list({ status: ["done", "error"] })).rejects.toThrow(/status cannot be applied/);
  });
});

describe("GladiaClient options", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("reads ASSEMBLYAI_API_KEY, then GLADIA_API_KEY; a Gladia apiUrl means AssemblyAI's host (ASSEMBLYAI_BASE_URL)", async () => {
    process.env.ASSEMBLYAI_BASE_URL = assemblyai.url;
    delete process.env.ASSEMBLYAI_API_KEY;
    process.env.GLADIA_API_KEY = "aai-key";
    const created = await new GladiaClient({ apiUrl: "https://api.gladia.io" }).preRecorded().create({ audio_url: AUDIO });
    expect(created.result_url.startsWith(assemblyai.url)).toBe(true);
    process.env.ASSEMBLYAI_API_KEY = "wrong";
    await expect(new GladiaClient().preRecorded().create({ audio_url: AUDIO })).rejects.toThrow(/./);
  });

  it("no key at all for the default host throws in preRecorded(), like Gladia's", () => {
    delete process.env.ASSEMBLYAI_API_KEY;
    delete process.env.GLADIA_API_KEY;
    delete process.env.ASSEMBLYAI_BASE_URL;
    expect(() => new GladiaClient().preRecorded()).toThrow(/apiKey/);
  });
});
