import type { JsContext } from "../../shared/context.js";
import { isNumericLiteral, type AnyNode, type AnyPath } from "../../shared/ast.js";
import { followValue } from "../../shared/flow.js";
import { isOpaque, type RequestValue } from "../../../src/mapping/request.js";
import { SUBTITLES_FETCH } from "../../../src/mapping/result.js";
import type { GladiaCall, GladiaFacts } from "../detect/facts.js";
import { classifyUrl } from "../detect/endpoint.js";
import { propertyValue } from "../detect/objects.js";
import { DYN } from "../detect/url-value.js";
import { evaluateObject } from "../../shared/evaluate-literal.js";
import { bodyExpression, bodyTargets } from "../request/rewrite-body.js";

// What a read of Gladia's subtitles needs to become AssemblyAI's GET /v2/transcript/{id}/{format}:
// the formats every request of the file asks for (Gladia's `subtitles` array is in that order), and
// a job read the file makes with fetch or axios, whose client and headers the new request reuses.

export interface SubtitlesPlan {
  formats: string[];
  /** `maximum_characters_per_row` (a number literal) → `?chars_per_caption=`. */
  charsPerCaption?: number;
  /** A `GET` of a job: its client and `headers` value are reused. */
  jobCall: GladiaCall;
  headers: AnyPath;
}

interface Requested {
  formats: string[];
  charsPerCaption?: number;
}

const CONFIG_KEYS = new Set<string>(["formats", SUBTITLES_FETCH.charsPerCaption]);

/** `subtitles_config` when the fetch can honour all of it: known formats, a literal row width. */
function requestedConfig(config: RequestValue | undefined): Requested | undefined {
  if (config === undefined) return { formats: [...SUBTITLES_FETCH.defaultFormats] };
  if (!config || typeof config !== "object" || Array.isArray(config) || isOpaque(config)) return undefined;
  if (Object.keys(config).some((key) => !CONFIG_KEYS.has(key))) return undefined;
  const formats = config.formats ?? [...SUBTITLES_FETCH.defaultFormats];
  const known = SUBTITLES_FETCH.formats as readonly string[];
  if (!Array.isArray(formats) || formats.length === 0 || !formats.every((f) => typeof f === "string" && known.includes(f))) return undefined;
  const chars = config[SUBTITLES_FETCH.charsPerCaption];
  if (chars === undefined) return { formats: formats as string[] };
  const node: AnyNode = isOpaque(chars) ? chars.opaque : undefined;
  return isNumericLiteral(node) ? { formats: formats as string[], charsPerCaption: node.value } : undefined;
}

const sameRequest = (a: Requested, b: Requested) => JSON.stringify(a) === JSON.stringify(b);

/** The subtitles every create body of the file asks for alike (undefined: none, or not all known). */
function requestedSubtitles(ctx: JsContext, facts: GladiaFacts): Requested | undefined {
  const requested: Requested[] = [];
  for (const call of facts.calls.filter((c) => c.kind === "create")) {
    for (const target of bodyTargets(ctx, bodyExpression(call))) {
      if (!target) return undefined;
      const evaluated = evaluateObject(ctx.j, target.object);
      if (evaluated.partial || evaluated.conditionals.length > 0) return undefined;
      const { subtitles, subtitles_config: config } = evaluated.body;
      if (subtitles === undefined || subtitles === false) continue;
      const one = subtitles === true ? requestedConfig(config) : undefined;
      if (!one) return undefined;
      requested.push(one);
    }
  }
  return requested.length > 0 && requested.every((r) => sameRequest(r, requested[0])) ? requested[0] : undefined;
}

/** A job read made with fetch or axios itself (no instance), on Gladia's host, with its headers written out. */
function jobFetcher(facts: GladiaFacts): { jobCall: GladiaCall; headers: AnyPath } | undefined {
  const gets = facts.calls.filter((c) => c.kind === "job" && c.method === "GET");
  const onGladia = (c: GladiaCall) => classifyUrl(c.urlValue, c.method).gladiaHost || c.urlValue.text === DYN;
  if (!facts.calls.some((c) => classifyUrl(c.urlValue, c.method).gladiaHost) || !gets.every(onGladia)) return undefined;
  for (const jobCall of gets) {
    const headers = propertyValue(jobCall.options, "headers");
    if (headers && ["fetch", "axios"].includes(jobCall.client) && !jobCall.instance.config) return { jobCall, headers };
  }
  return undefined;
}

export function planSubtitlesFetch(ctx: JsContext, facts: GladiaFacts): SubtitlesPlan | undefined {
  const requested = requestedSubtitles(ctx, facts);
  const fetcher = requested && jobFetcher(facts);
  return fetcher ? { ...requested!, ...fetcher } : undefined;
}

/** Does a job value leave what the file shows (exported, passed to unknown code)? */
export function jobsLeaveFile(ctx: JsContext, facts: GladiaFacts): boolean {
  return followValue(ctx.j, facts.jobBodies).sinks.length > 0;
}
