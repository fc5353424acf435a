// Usage: npm run notes -- meeting.m4a
import { assertConfigured } from "./config.js";
import { toNotes, durationMinutes } from "./summary.js";
import { startTranscription, waitForTranscript } from "./transcribe.js";
import { uploadRecording } from "./upload.js";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run notes -- <recording>");
  process.exit(2);
}

assertConfigured();
const audioUrl = await uploadRecording(file);
const { result_url } = await startTranscription(audioUrl);
const job = await waitForTranscript(result_url);
console.log(`# Notes (${durationMinutes(job)} min)\n`);
console.log(toNotes(job));
