import { describe, expect, it } from "vitest";
import { toAssemblyAIParams } from "../../src/runtime/params.js";

// Every row of mapping.md §2 with plain JSON: the Gladia body, the AssemblyAI params it must give
// (exactly), and the follow-up rules it must raise.

const URL = "https://example.com/a.mp3";
const DETECT = { language_detection: true };

interface Row {
  row: string;
  gladia: Record<string, unknown>;
  params: Record<string, unknown>;
  rules?: string[];
}

const ROWS: Row[] = [
  { row: "audio_url", gladia: { audio_url: URL, language_config: { languages: ["en"] } }, params: { audio_url: URL, language_code: "en" } },
  { row: "no language at all → language_detection", gladia: { audio_url: URL }, params: { audio_url: URL, ...DETECT }, rules: ["language-detection-default"] },
  { row: "language_config.languages: one", gladia: { audio_url: URL, language_config: { languages: ["fr"] } }, params: { audio_url: URL, language_code: "fr" } },
  {
    row: "language_config.languages: several",
    gladia: { audio_url: URL, language_config: { languages: ["en", "fr"] } },
    params: { audio_url: URL, ...DETECT, language_detection_options: { expected_languages: ["en", "fr"] } },
  },
  {
    row: "language_config.code_switching",
    gladia: { audio_url: URL, language_config: { languages: [], code_switching: true } },
    params: { audio_url: URL, ...DETECT, language_detection_options: { code_switching: true } },
  },
  {
    row: "languages + code_switching",
    gladia: { audio_url: URL, language_config: { languages: ["en", "es"], code_switching: true } },
    params: { audio_url: URL, ...DETECT, language_detection_options: { expected_languages: ["en", "es"], code_switching: true } },
  },
  { row: "language (deprecated flat)", gladia: { audio_url: URL, language: "de" }, params: { audio_url: URL, language_code: "de" } },
  { row: "detect_language: true", gladia: { audio_url: URL, detect_language: true }, params: { audio_url: URL, ...DETECT } },
  { row: "detect_language: false + language", gladia: { audio_url: URL, detect_language: false, language: "it" }, params: { audio_url: URL, language_code: "it" } },
  {
    row: "enable_code_switching + code_switching_config.languages",
    gladia: { audio_url: URL, enable_code_switching: true, code_switching_config: { languages: ["en", "fr"] } },
    params: { audio_url: URL, ...DETECT, language_detection_options: { expected_languages: ["en", "fr"], code_switching: true } },
  },
  { row: "diarization", gladia: { audio_url: URL, language: "en", diarization: true }, params: { audio_url: URL, language_code: "en", speaker_labels: true } },
  {
    row: "diarization_config.number_of_speakers",
    gladia: { audio_url: URL, language: "en", diarization: true, diarization_config: { number_of_speakers: 3 } },
    params: { audio_url: URL, language_code: "en", speaker_labels: true, speakers_expected: 3 },
  },
  {
    row: "diarization_config.min/max_speakers",
    gladia: { audio_url: URL, language: "en", diarization: true, diarization_config: { min_speakers: 1, max_speakers: 4 } },
    params: { audio_url: URL, language_code: "en", speaker_labels: true, speaker_options: { min_speakers_expected: 1, max_speakers_expected: 4 } },
  },
  {
    row: "diarization_config.enhanced dropped",
    gladia: { audio_url: URL, language: "en", diarization: true, diarization_config: { enhanced: true } },
    params: { audio_url: URL, language_code: "en", speaker_labels: true },
    rules: ["diarization-enhanced-dropped"],
  },
  {
    row: "diarization_enhanced dropped",
    gladia: { audio_url: URL, language: "en", diarization_enhanced: true },
    params: { audio_url: URL, language_code: "en" },
    rules: ["diarization-enhanced-dropped"],
  },
  {
    row: "custom_vocabulary + config strings",
    gladia: { audio_url: URL, language: "en", custom_vocabulary: true, custom_vocabulary_config: { vocabulary: ["Gladia", "AssemblyAI"] } },
    params: { audio_url: URL, language_code: "en", keyterms_prompt: ["Gladia", "AssemblyAI"] },
  },
  {
    row: "custom_vocabulary + config objects (intensity dropped)",
    gladia: { audio_url: URL, language: "en", custom_vocabulary: true, custom_vocabulary_config: { vocabulary: [{ value: "Solaria", intensity: 0.5 }, "Gladia"], default_intensity: 0.4 } },
    params: { audio_url: URL, language_code: "en", keyterms_prompt: ["Solaria", "Gladia"] },
    rules: ["vocabulary-intensity-dropped"],
  },
  {
    row: "legacy custom_vocabulary array",
    gladia: { audio_url: URL, language: "en", custom_vocabulary: ["alpha", "beta"] },
    params: { audio_url: URL, language_code: "en", keyterms_prompt: ["alpha", "beta"] },
  },
  {
    row: "custom_spelling_config.spelling_dictionary",
    gladia: { audio_url: URL, language: "en", custom_spelling: true, custom_spelling_config: { spelling_dictionary: { SQL: ["sequel"], Gladia: ["gladya", "gladiah"] } } },
    params: { audio_url: URL, language_code: "en", custom_spelling: [{ from: ["sequel"], to: "SQL" }, { from: ["gladya", "gladiah"], to: "Gladia" }] },
  },
  {
    row: "context_prompt → prompt",
    gladia: { audio_url: URL, language: "en", context_prompt: "A call about invoices" },
    params: { audio_url: URL, language_code: "en", prompt: "A call about invoices" },
    rules: ["context-prompt"],
  },
  {
    row: "callback + callback_config.url",
    gladia: { audio_url: URL, language: "en", callback: true, callback_config: { url: "https://hook.example/cb", method: "POST" } },
    params: { audio_url: URL, language_code: "en", webhook_url: "https://hook.example/cb" },
  },
  {
    row: "callback_config.method PUT → marker",
    gladia: { audio_url: URL, language: "en", callback: true, callback_config: { url: "https://hook.example/cb", method: "PUT" } },
    params: { audio_url: URL, language_code: "en", webhook_url: "https://hook.example/cb" },
    rules: ["callback-put"],
  },
  { row: "callback_url (deprecated)", gladia: { audio_url: URL, language: "en", callback_url: "https://hook.example/old" }, params: { audio_url: URL, language_code: "en", webhook_url: "https://hook.example/old" } },
  {
    row: "subtitles: no request flag",
    gladia: { audio_url: URL, language: "en", subtitles: true, subtitles_config: { formats: ["srt", "vtt"], maximum_characters_per_row: 32, style: "compliance" } },
    params: { audio_url: URL, language_code: "en" },
    rules: ["subtitles-request", "subtitles-config-dropped"],
  },
  { row: "sentences: no flag", gladia: { audio_url: URL, language: "en", sentences: true }, params: { audio_url: URL, language_code: "en" }, rules: ["sentences-request"] },
  ...(["general", "bullet_points", "concise"] as const).map((type, i) => ({
    row: `summarization type ${type}`,
    gladia: { audio_url: URL, language: "en", summarization: true, summarization_config: { type } },
    params: { audio_url: URL, language_code: "en", summarization: true, summary_model: "informative", summary_type: ["paragraph", "bullets", "gist"][i] },
    rules: ["summarization-deprecated"],
  })),
  {
    row: "summarization without config → paragraph",
    gladia: { audio_url: URL, language: "en", summarization: true },
    params: { audio_url: URL, language_code: "en", summarization: true, summary_model: "informative", summary_type: "paragraph" },
    rules: ["summarization-deprecated"],
  },
  { row: "chapterization → auto_chapters", gladia: { audio_url: URL, language: "en", chapterization: true }, params: { audio_url: URL, language_code: "en", auto_chapters: true } },
  {
    row: "chapterization + summarization → marker",
    gladia: { audio_url: URL, language: "en", chapterization: true, summarization: true },
    params: { audio_url: URL, language_code: "en", auto_chapters: true, summarization: true, summary_model: "informative", summary_type: "paragraph" },
    rules: ["summarization-deprecated", "chapters-with-summary"],
  },
  {
    row: "named_entity_recognition → entity_detection",
    gladia: { audio_url: URL, language: "en", named_entity_recognition: true },
    params: { audio_url: URL, language_code: "en", entity_detection: true },
    rules: ["entity-types-differ"],
  },
  { row: "sentiment_analysis", gladia: { audio_url: URL, language: "en", sentiment_analysis: true }, params: { audio_url: URL, language_code: "en", sentiment_analysis: true } },
  {
    row: "translation + config",
    gladia: { audio_url: URL, language: "en", translation: true, translation_config: { target_languages: ["fr", "de"], informal: true, match_original_utterances: true } },
    params: { audio_url: URL, language_code: "en", speech_understanding: { request: { translation: { target_languages: ["fr", "de"], formal: false, match_original_utterance: true } } } },
  },
  {
    row: "translation model/lipsync/context dropped",
    gladia: { audio_url: URL, language: "en", translation: true, translation_config: { target_languages: ["es"], model: "enhanced", lipsync: true, context: "x" } },
    params: { audio_url: URL, language_code: "en", speech_understanding: { request: { translation: { target_languages: ["es"] } } } },
    rules: ["translation-options-dropped"],
  },
  {
    row: "pii_redaction with entity types and MARKER",
    gladia: { audio_url: URL, language: "en", pii_redaction: true, pii_redaction_config: { entity_types: ["EMAIL_ADDRESS", "PHONE_NUMBER"], processed_text_type: "MARKER" } },
    params: { audio_url: URL, language_code: "en", redact_pii: true, redact_pii_policies: ["email_address", "phone_number"], redact_pii_sub: "entity_name" },
  },
  {
    row: "pii_redaction MASK → hash",
    gladia: { audio_url: URL, language: "en", pii_redaction: true, pii_redaction_config: { entity_types: ["LOCATION"], processed_text_type: "MASK" } },
    params: { audio_url: URL, language_code: "en", redact_pii: true, redact_pii_policies: ["location"], redact_pii_sub: "hash" },
  },
  {
    row: "pii_redaction preset → marker",
    gladia: { audio_url: URL, language: "en", pii_redaction: true, pii_redaction_config: { entity_types: "GDPR" } },
    params: { audio_url: URL, language_code: "en", redact_pii: true },
    rules: ["pii-preset"],
  },
  {
    row: "audio_to_llm → marker",
    gladia: { audio_url: URL, language: "en", audio_to_llm: true, audio_to_llm_config: { prompts: ["Summarize"] } },
    params: { audio_url: URL, language_code: "en" },
    rules: ["audio-to-llm"],
  },
  { row: "custom_metadata → marker", gladia: { audio_url: URL, language: "en", custom_metadata: { user: 42 } }, params: { audio_url: URL, language_code: "en" }, rules: ["custom-metadata"] },
  { row: "model dropped", gladia: { audio_url: URL, language: "en", model: "solaria-1" }, params: { audio_url: URL, language_code: "en" }, rules: ["model-dropped"] },
  ...["punctuation_enhanced", "name_consistency", "display_mode", "structured_data_extraction", "audio_enhancer", "accurate_words_timestamps"].map((key) => ({
    row: `${key} dropped`,
    gladia: { audio_url: URL, language: "en", [key]: true },
    params: { audio_url: URL, language_code: "en" },
    rules: ["option-dropped"],
  })),
  { row: "moderation → content_safety", gladia: { audio_url: URL, language: "en", moderation: true }, params: { audio_url: URL, language_code: "en", content_safety: true }, rules: ["moderation"] },
];

