import { config } from "./config.js";

const GLADIA_API_URL = "https://api.gladia.io/v2";

export interface Utterance {
  start: number;
  end: number;
  confidence: number;
  channel: number;
  speaker: number;
  language: string;
  text: string;
}

export interface GladiaJob {
  id: string;
  status: "queued" | "processing" | "done" | "error";
  error_code: number | null;
  result: {
    metadata: { audio_duration: number };
    transcription: {
      full_transcript: string;
      languages: string[];
      utterances: Utterance[];
    };
  } | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a pre-recorded transcription with two-speaker diarization; returns where to poll. */
export async function startTranscription(audioUrl: string): Promise<{ id: string; result_url: string }> {
  const response = await fetch(`${GLADIA_API_URL}/pre-recorded`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "x-gladia-key": config.gladiaApiKey,
    },
    body: JSON.stringify({
      audio_url: audioUrl,
      diarization: true,
      diarization_config: { number_of_speakers: 2 },
      language_config: { languages: ["en"] },
    }),
  });
  if (!response.ok) {
    throw new Error(`Transcription request failed: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** Polls the job until Gladia reports it done (or failed). */
export async function waitForTranscript(resultUrl: string): Promise<GladiaJob> {
  for (;;) {
    const response = await fetch(resultUrl, { headers: { "x-gladia-key": config.gladiaApiKey } });
    const job = (await response.json()) as GladiaJob;
    if (job.status === "done") return job;
    if (job.status === "error") {
      throw new Error(`Transcription ${job.id} failed with code ${job.error_code}`);
    }
    await sleep(config.pollIntervalMs);
  }
}
