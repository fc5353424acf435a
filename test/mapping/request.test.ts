import { describe, expect, it } from "vitest";
import { mapRequest, type RequestObject } from "../../src/mapping/request.js";

// Mapping §2, row by row, for all three generations of Gladia request syntax. Opaque leaves are
// `{ opaque: <anything> }` handles the JS/Python transforms use for values they cannot evaluate.

const op = (name: string) => ({ opaque: name });
const map = (body: RequestObject, options = {}) => mapRequest(body, options);
const rules = (body: RequestObject, options = {}) => map(body, options).followUps.map((f) => f.rule);

describe("mapRequest: audio and language", () => {
  it("keeps audio_url and adds language_detection when no language is given", () => {
    expect(map({ audio_url: "https://x/a.mp3" })).toEqual({
      params: { audio_url: "https://x/a.mp3", language_detection: true },
      followUps: [{ rule: "language-detection-default" }],
    });
  });

  it("language_config.languages with exactly one language → language_code", () => {
    expect(map({ audio_url: op("u"), language_config: { languages: ["fr"] } }).params).toEqual({ audio_url: op("u"), language_code: "fr" });
  });

  it("language_config.languages with several → language_detection + expected_languages", () => {
    expect(map({ audio_url: "u", language_config: { languages: ["en", "de"] } }).params).toEqual({
      audio_url: "u",
      language_detection: true,
      language_detection_options: { expected_languages: ["en", "de"] },
    });
  });

  it("language_config.code_switching → language_detection_options.code_switching", () => {
    expect(map({ audio_url: "u", language_config: { code_switching: true } }).params).toEqual({
      audio_url: "u",
      language_detection: true,
      language_detection_options: { code_switching: true },
    });
    expect(map({ audio_url: "u", language_config: { languages: ["en", "es"], code_switching: true } }).params).toEqual({
      audio_url: "u",
      language_detection: true,
      language_detection_options: { expected_languages: ["en", "es"], code_switching: true },
    });
  });

  it("an empty languages list means auto-detection, as in Gladia", () => {
    expect(map({ audio_url: "u", language_config: { languages: [] } }).params).toEqual({ audio_url: "u", language_detection: true });
  });

  it("opaque language leaves: one opaque element is still one language; an opaque list is marked", () => {
    expect(map({ audio_url: "u", language_config: { languages: [op("lang")] } }).params).toEqual({ audio_url: "u", language_code: op("lang") });
    const listed = map({ audio_url: "u", language_config: { languages: op("langs") } });
    expect(listed.params).toEqual({ audio_url: "u", language_detection: true, language_detection_options: { expected_languages: op("langs") } });
    expect(listed.followUps.map((f) => f.rule)).toContain("language-unresolved");
    expect(rules({ audio_url: "u", language_config: op("cfg") })).toContain("language-unresolved");
  });

  it("deprecated flat language → language_code", () => {
    expect(map({ audio_url: "u", language: "it" }).params).toEqual({ audio_url: "u", language_code: "it" });
  });

  it("deprecated detect_language: true → language_detection; false + language → language_code", () => {
    expect(map({ audio_url: "u", detect_language: true }).params).toEqual({ audio_url: "u", language_detection: true });
    expect(map({ audio_url: "u", detect_language: false, language: "pt" }).params).toEqual({ audio_url: "u", language_code: "pt" });
    expect(map({ audio_url: "u", detect_language: true, language: "pt" }).params).toEqual({ audio_url: "u", language_detection: true });
  });

  it("deprecated enable_code_switching + code_switching_config.languages", () => {
    expect(map({ audio_url: "u", enable_code_switching: true, code_switching_config: { languages: ["en", "fr"] } }).params).toEqual({
      audio_url: "u",
      language_detection: true,
      language_detection_options: { expected_languages: ["en", "fr"], code_switching: true },
    });
    expect(map({ audio_url: "u", enable_code_switching: false, code_switching_config: { languages: ["en", "fr"] } }).params).toEqual({
      audio_url: "u",
      language_detection: true,
    });
  });
});

