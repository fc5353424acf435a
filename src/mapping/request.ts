import type { RuleId } from "./rules.js";

// Mapping §2 as one pure function, shared by the JS/TS and Python transforms (whose leaf values are
// source-code handles) and the runtime client (plain JSON). A value the caller could not evaluate
// is an `Opaque`; the mapping carries it through unchanged or asks for a marker.

export interface Opaque {
  readonly opaque: unknown;
}
export type RequestValue =
  | string
  | number
  | boolean
  | null
  | Opaque
  | RequestValue[]
  | { [key: string]: RequestValue };
export type RequestObject = { [key: string]: RequestValue };

export interface RequestFollowUp {
  rule: RuleId;
  /** The Gladia key that caused it, for locating it in source. */
  field?: string;
}

export interface MapRequestOptions {
  /** The program reads `utterances` from the result: AssemblyAI needs `speaker_labels` for them. */
  readsUtterances?: boolean;
  /** The body is known to be incomplete (spread of an unknown object, computed keys…). */
  partial?: boolean;
}

export interface MapRequestResult {
  params: RequestObject;
  followUps: RequestFollowUp[];
}

export function isOpaque(value: RequestValue | undefined): value is Opaque {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "opaque" in value;
}

function isObject(value: RequestValue | undefined): value is RequestObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isOpaque(value);
}

/** State threaded through the field handlers. */
class Builder {
  params: RequestObject = {};
  followUps: RequestFollowUp[] = [];
  languageGiven = false;

  set(key: string, value: RequestValue): void {
    this.params[key] = value;
  }
  merge(key: string, value: RequestObject): void {
    const current = this.params[key];
    this.params[key] = isObject(current) ? { ...current, ...value } : value;
  }
  follow(rule: RuleId, field?: string): void {
    if (!this.followUps.some((f) => f.rule === rule && f.field === field)) this.followUps.push({ rule, field });
  }
}

type Body = RequestObject;
type FieldHandler = (value: RequestValue, body: Body, out: Builder, field: string) => void;

const isTrue = (v: RequestValue | undefined) => v === true;
/** A flag gates its `*_config`; an opaque flag is treated as "maybe on" and marked. */
const flagOn = (v: RequestValue | undefined) => v === true || isOpaque(v);

function copyAs(to: string): FieldHandler {
  return (value, _body, out) => out.set(to, value);
}
function drop(rule: RuleId): FieldHandler {
  return (_value, _body, out, field) => out.follow(rule, field);
}
function markOnly(rule: RuleId): FieldHandler {
  return (value, _body, out, field) => {
    if (value !== false) out.follow(rule, field);
  };
}
/** Config objects are read by their flag's handler. */
const consumedByFlag: FieldHandler = () => {};

function setLanguages(languages: RequestValue | undefined, codeSwitching: RequestValue | undefined, out: Builder, field: string) {
  if (languages === undefined || (Array.isArray(languages) && languages.length === 0)) {
    if (flagOn(codeSwitching)) {
      out.set("language_detection", true);
      out.merge("language_detection_options", { code_switching: codeSwitching as RequestValue });
      out.languageGiven = true;
    }
    return;
  }
  out.languageGiven = true;
  if (!Array.isArray(languages)) {
    out.follow("language-unresolved", field);
    out.set("language_detection", true);
    out.merge("language_detection_options", { expected_languages: languages });
    return;
  }
  if (languages.length === 1 && !flagOn(codeSwitching)) {
    out.set("language_code", languages[0]);
    return;
  }
  out.set("language_detection", true);
  const options: RequestObject = { expected_languages: languages };
  if (flagOn(codeSwitching)) options.code_switching = codeSwitching as RequestValue;
  out.merge("language_detection_options", options);
}

const SUMMARY_TYPES: Record<string, string> = { general: "paragraph", bullet_points: "bullets", concise: "gist" };
const PII_SUB: Record<string, string> = { MARKER: "entity_name", MASK: "hash" };
/** Gladia PII presets with no 1:1 AssemblyAI policy list. */
const PII_PRESETS = new Set([
  "APPI", "APPI_SENSITIVE", "CCI", "CORE_ENTITIES", "CPRA", "GDPR", "GDPR_SENSITIVE", "HEALTH_INFORMATION",
  "HIPAA_SAFE_HARBOR", "LIDI", "NUMERICAL_EXCL_PCI", "PCI", "QUEBEC_PRIVACY_ACT",
]);

