// Mapping §1: hosts, endpoints, auth header, statuses and env var names.

export const GLADIA_HOST = "api.gladia.io";
export const ASSEMBLYAI_BASE = "https://api.assemblyai.com";
export const MARKER_PREFIX = "TODO(gladia-to-assemblyai):";
export const IGNORE_COMMENT = "gladia-to-assemblyai-ignore";

/** Matches a Gladia base URL, with or without `/v2` and a trailing slash. */
export const GLADIA_BASE_RE = /^https?:\/\/api\.gladia\.io(\/v2)?\/?$/;

export interface EndpointRule {
  /** Path after the host, as a regex on a string that starts with "/". */
  gladia: RegExp;
  /** AssemblyAI path (`$id` is the job id placeholder), or null when there is no equivalent. */
  assemblyai: string | null;
  kind: "upload" | "create" | "job" | "list" | "file" | "v1";
}

// Order matters: the first matching rule wins.
export const ENDPOINTS: EndpointRule[] = [
  { gladia: /^\/v2\/upload\/?$/, assemblyai: "/v2/upload", kind: "upload" },
  { gladia: /^\/v2\/(pre-recorded|transcription)\/[^/]+\/file\/?$/, assemblyai: null, kind: "file" },
  { gladia: /^\/v2\/(pre-recorded|transcription)\/?$/, assemblyai: "/v2/transcript", kind: "create" },
  { gladia: /^\/v2\/(pre-recorded|transcription)\/[^/]+\/?$/, assemblyai: "/v2/transcript/$id", kind: "job" },
  { gladia: /^\/(audio\/text\/audio-transcription|video\/text\/video-transcription)\/?$/, assemblyai: null, kind: "v1" },
];

/** Gladia origin at the start of a URL text (`http://` too). */
export const GLADIA_ORIGIN_RE = /^https?:\/\/api\.gladia\.io(?=[/?#]|$)/;

/**
 * Path segments renamed inside a Gladia URL, piece by piece (a URL may be split over a base
 * constant and a path literal): `/v2/pre-recorded/…` and `/v2/transcription/…` → `/v2/transcript/…`.
 */
export const PATH_SEGMENT_RENAMES: Record<string, string> = {
  "pre-recorded": "transcript",
  transcription: "transcript",
};

export const ASSEMBLYAI_JOB_PREFIX = "/v2/transcript/";

export const AUTH_HEADER = { gladia: "x-gladia-key", assemblyai: "authorization" } as const;

/** HTTP status of a successful DELETE. */
export const DELETE_STATUS = { gladia: 202, assemblyai: 200 } as const;

export const STATUS_MAP: Record<string, string> = {
  done: "completed",
  queued: "queued",
  processing: "processing",
  error: "error",
};

/** Gladia's multipart upload field and AssemblyAI's raw upload content type. */
export const UPLOAD = {
  gladiaField: "audio",
  contentType: "application/octet-stream",
} as const;

/** Upload response fields. `audio_metadata` has no equivalent (marker). */
export const UPLOAD_FIELD_MAP: Record<string, string> = {
  audio_url: "upload_url",
};

/** Gladia upload response fields AssemblyAI has no equivalent for → the marker rule to leave. */
export const UPLOAD_FIELDS_WITHOUT_EQUIVALENT: Record<string, "audio-metadata"> = { audio_metadata: "audio-metadata" };

/** `GLADIA_API_KEY`, `VITE_GLADIA_API_KEY`, `NEXT_PUBLIC_GLADIA_API_KEY`, … (prefix kept). */
export const ENV_VAR_RE = /\b([A-Z][A-Z0-9_]*_)?GLADIA_API_KEY\b/g;

export function renameEnvVar(name: string): string {
  return name.replace(ENV_VAR_RE, (_m, prefix: string | undefined) => `${prefix ?? ""}ASSEMBLYAI_API_KEY`);
}

/** Other Gladia env vars (SDK base-URL override). */
export const ENV_VAR_RENAMES: Record<string, string> = {
  GLADIA_API_URL: "ASSEMBLYAI_BASE_URL",
};

export function matchEndpoint(path: string): EndpointRule | undefined {
  return ENDPOINTS.find((rule) => rule.gladia.test(path));
}