describe("mapRequest: speakers", () => {
  it("diarization → speaker_labels, number_of_speakers → speakers_expected, min/max → speaker_options", () => {
    expect(
      map({ audio_url: "u", language: "en", diarization: true, diarization_config: { number_of_speakers: 3, min_speakers: 1, max_speakers: op("max") } }).params,
    ).toEqual({
      audio_url: "u",
      language_code: "en",
      speaker_labels: true,
      speakers_expected: 3,
      speaker_options: { min_speakers_expected: 1, max_speakers_expected: op("max") },
    });
  });

  it("a diarization_config without diarization is ignored, as Gladia ignores it", () => {
    expect(map({ audio_url: "u", language: "en", diarization_config: { number_of_speakers: 2 } }).params).toEqual({ audio_url: "u", language_code: "en" });
  });

  it("enhanced diarization (config or 2024 top-level flag) is dropped with a note", () => {
    expect(rules({ audio_url: "u", language: "en", diarization: true, diarization_config: { enhanced: true } })).toContain("diarization-enhanced-dropped");
    const legacy = map({ audio_url: "u", language: "en", diarization: true, diarization_enhanced: true });
    expect(legacy.params).toEqual({ audio_url: "u", language_code: "en", speaker_labels: true });
    expect(legacy.followUps.map((f) => f.rule)).toContain("diarization-enhanced-dropped");
  });

  it("reading utterances without diarization turns speaker_labels on", () => {
    const mapped = map({ audio_url: "u", language: "en" }, { readsUtterances: true });
    expect(mapped.params).toEqual({ audio_url: "u", language_code: "en", speaker_labels: true });
    expect(mapped.followUps.map((f) => f.rule)).toEqual(["speaker-labels-added"]);
  });

  it("reading utterances with diarization: false still needs speaker_labels: true", () => {
    const mapped = map({ audio_url: "u", language: "en", diarization: false }, { readsUtterances: true });
    expect(mapped.params.speaker_labels).toBe(true);
    expect(mapped.followUps.map((f) => f.rule)).toContain("speaker-labels-added");
  });

  it("reading utterances with an opaque diarization flag is marked", () => {
    const mapped = map({ audio_url: "u", language: "en", diarization: op("flag") }, { readsUtterances: true });
    expect(mapped.params.speaker_labels).toEqual(op("flag"));
    expect(mapped.followUps.map((f) => f.rule)).toContain("utterances-need-speaker-labels");
  });
});

describe("mapRequest: vocabulary, spelling, prompt", () => {
  it("custom_vocabulary + config (strings and objects) → keyterms_prompt; intensity dropped with a note", () => {
    const mapped = map({
      audio_url: "u",
      language: "en",
      custom_vocabulary: true,
      custom_vocabulary_config: { vocabulary: ["Gladia", { value: "Solaria", intensity: 0.6, pronunciations: ["so-la-ria"] }], default_intensity: 0.5 },
    });
    expect(mapped.params).toEqual({ audio_url: "u", language_code: "en", keyterms_prompt: ["Gladia", "Solaria"] });
    expect(mapped.followUps.map((f) => f.rule)).toContain("vocabulary-intensity-dropped");
  });

  it("legacy custom_vocabulary array → keyterms_prompt", () => {
    expect(map({ audio_url: "u", language: "en", custom_vocabulary: ["a", op("b")] }).params).toEqual({ audio_url: "u", language_code: "en", keyterms_prompt: ["a", op("b")] });
  });

  it("custom_spelling_config.spelling_dictionary → custom_spelling [{from, to}]", () => {
    expect(
      map({ audio_url: "u", language: "en", custom_spelling: true, custom_spelling_config: { spelling_dictionary: { SQL: ["Sequel", "sequel"], Gladia: ["gladya"] } } }).params,
    ).toEqual({
      audio_url: "u",
      language_code: "en",
      custom_spelling: [{ from: ["Sequel", "sequel"], to: "SQL" }, { from: ["gladya"], to: "Gladia" }],
    });
  });

  it("context_prompt → prompt", () => {
    expect(map({ audio_url: "u", language: "en", context_prompt: "A call" }).params).toEqual({ audio_url: "u", language_code: "en", prompt: "A call" });
  });
});

describe("mapRequest: callbacks", () => {
  it("callback + callback_config.url → webhook_url; PUT is marked", () => {
    expect(map({ audio_url: "u", language: "en", callback: true, callback_config: { url: "https://h/cb", method: "POST" } }).params).toEqual({
      audio_url: "u",
      language_code: "en",
      webhook_url: "https://h/cb",
    });
    expect(rules({ audio_url: "u", language: "en", callback: true, callback_config: { url: "https://h/cb", method: "PUT" } })).toContain("callback-put");
  });

  it("deprecated callback_url → webhook_url", () => {
    expect(map({ audio_url: "u", language: "en", callback_url: op("url") }).params).toEqual({ audio_url: "u", language_code: "en", webhook_url: op("url") });
  });
});