function vocabularyTerms(vocabulary: RequestValue, out: Builder, field: string): RequestValue {
  if (!Array.isArray(vocabulary)) return vocabulary;
  return vocabulary.map((term) => {
    if (isObject(term)) {
      if (Object.keys(term).some((k) => k !== "value")) out.follow("vocabulary-intensity-dropped", field);
      return term.value ?? null;
    }
    return term;
  });
}

function spellingList(dictionary: RequestValue): RequestValue {
  if (!isObject(dictionary)) return dictionary;
  return Object.entries(dictionary).map(([to, from]) => ({ from, to }));
}

function piiPolicies(types: RequestValue | undefined, out: Builder, field: string): RequestValue | undefined {
  if (types === undefined) return undefined;
  const list = Array.isArray(types) ? types : [types];
  if (list.some((t) => typeof t !== "string" || PII_PRESETS.has(t))) {
    out.follow("pii-preset", field);
    return undefined;
  }
  return list.map((t) => (t as string).toLowerCase());
}

/** One handler per Gladia request key (current, deprecated and 2024 spellings). */
export const FIELD_HANDLERS: Record<string, FieldHandler> = {
  audio_url: copyAs("audio_url"),
  language_config: (value, _body, out, field) => {
    if (!isObject(value)) {
      out.follow("language-unresolved", field);
      return;
    }
    setLanguages(value.languages, value.code_switching, out, field);
  },
  language: (value, body, out) => {
    // `detect_language: true` wins in Gladia when both are set.
    if (value === null || body.detect_language === true) return;
    out.languageGiven = true;
    out.set("language_code", value);
  },
  detect_language: (value, _body, out) => {
    // `detect_language: false` only means "use `language`", handled there.
    if (isTrue(value) || isOpaque(value)) {
      out.languageGiven = true;
      out.set("language_detection", value);
    }
  },
  enable_code_switching: (value, body, out, field) => {
    if (!flagOn(value)) return;
    const config = body.code_switching_config;
    setLanguages(isObject(config) ? config.languages : undefined, value, out, field);
  },
  code_switching_config: consumedByFlag,
  diarization: (value, body, out) => {
    out.set("speaker_labels", value);
    const config = body.diarization_config;
    if (!flagOn(value) || !isObject(config)) return;
    if (config.number_of_speakers !== undefined) out.set("speakers_expected", config.number_of_speakers);
    const speakerOptions: RequestObject = {};
    if (config.min_speakers !== undefined) speakerOptions.min_speakers_expected = config.min_speakers;
    if (config.max_speakers !== undefined) speakerOptions.max_speakers_expected = config.max_speakers;
    if (Object.keys(speakerOptions).length > 0) out.set("speaker_options", speakerOptions);
    if (config.enhanced !== undefined) out.follow("diarization-enhanced-dropped", "diarization_config");
  },
  diarization_config: consumedByFlag,
  diarization_enhanced: drop("diarization-enhanced-dropped"),
  custom_vocabulary: (value, body, out, field) => {
    if (Array.isArray(value)) {
      out.set("keyterms_prompt", vocabularyTerms(value, out, field));
      return;
    }
    const config = body.custom_vocabulary_config;
    if (!flagOn(value) || config === undefined) return;
    if (!isObject(config)) return out.follow("request-unresolved", field);
    if (config.vocabulary !== undefined) out.set("keyterms_prompt", vocabularyTerms(config.vocabulary, out, field));
    if (config.default_intensity !== undefined) out.follow("vocabulary-intensity-dropped", field);
  },
  custom_vocabulary_config: consumedByFlag,
  custom_spelling: (value, body, out, field) => {
    const config = body.custom_spelling_config;
    if (!flagOn(value) || config === undefined) return;
    if (!isObject(config)) return out.follow("request-unresolved", field);
    out.set("custom_spelling", spellingList(config.spelling_dictionary ?? null));
  },
  custom_spelling_config: consumedByFlag,
  context_prompt: (value, _body, out) => {
    out.set("prompt", value);
    out.follow("context-prompt", "context_prompt");
  },
  callback: (value, body, out, field) => {
    const config = body.callback_config;
    if (!flagOn(value) || config === undefined) return;
    if (!isObject(config)) return out.follow("request-unresolved", field);
    out.set("webhook_url", config.url ?? null);
    if (config.method === "PUT" || isOpaque(config.method)) out.follow("callback-put", "callback_config");
  },
  callback_config: consumedByFlag,
  callback_url: copyAs("webhook_url"),
  subtitles: (value, body, out, field) => {
    if (!flagOn(value)) return;
    out.follow("subtitles-request", field);
    const config = body.subtitles_config;
    if (isObject(config) && Object.keys(config).some((k) => k !== "formats" && k !== "maximum_characters_per_row")) {
      out.follow("subtitles-config-dropped", "subtitles_config");
    }
  },
  subtitles_config: consumedByFlag,
  sentences: markOnly("sentences-request"),
  summarization: (value, body, out) => {
    out.set("summarization", value);
    if (!flagOn(value)) return;
    const config = body.summarization_config;
    const type = isObject(config) ? (config.type ?? "general") : "general";
    out.set("summary_model", "informative");
    out.set("summary_type", typeof type === "string" ? (SUMMARY_TYPES[type] ?? type) : type);
    out.follow("summarization-deprecated", "summarization");
  },
  summarization_config: consumedByFlag,
  chapterization: copyAs("auto_chapters"),
  named_entity_recognition: (value, _body, out) => {
    out.set("entity_detection", value);
    if (flagOn(value)) out.follow("entity-types-differ", "named_entity_recognition");
  },
  sentiment_analysis: copyAs("sentiment_analysis"),
  translation: (value, body, out, field) => {
    const config = body.translation_config;
    if (!flagOn(value) || config === undefined) return;
    if (!isObject(config)) return out.follow("request-unresolved", field);
    const translation: RequestObject = { target_languages: config.target_languages ?? null };
    if (config.informal !== undefined) {
      translation.formal = typeof config.informal === "boolean" ? !config.informal : config.informal;
    }
    if (config.match_original_utterances !== undefined) translation.match_original_utterance = config.match_original_utterances;
    if (["model", "lipsync", "context_adaptation", "context"].some((k) => config[k] !== undefined)) {
      out.follow("translation-options-dropped", "translation_config");
    }
    out.set("speech_understanding", { request: { translation } });
  },
  translation_config: consumedByFlag,
  pii_redaction: (value, body, out, field) => {
    out.set("redact_pii", value);
    if (!flagOn(value)) return;
    const config = isObject(body.pii_redaction_config) ? body.pii_redaction_config : {};
    const policies = piiPolicies(config.entity_types, out, field);
    if (policies !== undefined) out.set("redact_pii_policies", policies);
    else if (config.entity_types === undefined) out.follow("pii-preset", field);
    const sub = config.processed_text_type;
    if (typeof sub === "string") out.set("redact_pii_sub", PII_SUB[sub] ?? sub);
  },
  pii_redaction_config: consumedByFlag,
  audio_to_llm: markOnly("audio-to-llm"),
  audio_to_llm_config: consumedByFlag,
  custom_metadata: drop("custom-metadata"),
  model: drop("model-dropped"),
  moderation: (value, _body, out) => {
    out.set("content_safety", value);
    out.follow("moderation", "moderation");
  },
  punctuation_enhanced: drop("option-dropped"),
  name_consistency: drop("option-dropped"),
  display_mode: drop("option-dropped"),
  structured_data_extraction: drop("option-dropped"),
  structured_data_extraction_config: consumedByFlag,
  audio_enhancer: drop("option-dropped"),
  accurate_words_timestamps: drop("option-dropped"),
};

