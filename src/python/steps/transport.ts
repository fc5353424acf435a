import { AUTH_HEADER, GLADIA_HOST } from "../../mapping/transport.js";
import type { PyContext } from "../context.js";
import type { HttpCall } from "../facts.js";
import type { PyNode } from "../parse.js";
import { end, stringContents, stringValue } from "../nodes.js";
import { endpointOf, rewriteUrlText, type EndpointKind } from "../url.js";
import type { PyStep } from "./step.js";
import { describePyStep } from "../../languages/python-info.js";

// Mapping §1: Gladia hosts and endpoint paths become AssemblyAI's in every literal that builds a
// Gladia URL; the `x-gladia-key` header becomes `authorization`; endpoints with no equivalent get a marker.

const PLACEHOLDER_RE = /^(<.*>|.*YOUR.*|x+|\.\.\.|)$/i;

/** Rewrites the text parts of one string literal (f-string interpolations are left alone). */
function rewritePiece(ctx: PyContext, piece: PyNode, rewrite: (text: string) => string): boolean {
  if (piece.kind() !== "string") return false;
  let changed = false;
  for (const content of stringContents(piece)) {
    const next = rewrite(content.text());
    if (next !== content.text()) changed = ctx.replace(content, next) || changed;
  }
  return changed;
}

/** Endpoints with no AssemblyAI equivalent keep their Gladia URL (and get a marker). */
const UNMAPPED: (EndpointKind | undefined)[] = ["v1", "file"];

function rewriteHostLiterals(ctx: PyContext): boolean {
  let changed = false;
  for (const node of ctx.root.findAll({ rule: { kind: "string" } })) {
    if (!node.text().includes(GLADIA_HOST) || UNMAPPED.includes(endpointOf(ctx.facts.evalUrl(node).text))) continue;
    if (node.parent()?.kind() === "expression_statement") continue; // a docstring describes, it does not call
    changed = rewritePiece(ctx, node, rewriteUrlText) || changed;
  }
  return changed;
}

/** `…/v2/pre-recorded/`: AssemblyAI's path has no trailing slash (unless the literal also prefixes job URLs). */
function stripTrailingSlash(ctx: PyContext, http: HttpCall, prefixes: Set<number>): boolean {
  if (!http.urlNode || !http.url.text.endsWith("/") || (http.endpoint !== "create" && http.endpoint !== "upload")) return false;
  const last = http.url.pieces[http.url.pieces.length - 1];
  if (!last || prefixes.has(last.id())) return false;
  const contents = last ? stringContents(last) : [];
  const content = contents[contents.length - 1];
  if (!content || end(content) !== end(last) - 1 || !content.text().endsWith("/")) return false;
  return ctx.replace(content, rewriteUrlText(content.text()).replace(/\/$/, ""));
}

function rewriteCall(ctx: PyContext, http: HttpCall, prefixes: Set<number>): boolean {
  let changed = stripTrailingSlash(ctx, http, prefixes);
  if (http.endpoint && !UNMAPPED.includes(http.endpoint)) for (const piece of http.url.pieces) changed = rewritePiece(ctx, piece, rewriteUrlText) || changed;
  if (http.endpoint === "v1") ctx.mark(http.call, "v1-api");
  if (http.endpoint === "file") ctx.mark(http.call, "get-file");
  if (http.endpoint === "create" && http.method === "GET") ctx.mark(http.call, "list-pagination");
  if (http.endpoint === "job" && http.method === "DELETE") ctx.note("delete-response", http.call);
  return changed;
}

/** `url = base_url + "/v2/pre-recorded"`: the fragment literals of a Gladia URL bound to a name. */
function rewriteBoundUrls(ctx: PyContext): boolean {
  let changed = false;
  for (const node of ctx.root.findAll({ rule: { kind: "assignment" } })) {
    const right = node.field("right");
    const fact = right ? ctx.facts.factOf(right) : undefined;
    if (fact?.kind !== "url") continue;
    for (const piece of fact.value.pieces) changed = rewritePiece(ctx, piece, rewriteUrlText) || changed;
  }
  return changed;
}

/** The string literal a name was bound to (`API_KEY = "…"`), for locating a hard-coded key. */
function constantOf(ctx: PyContext, name: PyNode): PyNode | undefined {
  const binding = ctx.facts.lookup(name.text(), name)?.node;
  return binding?.kind() === "assignment" ? binding.field("right") ?? undefined : undefined;
}

function headerName(original: string): string {
  return /^[A-Z]/.test(original) ? AUTH_HEADER.assemblyai[0].toUpperCase() + AUTH_HEADER.assemblyai.slice(1) : AUTH_HEADER.assemblyai;
}

function rewriteHeaderKey(ctx: PyContext, key: PyNode, value: PyNode | null): boolean {
  const name = stringValue(key);
  if (name?.toLowerCase() !== AUTH_HEADER.gladia) return false;
  const source = value?.kind() === "identifier" ? constantOf(ctx, value) : value;
  const literal = stringValue(source);
  if (source && literal !== undefined && !PLACEHOLDER_RE.test(literal)) {
    ctx.secret(source);
    ctx.note("hardcoded-key", source);
  }
  const content = stringContents(key)[0];
  return content ? ctx.replace(content, headerName(name)) : false;
}

function rewriteHeaders(ctx: PyContext): boolean {
  if (!ctx.source.toLowerCase().includes(AUTH_HEADER.gladia)) return false;
  let changed = false;
  for (const pair of ctx.root.findAll({ rule: { kind: "pair" } })) {
    const key = pair.field("key");
    if (key) changed = rewriteHeaderKey(ctx, key, pair.field("value")) || changed;
  }
  for (const assignment of ctx.root.findAll({ rule: { kind: "assignment" } })) {
    const left = assignment.field("left");
    if (left?.kind() !== "subscript") continue;
    const key = left.field("subscript");
    if (key) changed = rewriteHeaderKey(ctx, key, assignment.field("right")) || changed;
  }
  return changed;
}

export const transportStep: PyStep = {
  name: "py-transport",
  description: describePyStep("py-transport"),
  run(ctx) {
    let changed = false;
    // Literals that build other URLs too (a job URL's prefix) keep their trailing slash.
    const prefixes = new Set([...ctx.facts.httpCalls.values()].filter((h) => h.endpoint !== "create" && h.endpoint !== "upload").flatMap((h) => h.url.pieces.map((p) => p.id())));
    for (const http of ctx.facts.httpCalls.values()) changed = rewriteCall(ctx, http, prefixes) || changed;
    changed = rewriteBoundUrls(ctx) || changed;
    changed = rewriteHostLiterals(ctx) || changed;
    changed = rewriteHeaders(ctx) || changed;
    return changed;
  },
};
