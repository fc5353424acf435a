import type { JsContext } from "../../shared/context.js";
import { isCall, isFunction, isMember, isNumericLiteral, isPure, memberKey, outermost, propertyKey, staticString, unwrap, type AnyNode, type AnyPath } from "../../shared/ast.js";
import { findBinding } from "../../shared/scope.js";
import { parseExpression, printNode, quoteString, styleOf } from "../../shared/print.js";
import type { UnmappedRead } from "../../shared/result-reads.js";
import { SUBTITLES_FETCH } from "../../../src/mapping/result.js";
import { ASSEMBLYAI_BASE, ASSEMBLYAI_JOB_PREFIX, AUTH_HEADER } from "../../../src/mapping/transport.js";
import { isGladiaHeaderName } from "../detect/headers.js";
import type { SubtitlesPlan } from "./subtitles-plan.js";

// `transcript.subtitles[0].subtitles` (or `.find((s) => s.format === "srt").subtitles`) →
// `await (await fetch(`https://api.assemblyai.com/v2/transcript/${transcript.id}/srt`, { headers })).text()`
// (axios: `(await axios.get(url, { headers, responseType: "text" })).data`), inside an async
// function, with the client and headers of the file's own job reads when they mean the same there.

/** `(s) => s.format === "srt"`: the format it looks for. */
function formatLookedFor(fn: AnyNode): string | undefined {
  if (!isFunction(fn) || fn.params.length !== 1 || fn.params[0].type !== "Identifier") return undefined;
  const body = fn.body.type === "BlockStatement" && fn.body.body.length === 1 && fn.body.body[0].type === "ReturnStatement" ? fn.body.body[0].argument : fn.body;
  if (body?.type !== "BinaryExpression" || !["===", "=="].includes(body.operator)) return undefined;
  const isFormatOfParam = (n: AnyNode) => isMember(n) && memberKey(n) === "format" && unwrap(n.object).type === "Identifier" && unwrap(n.object).name === fn.params[0].name;
  if (isFormatOfParam(body.left)) return staticString(body.right);
  return isFormatOfParam(body.right) ? staticString(body.left) : undefined;
}

/** The format one subtitles item stands for, and the `.subtitles` read of its text. */
function subtitleText(read: AnyPath, formats: string[]): { format: string; text: AnyPath } | undefined {
  const list = outermost(read);
  const access = list.parent;
  let item: AnyPath | undefined;
  let format: string | undefined;
  if (isMember(access.node) && access.node.object === list.node && access.node.computed && isNumericLiteral(access.node.property)) {
    item = access;
    format = formats[access.node.property.value];
  } else if (isMember(access.node) && memberKey(access.node) === "find" && isCall(access.parent.node) && access.parent.node.callee === access.node) {
    item = access.parent;
    format = formatLookedFor(access.parent.node.arguments[0]);
  }
  if (!item || !format || !formats.includes(format)) return undefined;
  const itemValue = outermost(item);
  const text = itemValue.parent;
  const isTextRead = isMember(text.node) && text.node.object === itemValue.node && memberKey(text.node) === "subtitles";
  return isTextRead ? { format, text } : undefined;
}

function isInAsyncFunction(path: AnyPath): boolean {
  for (let current = path.parent; current; current = current.parent) if (isFunction(current.node)) return Boolean(current.node.async);
  return false;
}

function rootName(node: AnyNode): string | undefined {
  const n = unwrap(node);
  if (n?.type === "Identifier") return n.name;
  return isMember(n) ? rootName(n.object) : undefined;
}

/** Does `name` mean the same binding (or the same global) at both places? */
function sameBinding(a: AnyPath, b: AnyPath, name: string): boolean {
  return findBinding(a, name)?.id.node === findBinding(b, name)?.id.node;
}

/** `{ headers }` / `{ headers: { authorization: key } }` for the new request, valid where it is made. */
function headersAt(plan: SubtitlesPlan, at: AnyPath): string | undefined {
  const node = unwrap(plan.headers.node);
  if (node.type === "Identifier") {
    if (!sameBinding(plan.headers, at, node.name)) return undefined;
    return node.name === "headers" ? "headers" : `headers: ${node.name}`;
  }
  if (node.type !== "ObjectExpression") return undefined;
  const auth = node.properties.find((p: AnyNode) => isGladiaHeaderName(propertyKey(p)));
  const name = auth && isPure(auth.value) ? rootName(auth.value) : undefined;
  if (!name || !sameBinding(plan.headers, at, name)) return undefined;
  return `headers: { ${AUTH_HEADER.assemblyai}: ${printNode(auth.value)} }`;
}

/** `fetch` / `axios.get`, as the job read names its client, when that name means the same here. */
function clientAt(plan: SubtitlesPlan, at: AnyPath): string | undefined {
  const callee = unwrap(plan.jobCall.path.node.callee);
  const client = plan.jobCall.client === "axios" && isMember(callee) ? unwrap(callee.object) : callee;
  if (client.type !== "Identifier" || !sameBinding(plan.jobCall.path, at, client.name)) return undefined;
  return plan.jobCall.client === "axios" ? `${client.name}.get` : client.name;
}

function subtitlesUrl(plan: SubtitlesPlan, transcript: string, format: string): string {
  const query = plan.charsPerCaption === undefined ? "" : `?${SUBTITLES_FETCH.query}=${plan.charsPerCaption}`;
  return `\`${ASSEMBLYAI_BASE}${ASSEMBLYAI_JOB_PREFIX}\${${transcript}.id}/${format}${query}\``;
}

/** Rewrites one subtitles read into the request for its file; false when something is not known. */
export function fetchSubtitles(ctx: JsContext, plan: SubtitlesPlan, unmapped: UnmappedRead): boolean {
  const found = unmapped.rule === "subtitles-result" ? subtitleText(unmapped.read, plan.formats) : undefined;
  if (!found || !isInAsyncFunction(found.text) || !isPure(unmapped.value.node)) return false;
  const headers = headersAt(plan, found.text);
  const client = headers && clientAt(plan, found.text);
  if (!headers || !client) return false;
  const url = subtitlesUrl(plan, printNode(unmapped.value.node), found.format);
  const code = plan.jobCall.client === "axios"
    ? `(await ${client}(${url}, { ${headers}, responseType: ${quoteString("text", styleOf(ctx))} })).data`
    : `await (await ${client}(${url}, { ${headers} })).text()`;
  found.text.replace(parseExpression(ctx, code));
  return true;
}
