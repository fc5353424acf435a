import axios from "axios";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { config } from "./config.js";

interface GladiaUploadResponse {
  audio_url: string;
  audio_metadata: {
    id: string;
    filename: string;
    extension: string;
    size: number;
    audio_duration: number;
    number_of_channels: number;
  };
}

/** Uploads a local recording to Gladia and returns the URL to transcribe it from. */
export async function uploadRecording(path: string): Promise<string> {
  const form = new FormData();
  form.append("audio", new Blob([await readFile(path)]), basename(path));

  const { data } = await axios.post<GladiaUploadResponse>("https://api.gladia.io/v2/upload", form, {
    headers: { "x-gladia-key": config.gladiaApiKey },
  });
  return data.audio_url;
}