describe("mapRequest: features", () => {
  it("subtitles and sentences have no request flag: marked, with a note for dropped subtitle options", () => {
    const mapped = map({ audio_url: "u", language: "en", subtitles: true, subtitles_config: { formats: ["srt"], maximum_duration: 5 }, sentences: true });
    expect(mapped.params).toEqual({ audio_url: "u", language_code: "en" });
    expect(mapped.followUps.map((f) => f.rule)).toEqual(["subtitles-request", "subtitles-config-dropped", "sentences-request"]);
  });

  it.each([
    ["general", "paragraph"],
    ["bullet_points", "bullets"],
    ["concise", "gist"],
  ])("summarization type %s → summary_type %s", (type, summaryType) => {
    expect(map({ audio_url: "u", language: "en", summarization: true, summarization_config: { type } }).params).toEqual({
      audio_url: "u",
      language_code: "en",
      summarization: true,
      summary_model: "informative",
      summary_type: summaryType,
    });
  });

  it("summarization without a config is the general type", () => {
    expect(map({ audio_url: "u", language: "en", summarization: true }).params.summary_type).toBe("paragraph");
  });

  it("chapterization → auto_chapters; with summarization it is marked", () => {
    expect(map({ audio_url: "u", language: "en", chapterization: true }).params).toEqual({ audio_url: "u", language_code: "en", auto_chapters: true });
    expect(rules({ audio_url: "u", language: "en", chapterization: true, summarization: true })).toContain("chapters-with-summary");
  });

  it("named_entity_recognition → entity_detection (note: type names differ); sentiment_analysis kept", () => {
    const mapped = map({ audio_url: "u", language: "en", named_entity_recognition: true, sentiment_analysis: true });
    expect(mapped.params).toEqual({ audio_url: "u", language_code: "en", entity_detection: true, sentiment_analysis: true });
    expect(mapped.followUps.map((f) => f.rule)).toContain("entity-types-differ");
  });

  it("translation → speech_understanding.request.translation; informal → formal, options dropped", () => {
    const mapped = map({
      audio_url: "u",
      language: "en",
      translation: true,
      translation_config: { target_languages: ["fr", "de"], informal: true, match_original_utterances: false, model: "enhanced", lipsync: true },
    });
    expect(mapped.params).toEqual({
      audio_url: "u",
      language_code: "en",
      speech_understanding: { request: { translation: { target_languages: ["fr", "de"], formal: false, match_original_utterance: false } } },
    });
    expect(mapped.followUps.map((f) => f.rule)).toContain("translation-options-dropped");
  });

  it("pii_redaction with types → redact_pii, policies, substitution", () => {
    expect(
      map({ audio_url: "u", language: "en", pii_redaction: true, pii_redaction_config: { entity_types: ["EMAIL_ADDRESS", "PHONE_NUMBER"], processed_text_type: "MASK" } }).params,
    ).toEqual({
      audio_url: "u",
      language_code: "en",
      redact_pii: true,
      redact_pii_policies: ["email_address", "phone_number"],
      redact_pii_sub: "hash",
    });
    expect(map({ audio_url: "u", language: "en", pii_redaction: true, pii_redaction_config: { entity_types: ["NAME"], processed_text_type: "MARKER" } }).params.redact_pii_sub).toBe(
      "entity_name",
    );
  });

  it("pii_redaction presets are marked with a suggested policy list", () => {
    const mapped = map({ audio_url: "u", language: "en", pii_redaction: true, pii_redaction_config: { entity_types: ["GDPR"] } });
    expect(mapped.params).toEqual({ audio_url: "u", language_code: "en", redact_pii: true });
    expect(mapped.followUps.map((f) => f.rule)).toContain("pii-preset");
  });

  it("audio_to_llm and custom_metadata have no request equivalent: marked and not sent", () => {
    const mapped = map({ audio_url: "u", language: "en", audio_to_llm: true, audio_to_llm_config: { prompts: ["x"] }, custom_metadata: { user: "1" } });
    expect(mapped.params).toEqual({ audio_url: "u", language_code: "en" });
    expect(mapped.followUps.map((f) => f.rule)).toEqual(["audio-to-llm", "custom-metadata"]);
  });

  it("model is dropped: no speech_model(s) is ever emitted", () => {
    const mapped = map({ audio_url: "u", language: "en", model: "solaria-1" });
    expect(mapped.params).toEqual({ audio_url: "u", language_code: "en" });
    expect(Object.keys(mapped.params)).not.toContain("speech_model");
    expect(Object.keys(mapped.params)).not.toContain("speech_models");
  });

  it("moderation → content_safety; other Gladia-only options dropped with a note", () => {
    const mapped = map({
      audio_url: "u",
      language: "en",
      moderation: true,
      punctuation_enhanced: true,
      name_consistency: true,
      display_mode: true,
      structured_data_extraction: true,
      structured_data_extraction_config: { classes: ["Persons"] },
      audio_enhancer: true,
      accurate_words_timestamps: true,
    });
    expect(mapped.params).toEqual({ audio_url: "u", language_code: "en", content_safety: true });
    expect(mapped.followUps.map((f) => f.rule)).toEqual(["moderation", "option-dropped"].concat(Array(5).fill("option-dropped")));
  });
});

describe("mapRequest: unresolved bodies", () => {
  it("a partial body is marked and gets no language default", () => {
    const mapped = map({ audio_url: "u", diarization: true }, { partial: true });
    expect(mapped.params).toEqual({ audio_url: "u", speaker_labels: true });
    expect(mapped.followUps.map((f) => f.rule)).toEqual(["request-unresolved"]);
  });

  it("opaque flags keep their node and gate their config as maybe-on", () => {
    const mapped = map({ audio_url: "u", language: "en", diarization: op("d"), diarization_config: { number_of_speakers: 2 } });
    expect(mapped.params).toEqual({ audio_url: "u", language_code: "en", speaker_labels: op("d"), speakers_expected: 2 });
  });

  it("an opaque config object is marked", () => {
    expect(rules({ audio_url: "u", language: "en", custom_vocabulary: true, custom_vocabulary_config: op("cfg") })).toContain("request-unresolved");
  });

  it("unknown keys pass through unchanged", () => {
    expect(map({ audio_url: "u", language: "en", speaker_labels: true }).params).toEqual({ audio_url: "u", language_code: "en", speaker_labels: true });
  });
});
