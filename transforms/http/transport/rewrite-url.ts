import type { JsContext } from "../../shared/context.js";
import type { AnyNode, AnyPath } from "../../shared/ast.js";
import { setStringValue, stringValue } from "../../shared/literals.js";
import { ASSEMBLYAI_BASE, GLADIA_HOST, GLADIA_ORIGIN_RE, PATH_SEGMENT_RENAMES } from "../../../src/mapping/transport.js";
import { classifyUrl, urlOwners, type GladiaKind } from "../detect/endpoint.js";
import type { GladiaCall } from "../detect/facts.js";
import { DYN, evaluate, type UrlValue } from "../detect/url-value.js";
import type { Literals } from "./literals.js";

// Gladia URLs → AssemblyAI URLs, piece by piece where the code writes them (a base constant, a
// path literal, template pieces): host, `pre-recorded`/`transcription` → `transcript`, and the
// trailing slash of `/v2/transcription/` and `/upload/` when the piece ends the URL.

const SEGMENT_RE = new RegExp(`(^|/)(${Object.keys(PATH_SEGMENT_RENAMES).join("|")})(?=[/?#]|$)`, "g");
/** Kinds whose URL has no id after the path: a trailing slash there can go. */
const ENDS_WITH_PATH = new Set<GladiaKind>(["create", "upload", "list"]);
/** Endpoints (not a bare base URL): a standalone one is used by code the codemod does not follow. */
const ENDPOINT_KINDS = new Set<GladiaKind>(["upload", "create", "job", "delete", "list"]);
/** Kinds whose URL is migrated (the others get a marker and stay as they are). */
export const MIGRATED_KINDS = new Set<GladiaKind>(["upload", "create", "job", "delete", "list", "base", "unknown"]);

export function rewriteUrlText(text: string, stripTrailingSlash: boolean): string {
  let out = text.replace(GLADIA_ORIGIN_RE, ASSEMBLYAI_BASE);
  out = out.replace(SEGMENT_RE, (_m, before: string, segment: string) => before + PATH_SEGMENT_RENAMES[segment]);
  return stripTrailingSlash && out.length > 1 && out.endsWith("/") ? out.slice(0, -1) : out;
}

interface PieceUse {
  path: AnyPath;
  /** Every URL it is part of ends in it with no id after it. */
  strip: boolean;
}

function recordPieces(pieces: Map<AnyNode, PieceUse>, value: UrlValue, kind: GladiaKind): void {
  for (const one of urlOwners(value)) {
    for (const owner of one.owners) {
      const ends = one.last?.node === owner.node && !one.text.endsWith(DYN) && ENDS_WITH_PATH.has(kind);
      const known = pieces.get(owner.node);
      pieces.set(owner.node, { path: owner, strip: known ? known.strip && ends : ends });
    }
  }
}

function applyPieces(pieces: Map<AnyNode, PieceUse>): boolean {
  let changed = false;
  for (const { path, strip } of pieces.values()) {
    const text = stringValue(path.node);
    if (text === undefined) continue;
    const next = rewriteUrlText(text, strip);
    if (next === text) continue;
    setStringValue(path.node, next);
    changed = true;
  }
  return changed;
}

/** Rewrites the URL pieces of migrated Gladia calls; returns the nodes it handled. */
export function rewriteCallUrls(calls: GladiaCall[]): { changed: boolean; handled: Set<AnyNode> } {
  const pieces = new Map<AnyNode, PieceUse>();
  for (const call of calls.filter((c) => MIGRATED_KINDS.has(c.kind))) recordPieces(pieces, call.urlValue, call.kind);
  return { changed: applyPieces(pieces), handled: new Set(pieces.keys()) };
}

/** Gladia URL literals that are not (provably) passed to a call: constants, config objects. */
export function rewriteStandaloneUrls(ctx: JsContext, skip: (path: AnyPath) => boolean, literals: () => Literals): boolean {
  // A Gladia URL value always has the host in the file's text (an in-file constant at least).
  if (!ctx.source.includes(GLADIA_HOST)) return false;
  const { j } = ctx;
  const pieces = new Map<AnyNode, PieceUse>();
  // Cheap filters first: a literal naming the Gladia host, or a template that may start with a base constant.
  const { strings: stringLiterals, templates: templateLiterals } = literals();
  const strings = stringLiterals.filter((p: AnyPath) => p.node.value.includes(GLADIA_HOST)).paths();
  const templates = templateLiterals
    .filter((p: AnyPath) => p.node.quasis.some((q: AnyNode) => q.value.raw.includes(GLADIA_HOST)) || (p.node.quasis[0].value.raw === "" && p.node.expressions.length > 0))
    .paths();
  const candidates: AnyPath[] = [...strings, ...templates];
  for (const path of candidates) {
    if (skip(path) || path.parent?.node.type === "TemplateLiteral") continue;
    const value = path.node.type === "StringLiteral" ? { text: path.node.value, owners: [path], last: path } : evaluate(j, path);
    if (!GLADIA_ORIGIN_RE.test(value.text)) continue;
    const { kind } = classifyUrl(value, undefined);
    if (kind === "file") ctx.mark(path, "get-file");
    else if (kind === "v1") ctx.mark(path, "v1-api");
    else if (kind !== undefined) recordPieces(pieces, value, kind);
    if (kind !== undefined && ENDPOINT_KINDS.has(kind)) ctx.mark(path, "unknown-client");
  }
  return applyPieces(pieces);
}
