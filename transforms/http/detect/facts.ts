import type { JsContext } from "../../shared/context.js";
import { isMember, memberKey, unwrap, type AnyNode, type AnyPath } from "../../shared/ast.js";
import { followValue, keyReads } from "../../shared/flow.js";
import { calleeRootName, clientNames, clientOf, httpCallOf, instanceBase, type HttpCall } from "./clients.js";
import { withBindingCache } from "../../shared/scope.js";
import { classifyUrl, type GladiaKind } from "./endpoint.js";
import { containsGladiaHeader } from "./headers.js";
import { propertyValue } from "./objects.js";
import { bodyStarts } from "./responses.js";
import { DYN, evaluate, joinBase, type UrlValue } from "./url-value.js";
import { findEach, findNodes } from "../../shared/find.js";

// The per-file record every later HTTP step reads: which calls talk to Gladia, what each one is,
// and which expressions hold an upload response, a create response, or a job.

export interface GladiaCall extends HttpCall {
  kind: GladiaKind;
  /** The full URL (instance base joined). */
  urlValue: UrlValue;
  /** The base URL value of an axios/ky/got instance or axios defaults, when there is one. */
  baseValue?: UrlValue;
}

export interface GladiaFacts {
  calls: GladiaCall[];
  /** Where parsed JSON bodies first appear, by what they are. */
  uploadBodies: AnyPath[];
  createBodies: AnyPath[];
  jobBodies: AnyPath[];
  /** Reads of a create response's `result_url` (member reads, or destructured identifiers). */
  resultUrlReads: AnyPath[];
  /** The file's other HTTP calls (not Gladia's): where look-alike values come from. */
  otherCalls: HttpCall[];
}

const FACTS_KEY = "http:facts";

export function getFacts(ctx: JsContext): GladiaFacts | undefined {
  return ctx.shared.get(FACTS_KEY) as GladiaFacts | undefined;
}

interface AxiosDefaults {
  base?: AnyPath;
  gladiaHeader: boolean;
}

/** `axios.defaults.baseURL = …` and `axios.defaults.headers.common["x-gladia-key"] = …`. */
function axiosDefaults(ctx: JsContext, assignments: AnyPath[]): AxiosDefaults {
  const { j } = ctx;
  const defaults: AxiosDefaults = { gladiaHeader: false };
  assignments.forEach((path: AnyPath) => {
    const chain: string[] = [];
    let node: AnyNode = path.node.left;
    while (isMember(node)) {
      chain.unshift(memberKey(node) ?? "");
      node = node.object;
    }
    if (node.type !== "Identifier" || chain[0] !== "defaults") return;
    const client = clientOf(j, findNodes(path, j.Identifier, { name: node.name }).paths()[0]);
    if (client?.client !== "axios") return;
    if (chain[1] === "baseURL") defaults.base = path.get("right");
    if (chain[1] === "headers" && /x-gladia-key/i.test(chain.join("."))) defaults.gladiaHeader = true;
  });
  return defaults;
}

function hasGladiaHeader(ctx: JsContext, call: HttpCall, defaults: AxiosDefaults): boolean {
  const { j } = ctx;
  const headers = [propertyValue(call.options, "headers"), propertyValue(call.instance.config, "headers")];
  if (headers.some((h) => containsGladiaHeader(j, h))) return true;
  return call.client === "axios" && !call.instance.config && defaults.gladiaHeader;
}

function toGladiaCall(ctx: JsContext, call: HttpCall, defaults: AxiosDefaults): GladiaCall | undefined {
  const { j } = ctx;
  const url = call.url ? evaluate(j, call.url) : { text: call.instance.config ? "" : DYN, owners: [] };
  const basePath = instanceBase(call.instance) ?? (call.client === "axios" && !call.instance.config ? defaults.base : undefined);
  const baseValue = basePath ? evaluate(j, basePath) : undefined;
  const urlValue = baseValue ? joinBase(baseValue, url) : url;
  const { gladiaHost, kind } = classifyUrl(urlValue, call.method);
  if (kind === undefined || (!gladiaHost && !hasGladiaHeader(ctx, call, defaults))) return undefined;
  const resolved: GladiaKind = kind === "unknown" && call.method === "GET" ? "job" : kind;
  return { ...call, kind: resolved, urlValue, baseValue };
}

/** `created.result_url` and `const { result_url } = created`. */
function resultUrlReads(ctx: JsContext, createBodies: AnyPath[]): AnyPath[] {
  const { members, destructured } = keyReads(followValue(ctx.j, createBodies), "result_url");
  return [...members, ...destructured];
}

/** Calls whose URL is a create response's `result_url` (however it got there) are job reads. */
function resultUrlCalls(ctx: JsContext, candidates: HttpCall[], reads: AnyPath[]): GladiaCall[] {
  const flowing = new Set(followValue(ctx.j, reads).exprs.map((p) => p.node));
  return candidates
    .filter((call) => call.url && flowing.has(call.url.node) || (call.url && flowing.has(unwrap(call.url.node))))
    .map((call) => ({ ...call, kind: "job" as const, urlValue: { text: DYN, owners: [] } }));
}

/**
 * Every HTTP client is named in the file's text: a global (`fetch`, `axios`, `ky`) or a module
 * (`node-fetch`, `undici`, `got`, …; see clients.ts). Without one there is no call to find.
 */
const CLIENT_WORD_RE = /fetch|axios|undici|\bky\b|\bgot\b/;

function noFacts(ctx: JsContext): GladiaFacts {
  const facts: GladiaFacts = { calls: [], uploadBodies: [], createBodies: [], jobBodies: [], resultUrlReads: [], otherCalls: [] };
  ctx.shared.set(FACTS_KEY, facts);
  return facts;
}

export function collectFacts(ctx: JsContext): GladiaFacts {
  if (!CLIENT_WORD_RE.test(ctx.source)) return noFacts(ctx);
  return withBindingCache(() => detect(ctx));
}

function detect(ctx: JsContext): GladiaFacts {
  const { j, root } = ctx;
  // One walk for the three searches (detection only reads the tree).
  const [allCalls, imports, assignments] = findEach(root, [j.CallExpression, j.ImportDeclaration, j.AssignmentExpression]).map((found) => found.paths());
  const names = clientNames(imports, allCalls);
  const defaults = axiosDefaults(ctx, assignments);
  const httpCalls: HttpCall[] = [];
  allCalls.forEach((path: AnyPath) => {
    if (!names.has(calleeRootName(path.node.callee) ?? "")) return;
    const call = httpCallOf(j, path);
    if (call) httpCalls.push(call);
  });
  const calls: GladiaCall[] = [];
  const others: HttpCall[] = [];
  for (const call of httpCalls) {
    const gladia = toGladiaCall(ctx, call, defaults);
    if (gladia) calls.push(gladia);
    else others.push(call);
  }
  const bodiesOf = (kind: GladiaKind) => calls.filter((c) => c.kind === kind).flatMap((c) => bodyStarts(j, c));
  const createBodies = bodiesOf("create");
  const reads = resultUrlReads(ctx, createBodies);
  const polls = resultUrlCalls(ctx, others.filter((c) => c.method === "GET"), reads);
  calls.push(...polls);
  const facts: GladiaFacts = {
    calls,
    uploadBodies: bodiesOf("upload"),
    createBodies,
    jobBodies: bodiesOf("job"),
    resultUrlReads: reads,
    otherCalls: others.filter((call) => !polls.some((poll) => poll.path === call.path)),
  };
  ctx.shared.set(FACTS_KEY, facts);
  return facts;
}
