import { DOCS } from "./docs.js";

// Every follow-up the codemod can raise, as data. `marker` rules put a TODO comment in the code;
// `note` rules are semantic differences listed in the report for a reviewer.
export interface FollowUpRule {
  kind: "marker" | "note";
  message: string;
  docs: string;
}

export const RULES = {
  // Transport (§1)
  "v1-api": { kind: "marker", message: "Gladia V1 (/audio/text/audio-transcription) is a different synchronous flow: rewrite it by hand as upload (POST /v2/upload, raw bytes) + POST /v2/transcript + poll GET /v2/transcript/{id}.", docs: DOCS.transcript },
  "get-file": { kind: "marker", message: "Gladia's GET /v2/pre-recorded/{id}/file has no AssemblyAI equivalent: keep your own copy of the audio.", docs: DOCS.getTranscript },
  "list-pagination": { kind: "marker", message: "Listing: GET /v2/transcript pages with `limit` and `before_id`/`after_id` (page_details.prev_url/next_url), not Gladia's `offset`/`limit`; items are `transcripts[]` with `id`, `status`, `audio_url`.", docs: DOCS.listTranscripts },
  "upload-url-rehost": { kind: "marker", message: "AssemblyAI's POST /v2/upload takes raw bytes only: pass the public URL straight to `audio_url` in POST /v2/transcript instead of re-hosting it.", docs: DOCS.upload },
  "upload-multipart": { kind: "marker", message: "AssemblyAI's POST /v2/upload takes the raw file bytes (Content-Type: application/octet-stream), not a multipart form: send the file as the body.", docs: DOCS.upload },
  "audio-metadata": { kind: "marker", message: "AssemblyAI's upload response has only `upload_url`: `audio_metadata` has no equivalent (after transcription, `audio_duration` is on the transcript, in seconds).", docs: DOCS.upload },
  "hardcoded-key": { kind: "note", message: "A hard-coded API key was found here: move it to the ASSEMBLYAI_API_KEY environment variable (the value is not shown).", docs: DOCS.auth },
  "delete-response": { kind: "note", message: "DELETE /v2/transcript/{id} answers 200 with the scrubbed transcript, where Gladia answered 202 with no body.", docs: DOCS.deleteTranscript },
  "result-url": { kind: "note", message: "Gladia's `result_url` does not exist: the transcript URL is https://api.assemblyai.com/v2/transcript/{id}.", docs: DOCS.getTranscript },
  "http-helper": { kind: "marker", message: "This helper sends several kinds of Gladia requests (the path comes from its callers): its URLs and headers were migrated, but check each caller — a create body needs AssemblyAI params (language_detection: true when no language is set, speaker_labels, …), upload bodies raw bytes, and job reads the flat transcript (`text`, `utterances`, status \"completed\").", docs: DOCS.transcript },
  "unknown-client": { kind: "marker", message: "This Gladia endpoint URL was migrated, but the code that calls it is not one the codemod follows (fetch, axios, ky, got): check its body (AssemblyAI params, raw-bytes upload) and its response reads (`upload_url`, flat transcript, status \"completed\").", docs: DOCS.transcript },
  "result-url-unresolved": { kind: "marker", message: "Gladia's `result_url` does not exist on AssemblyAI: poll `https://api.assemblyai.com/v2/transcript/${id}` with the transcript `id` instead.", docs: DOCS.getTranscript },
  "status-values": { kind: "note", message: "Statuses are queued / processing / completed / error (Gladia's `done` is `completed`); a failed job's message is the string `error` (Gladia: integer `error_code`).", docs: DOCS.getTranscript },

  // Request (§2)
  "language-detection-default": { kind: "note", message: "No language was given: Gladia auto-detects by default, AssemblyAI assumes en_us, so `language_detection: true` was added to keep the behaviour.", docs: DOCS.languageDetection },
  "speaker-labels-added": { kind: "note", message: "The code reads utterances, which AssemblyAI fills only with `speaker_labels: true` (Gladia always did): it was added to the request.", docs: DOCS.speakerLabels },
  "diarization-enhanced-dropped": { kind: "note", message: "Gladia's enhanced diarization has no AssemblyAI equivalent and was dropped.", docs: DOCS.speakerLabels },
  "vocabulary-intensity-dropped": { kind: "note", message: "Custom vocabulary became `keyterms_prompt`: per-term intensity, pronunciations and language were dropped.", docs: DOCS.keyterms },
  "callback-put": { kind: "marker", message: "AssemblyAI always POSTs to `webhook_url`: a PUT callback handler must accept POST.", docs: DOCS.webhooks },
  "subtitles-request": { kind: "marker", message: "AssemblyAI has no subtitles flag: after completion fetch GET /v2/transcript/{id}/srt or /vtt (`chars_per_caption` query), or `client.transcripts.subtitles(id, \"srt\")`.", docs: DOCS.subtitles },
  "subtitles-config-dropped": { kind: "note", message: "Subtitle options other than `maximum_characters_per_row` (→ `chars_per_caption`) have no AssemblyAI equivalent.", docs: DOCS.subtitles },
  "sentences-request": { kind: "marker", message: "AssemblyAI has no sentences flag: after completion fetch GET /v2/transcript/{id}/sentences (`client.transcripts.sentences(id)`).", docs: DOCS.sentences },
  "summarization-deprecated": { kind: "note", message: "AssemblyAI marks `summarization`/`summary_model`/`summary_type` deprecated (LLM Gateway is the successor).", docs: DOCS.summarization },
  "chapters-with-summary": { kind: "marker", message: "AssemblyAI cannot combine `auto_chapters` with `summarization`: keep one, or get the other from LLM Gateway.", docs: DOCS.chapters },
  "entity-types-differ": { kind: "note", message: "Entity type names differ: Gladia `EMAIL_ADDRESS`, AssemblyAI `email_address` (see EntityType).", docs: DOCS.entities },
  "translation-options-dropped": { kind: "note", message: "Translation options `model`, `lipsync`, `context_adaptation` and `context` have no AssemblyAI equivalent and were dropped.", docs: DOCS.translation },
  "pii-preset": { kind: "marker", message: "Gladia PII presets (GDPR, HIPAA_SAFE_HARBOR, …) have no 1:1 AssemblyAI list: set `redact_pii_policies` explicitly, e.g. [\"person_name\", \"email_address\", \"phone_number\", \"location\", \"date_of_birth\", \"us_social_security_number\"].", docs: DOCS.piiRedaction },
  "audio-to-llm": { kind: "marker", message: "Gladia audio-to-LLM has no in-request equivalent: send the transcript `text` to AssemblyAI's LLM Gateway (POST https://llm-gateway.assemblyai.com/v1/chat/completions).", docs: DOCS.llmGateway },
  "custom-metadata": { kind: "marker", message: "AssemblyAI has no `custom_metadata`: append query parameters to `webhook_url` or keep your own id → metadata map.", docs: DOCS.webhooks },
  "model-dropped": { kind: "note", message: "The Gladia model was dropped: AssemblyAI's server default model applies (pin one with `speech_models`).", docs: DOCS.transcript },
  "option-dropped": { kind: "note", message: "A Gladia option with no AssemblyAI equivalent was dropped.", docs: DOCS.transcript },
  "moderation": { kind: "note", message: "Gladia `moderation` became `content_safety: true`; results are in `content_safety_labels`.", docs: DOCS.contentModeration },
  "context-prompt": { kind: "note", message: "Gladia `context_prompt` became `prompt` (supported by AssemblyAI's Universal-3 Pro models).", docs: DOCS.transcript },
  "request-unresolved": { kind: "marker", message: "This request body could not be fully resolved (spread, computed key or built elsewhere): check every Gladia option against AssemblyAI's (diarization → speaker_labels, language_config → language_code/language_detection, …).", docs: DOCS.transcript },
  "language-unresolved": { kind: "marker", message: "The language list is not a literal: one language → `language_code: \"xx\"`; several → `language_detection: true` with `language_detection_options.expected_languages`.", docs: DOCS.languageDetection },

  // Result (§3)
  "units-ms": { kind: "marker", message: "AssemblyAI times are integer milliseconds (Gladia: float seconds): divide `start`/`end` by 1000 where seconds are expected.", docs: DOCS.timestamps },
  "speaker-letter": { kind: "marker", message: "AssemblyAI speakers are letters (\"A\", \"B\", …), Gladia's were integers: arithmetic, numeric comparison or indexing by speaker needs a conversion (e.g. speaker.charCodeAt(0) - 65).", docs: DOCS.speakerLabels },
  "speaker-label-note": { kind: "note", message: "Speakers are printed as letters (\"A\") where Gladia printed integers (0).", docs: DOCS.speakerLabels },
  "channel-string": { kind: "marker", message: "AssemblyAI utterance `channel` is a string (\"1\", \"2\"), Gladia's was an integer starting at 0.", docs: DOCS.getTranscript },
  "utterance-language": { kind: "marker", message: "AssemblyAI utterances have no `language`: use the transcript's `language_code`.", docs: DOCS.languageDetection },
  "utterances-need-speaker-labels": { kind: "marker", message: "AssemblyAI fills `utterances` only when the request sets `speaker_labels: true` (or `multichannel`): make sure the request that produced this transcript does.", docs: DOCS.speakerLabels },
  "chapter-keywords": { kind: "marker", message: "AssemblyAI chapters have `headline`, `gist`, `summary`, `start`, `end` (ms) but no `keywords`.", docs: DOCS.chapters },
  "sentiment-shape": { kind: "marker", message: "AssemblyAI `sentiment_analysis_results` items are {text, start, end (ms), sentiment: \"POSITIVE\"|\"NEUTRAL\"|\"NEGATIVE\", confidence, speaker}: no `emotion`, sentiment upper-case.", docs: DOCS.sentiment },
  "translation-results": { kind: "marker", message: "Translations are `translated_texts[<language code>]` (a string per target language) on the transcript, not an array of results.", docs: DOCS.translation },
  "subtitles-result": { kind: "marker", message: "Subtitles are not in the transcript: fetch GET /v2/transcript/{id}/srt or /vtt (`client.transcripts.subtitles(id, \"srt\")`).", docs: DOCS.subtitles },
  "sentences-result": { kind: "marker", message: "Sentences are not in the transcript: fetch GET /v2/transcript/{id}/sentences (`client.transcripts.sentences(id)`).", docs: DOCS.sentences },
  "addon-envelope": { kind: "marker", message: "AssemblyAI results have no add-on envelope (`success`, `is_empty`, `error`): check the transcript `status`/`error` and whether the field is null.", docs: DOCS.getTranscript },
  "job-extra": { kind: "marker", message: "AssemblyAI transcripts have no `file`, `request_params` or `custom_metadata`: request options are echoed as top-level fields (e.g. `speaker_labels`), audio at `audio_url`, duration at `audio_duration`.", docs: DOCS.getTranscript },
  "job-type": { kind: "marker", message: "This type describes a Gladia job: an AssemblyAI transcript is flat — `id`, `status` (\"queued\" | \"processing\" | \"completed\" | \"error\"), `error?: string`, `text`, `utterances` (speaker \"A\", times in ms), `words`, `language_code`, `audio_duration`, `summary`, `chapters`, `entities` — or use `Transcript` from the `assemblyai` package.", docs: DOCS.getTranscript },
  "result-unresolved": { kind: "marker", message: "This reads a Gladia result path the codemod could not map: AssemblyAI's transcript has `text`, `utterances`, `words`, `chapters`, `entities`, `summary`, `language_code`, `audio_duration` at the top level.", docs: DOCS.getTranscript },

  // Callbacks (§4)
  "callback-payload": { kind: "marker", message: "AssemblyAI webhooks carry only {transcript_id, status}: fetch the transcript first, e.g. `const transcript = await (await fetch(`https://api.assemblyai.com/v2/transcript/${body.transcript_id}`, { headers: { authorization: process.env.ASSEMBLYAI_API_KEY } })).json()`, then read `transcript.text`, `transcript.utterances`, ….", docs: DOCS.webhooks },
  "callback-created": { kind: "marker", message: "AssemblyAI sends no webhook when a transcript is created: the webhook fires once, with `status` \"completed\" or \"error\".", docs: DOCS.webhooks },
  "callback-metadata": { kind: "marker", message: "AssemblyAI webhooks carry no `custom_metadata`: add query parameters to `webhook_url` (read them from the request URL) or keep your own transcript_id → metadata map.", docs: DOCS.webhooks },
  "callback-error": { kind: "marker", message: "AssemblyAI webhooks carry no error details: on `status === \"error\"` fetch GET /v2/transcript/{transcript_id} and read `error`.", docs: DOCS.webhooks },

  // SDK (§5)
  "sdk-get-file": { kind: "marker", message: "`getFile` has no AssemblyAI SDK equivalent: keep your own copy of the audio.", docs: DOCS.jsSdk },
  "sdk-live": { kind: "marker", message: "Gladia live/streaming is out of scope for this codemod: see AssemblyAI Universal Streaming (StreamingTranscriber from \"assemblyai\").", docs: DOCS.streaming },
  "sdk-unresolved": { kind: "marker", message: "This Gladia SDK call could not be migrated automatically: see the assemblyai SDK's client.transcripts / client.files methods.", docs: DOCS.jsSdk },
  "sdk-async-future": { kind: "marker", message: "assemblyai's `transcribe_async` returns a concurrent.futures.Future, not an awaitable: use `await asyncio.to_thread(transcriber.transcribe, …)` or `.result()`.", docs: DOCS.pythonSdk },
  "sdk-adapter": { kind: "note", message: "`@gladiaio/sdk` imports now point at `gladia-to-assemblyai/runtime`, a Gladia-compatible client running on the `assemblyai` SDK: add `gladia-to-assemblyai` to your dependencies and set ASSEMBLYAI_API_KEY. Jobs keep Gladia's shape (seconds, integer speakers); a failed job's AssemblyAI `error` message is in `post_session_metadata.error`.", docs: DOCS.jsSdk },
  "sdk-error-check": { kind: "note", message: "Gladia's SDK threw when a job failed; AssemblyAI's `transcribe`/`waitUntilReady` resolve with `status: \"error\"`: a check that throws `new Error(transcript.error)` was added.", docs: DOCS.jsSdk },
  "sdk-option-dropped": { kind: "note", message: "Gladia client options other than `apiKey`/`apiUrl` (region, httpHeaders, httpRetry, httpTimeout, prerecordedTimeouts, …) have no equivalent in `new AssemblyAI({ apiKey, baseUrl })` and were dropped.", docs: DOCS.jsSdk },
  "sdk-base-url": { kind: "marker", message: "`baseUrl` points at your own server: it must now forward to https://api.assemblyai.com and send the key in the `authorization` header.", docs: DOCS.auth },
  "sdk-client-options": { kind: "marker", message: "The client options are not an object literal: `new AssemblyAI()` takes `{ apiKey, baseUrl }` (Gladia: `{ apiKey, apiUrl, … }`).", docs: DOCS.jsSdk },
  "sdk-upload-string": { kind: "marker", message: "`client.files.upload()` resolves to the upload URL string (Gladia's `uploadFile` returned `{ audio_url, audio_metadata }`): use the value itself as `audio`/`audio_url`.", docs: DOCS.upload },
  "sdk-poll-options": { kind: "marker", message: "AssemblyAI polling options are `{ pollingInterval, pollingTimeout }` in ms (Gladia: `{ interval, timeout }`).", docs: DOCS.jsSdk },
  "sdk-client-escapes": { kind: "marker", message: "This Gladia client is now the AssemblyAI client and is used outside this file's calls: calls made on it must become `client.transcripts.transcribe/submit/get/list/delete/waitUntilReady` and `client.files.upload`.", docs: DOCS.jsSdk },
  "sdk-type-unmapped": { kind: "marker", message: "This `@gladiaio/sdk` type has no `assemblyai` equivalent: use `TranscriptParams`, `Transcript`, `TranscriptUtterance`, `TranscriptWord`, … from \"assemblyai\".", docs: DOCS.jsSdk },
  "sdk-reexport": { kind: "marker", message: "This module re-exports `@gladiaio/sdk`: re-export the \"assemblyai\" equivalents instead (`AssemblyAI`, `Transcript`, `TranscriptUtterance`, …) and migrate the code that imports them.", docs: DOCS.jsSdk },
  "type-fields-dropped": { kind: "marker", message: "These Gladia fields have no AssemblyAI equivalent and were removed from the type: the transcript has `text`, `utterances`, `words`, `language_code`, `audio_duration`, `status`, `error` at the top level; utterances have no `language` (use the transcript's `language_code`).", docs: DOCS.getTranscript },
  "dependency-reinstall": { kind: "note", message: "`@gladiaio/sdk`/`gladiaio-sdk` was replaced by `assemblyai` in the manifest: reinstall to update the lockfile.", docs: DOCS.jsSdk },
} satisfies Record<string, FollowUpRule>;

export type RuleId = keyof typeof RULES;

export function getRule(id: RuleId): FollowUpRule {
  return RULES[id];
}