describe("toAssemblyAIParams: mapping.md §2, row by row", () => {
  it.each(ROWS)("$row", ({ gladia, params, rules = [] }) => {
    const result = toAssemblyAIParams(gladia);
    expect(result.params).toEqual(params);
    expect(result.notes.map((n) => n.rule).sort()).toEqual([...rules].sort());
    expect(result.params).not.toHaveProperty("speech_model");
  });
});

describe("toAssemblyAIParams", () => {
  it("gives each note its rule's kind, message and AssemblyAI docs link", () => {
    const { notes } = toAssemblyAIParams({ audio_url: URL, language: "en", callback: true, callback_config: { url: "https://h.example", method: "PUT" } });
    expect(notes).toEqual([
      expect.objectContaining({ rule: "callback-put", kind: "marker", field: "callback_config", message: expect.stringContaining("webhook_url"), docs: expect.stringMatching(/^https:\/\/www\.assemblyai\.com\/docs\//) }),
    ]);
  });

  it("adds speaker_labels when the caller reads utterances, and says so", () => {
    const { params, notes } = toAssemblyAIParams({ audio_url: URL, language: "en" }, { readsUtterances: true });
    expect(params).toEqual({ audio_url: URL, language_code: "en", speaker_labels: true });
    expect(notes.map((n) => n.rule)).toEqual(["speaker-labels-added"]);
  });

  it("keeps an explicit diarization: false when reading utterances", () => {
    expect(toAssemblyAIParams({ audio_url: URL, language: "en", diarization: false }, { readsUtterances: true }).params.speaker_labels).toBe(false);
  });

  it("sees the body as JSON.stringify would send it (undefined dropped, Dates as strings)", () => {
    const { params } = toAssemblyAIParams({ audio_url: URL, language: undefined, diarization: true, custom_metadata: { at: new Date(0) } });
    expect(params).toEqual({ audio_url: URL, speaker_labels: true, language_detection: true });
  });

  it("does not modify its argument", () => {
    const body = { audio_url: URL, diarization: true, diarization_config: { number_of_speakers: 2 } };
    const copy = structuredClone(body);
    toAssemblyAIParams(body);
    expect(body).toEqual(copy);
  });

  it("passes keys it does not know through unchanged (already AssemblyAI's)", () => {
    expect(toAssemblyAIParams({ audio_url: URL, language: "en", punctuate: false }).params).toEqual({ audio_url: URL, language_code: "en", punctuate: false });
  });
});