/** Gladia keys this mapping knows. A body with other keys is not provably a Gladia request. */
export const GLADIA_REQUEST_KEYS = new Set(Object.keys(FIELD_HANDLERS));


export function mapRequest(body: RequestObject, options: MapRequestOptions = {}): MapRequestResult {
  const out = new Builder();
  for (const [field, value] of Object.entries(body)) {
    const handler = FIELD_HANDLERS[field];
    if (handler) handler(value, body, out, field);
    else out.set(field, value); // unknown keys pass through untouched (a marker is the caller's call)
  }
  if (options.partial) out.follow("request-unresolved");
  if (!out.languageGiven && !options.partial) {
    out.set("language_detection", true);
    out.follow("language-detection-default");
  }
  // Gladia always returns utterances; AssemblyAI only with `speaker_labels: true`.
  if (options.readsUtterances && isOpaque(out.params.speaker_labels)) {
    out.follow("utterances-need-speaker-labels");
  } else if (options.readsUtterances && out.params.speaker_labels !== true) {
    out.set("speaker_labels", true);
    out.follow("speaker-labels-added");
  }
  if (flagOn(out.params.auto_chapters) && flagOn(out.params.summarization)) out.follow("chapters-with-summary");
  return { params: out.params, followUps: out.followUps };
}
