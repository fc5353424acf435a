// Every place where the emulators deviate from the verbatim spec files in `specs/`, with the reason.
// Nothing else is loosened: a request or response the spec rejects is rejected. (One more, in openapi.ts:
// `format: url` accepts any absolute http(s) URL, loopback included, so webhooks can reach local receivers.)
type Json = Record<string, any>;

export interface SpecPatch {
  reason: string;
  apply(doc: Json): void;
}

function walk(node: unknown, visit: (obj: Json) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === "object") {
    visit(node as Json);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

/** OpenAPI 3.0 `nullable: true` (JSON Schema has no such keyword) → `anyOf: [{type: "null"}, <schema>]`. */
function replaceNullable(doc: Json): void {
  walk(doc, (obj) => {
    if (obj.nullable !== true) return;
    delete obj.nullable;
    const rest = { ...obj };
    for (const key of Object.keys(obj)) if (key !== "description") delete obj[key];
    obj.anyOf = [{ type: "null" }, rest];
  });
}

export const assemblyaiPatches: SpecPatch[] = [
  {
    reason:
      "`speech_models` is listed as required in TranscriptOptionalParams (spec of 2026-03), but the server treats it " +
      "as optional again since June 2026 (reference/assemblyai-api.md §3.1) and the codemod emits no model by default.",
    apply(doc) {
      const s = doc.components.schemas.TranscriptOptionalParams;
      s.required = (s.required as string[]).filter((r) => r !== "speech_models");
      if (s.required.length === 0) delete s.required;
    },
  },
  {
    reason:
      "TranscriptParams is `allOf: [{audio_url} + additionalProperties:false, TranscriptOptionalParams " +
      "(additionalProperties:false)]`, which no body can satisfy under JSON Schema (each branch forbids the " +
      "other's keys). Flattened to the intended object: audio_url (required) + the optional params, nothing else.",
    apply(doc) {
      const schemas = doc.components.schemas;
      const [audioPart] = schemas.TranscriptParams.allOf as Json[];
      const optional = schemas.TranscriptOptionalParams;
      schemas.TranscriptParams = {
        type: "object",
        additionalProperties: false,
        required: ["audio_url", ...((optional.required as string[] | undefined) ?? [])],
        properties: { ...audioPart.properties, ...optional.properties },
      };
    },
  },
];

export const gladiaPatches: SpecPatch[] = [
  {
    reason:
      "The document says `openapi: 3.1.0` but marks nullable fields with the 3.0 keyword `nullable: true`, which " +
      "JSON Schema ignores (so `completed_at: null` would be rejected). Translated to `anyOf: [null, schema]`.",
    apply: replaceNullable,
  },
  {
    reason:
      "ChapterizationDTO.results is typed `object` in the spec, but Gladia's docs (chapterization.mdx) and the API " +
      "return an array of {summary, headline, gist, keywords, start, end}; accept that array as well.",
    apply(doc) {
      const properties = doc.components.schemas.ChapterizationDTO.properties;
      properties.results = { anyOf: [properties.results, { type: "array", items: { type: "object" } }] };
    },
  },
  {
    reason:
      "AudioToLlmListConfigDTO.prompts declares `items: {type: array}` (an array of arrays), contradicting its own " +
      "example, Gladia's docs (audio-to-llm.mdx) and the SDK samples, which send an array of strings.",
    apply(doc) {
      doc.components.schemas.AudioToLlmListConfigDTO.properties.prompts.items = { type: "string" };
    },
  },
];

export function applyPatches(doc: Json, patches: SpecPatch[]): Json {
  const copy = structuredClone(doc);
  for (const patch of patches) patch.apply(copy);
  return copy;
}

/**
 * Gladia create-job body: the current `InitTranscriptionRequest` plus the deprecated fields that only the
 * 2026-03-20 spec still lists (detect_language, language, chapterization, …), typed by that spec.
 * The current schema does not forbid unknown keys, so without this a deprecated field of the wrong type
 * (`language: 42`) would pass; with it, old-style bodies are checked as strictly as current ones.
 */
export function buildGladiaCreateSchema(currentDoc: Json, oldDoc: Json, currentId: string, oldId: string): Json {
  const current = currentDoc.components.schemas.InitTranscriptionRequest.properties as Json;
  const old = oldDoc.components.schemas.InitTranscriptionRequest.properties as Json;
  const deprecated = Object.keys(old).filter((k) => !(k in current));
  return {
    allOf: [{ $ref: `${currentId}#/components/schemas/InitTranscriptionRequest` }],
    properties: Object.fromEntries(
      deprecated.map((k) => [k, { $ref: `${oldId}#/components/schemas/InitTranscriptionRequest/properties/${k}` }]),
    ),
  };
}
