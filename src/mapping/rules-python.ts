import type { RuleId } from "./rules.js";
import { DOCS } from "./docs.js";
import { ASSEMBLYAI_BASE } from "./transport.js";

// Python wording for the rules whose generic message shows JavaScript code. Same meaning, same
// docs link (rules.ts); only the example is Python.
export const PYTHON_MESSAGES: Partial<Record<RuleId, string>> = {
  "callback-payload": `AssemblyAI webhooks carry only {transcript_id, status}: fetch the transcript first, e.g. \`transcript = requests.get(f"${ASSEMBLYAI_BASE}/v2/transcript/{body['transcript_id']}", headers={"authorization": os.environ["ASSEMBLYAI_API_KEY"]}).json()\`, then read \`transcript["text"]\`, \`transcript["utterances"]\`, ….`,
  "callback-error": "AssemblyAI webhooks carry no error details: on `status == \"error\"` fetch GET /v2/transcript/{transcript_id} and read `error`.",
  "speaker-letter": "AssemblyAI speakers are letters (\"A\", \"B\", …), Gladia's were integers: arithmetic, numeric comparison or indexing by speaker needs a conversion (e.g. ord(speaker) - ord(\"A\")).",
  "subtitles-request": "AssemblyAI has no subtitles flag: after completion fetch GET /v2/transcript/{id}/srt or /vtt (`chars_per_caption` query), or `transcript.export_subtitles_srt()` with the assemblyai SDK.",
  "subtitles-result": "Subtitles are not in the transcript: fetch GET /v2/transcript/{id}/srt or /vtt (`transcript.export_subtitles_srt()` / `export_subtitles_vtt()` with the assemblyai SDK).",
  "sentences-request": "AssemblyAI has no sentences flag: after completion fetch GET /v2/transcript/{id}/sentences (`transcript.get_sentences()` with the assemblyai SDK).",
  "sentences-result": "Sentences are not in the transcript: fetch GET /v2/transcript/{id}/sentences (`transcript.get_sentences()` with the assemblyai SDK).",
  "sdk-get-file": "`get_file` has no assemblyai SDK equivalent: keep your own copy of the audio.",
  "sdk-unresolved": "This gladiaio_sdk call could not be migrated automatically: see the assemblyai SDK's `aai.Transcriber` (transcribe, submit, upload_file) and `aai.Transcript` (get_by_id, delete_by_id).",
  "sdk-live": "Gladia live/streaming is out of scope for this codemod: see AssemblyAI Universal Streaming (`aai.StreamingClient` / streaming v3).",
  "dependency-reinstall": "`gladiaio-sdk` was replaced by `assemblyai` in the manifest: reinstall to update the lockfile.",
};

/** Docs pages for Python (the generic rule links the JS SDK). */
export const PYTHON_DOCS: Partial<Record<RuleId, string>> = {
  "sdk-get-file": DOCS.pythonSdk,
  "sdk-unresolved": DOCS.pythonSdk,
  "dependency-reinstall": DOCS.pythonSdk,
};
