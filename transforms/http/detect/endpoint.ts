import { GLADIA_ORIGIN_RE, matchEndpoint } from "../../../src/mapping/transport.js";
import { DYN, type UrlValue } from "./url-value.js";

// Which Gladia endpoint a URL (plus HTTP method) names. The endpoint table is src/mapping/transport.ts.

export type GladiaKind = "upload" | "create" | "job" | "list" | "delete" | "file" | "v1" | "base" | "unknown";

export interface UrlClass {
  /** The text starts with the Gladia host. */
  gladiaHost: boolean;
  /** What the URL names; undefined when it is not a Gladia path at all. */
  kind: GladiaKind | undefined;
}

/** The path part of a URL text, or undefined when it has a host that is not Gladia's. */
function pathOf(text: string): { path: string; gladiaHost: boolean } | undefined {
  const origin = GLADIA_ORIGIN_RE.exec(text);
  if (origin) return { path: text.slice(origin[0].length), gladiaHost: true };
  if (text.startsWith(DYN)) return { path: text.slice(DYN.length), gladiaHost: false };
  if (text.startsWith("/")) return { path: text, gladiaHost: false };
  return undefined;
}

function kindOfPath(path: string, method: string | undefined): GladiaKind | undefined {
  const clean = path.replace(/[?#].*$/, "").split(DYN).join("x");
  if (clean === "" || clean === "/" || /^\/v2\/?$/.test(clean)) return "base";
  const rule = matchEndpoint(clean);
  if (!rule) return undefined;
  if (rule.kind === "create" && method !== undefined && method !== "POST") return method === "GET" ? "list" : undefined;
  if (rule.kind === "job" && method === "DELETE") return "delete";
  if (rule.kind === "job" && method !== undefined && method !== "GET") return undefined;
  return rule.kind;
}

function classifyOne(text: string, method: string | undefined): UrlClass {
  if (text === DYN) return { gladiaHost: false, kind: "unknown" };
  const parts = pathOf(text);
  if (!parts) return { gladiaHost: false, kind: undefined };
  return { gladiaHost: parts.gladiaHost, kind: kindOfPath(parts.path, method) };
}

export function classifyUrl(value: UrlValue, method: string | undefined): UrlClass {
  if (!value.alternatives) return classifyOne(value.text, method);
  const classes = value.alternatives.map((alt) => classifyUrl(alt, method));
  const kinds = new Set(classes.map((c) => c.kind));
  return {
    gladiaHost: classes.every((c) => c.gladiaHost),
    kind: kinds.size === 1 ? classes[0].kind : classes.some((c) => c.kind !== undefined) ? "unknown" : undefined,
  };
}

/** Literal pieces of a URL value and its alternatives. */
export function urlOwners(value: UrlValue): UrlValue[] {
  return value.alternatives ? value.alternatives.flatMap(urlOwners) : [value];
}
