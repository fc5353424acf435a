import { ASSEMBLYAI_BASE, GLADIA_BASE_RE, GLADIA_HOST, matchEndpoint, type EndpointRule } from "../mapping/transport.js";
import type { PyNode } from "./parse.js";
import { callArgs, dottedName, isFString, stringValue, unwrap } from "./nodes.js";

// Evaluates URL-building expressions (literals, f-strings, `+`, `%`, `.format`, env defaults,
// constants) into a text with `{}` for the unknown parts, and the string literals that built it.

export type EndpointKind = EndpointRule["kind"] | "base";

export interface UrlValue {
  text: string;
  /** String literals (or constant definitions) whose text is part of the URL. */
  pieces: PyNode[];
}

const UNKNOWN: UrlValue = { text: "{}", pieces: [] };
const ENV_READERS = new Set(["os.environ.get", "os.getenv", "environ.get", "getenv", "os.environ.setdefault"]);

export type Lookup = (node: PyNode) => UrlValue | undefined;

function concat(...parts: UrlValue[]): UrlValue {
  return { text: parts.map((p) => p.text).join(""), pieces: parts.flatMap((p) => p.pieces) };
}

function evalFString(node: PyNode, lookup: Lookup): UrlValue {
  const parts: UrlValue[] = [];
  for (const child of node.children()) {
    if (child.kind() === "string_content") parts.push({ text: child.text(), pieces: [] });
    else if (child.kind() === "interpolation") {
      const expr = child.namedChildren().find((c) => c.kind() !== "format_specifier" && c.kind() !== "type_conversion");
      parts.push(expr ? evalUrl(expr, lookup) : UNKNOWN);
    }
  }
  const value = concat(...parts);
  return { text: value.text, pieces: [node, ...value.pieces] };
}

function formatWith(template: string, args: UrlValue[], re: RegExp): string {
  let i = 0;
  return template.replace(re, () => args[i++]?.text ?? "{}");
}

export function evalUrl(input: PyNode, lookup: Lookup): UrlValue {
  const node = unwrap(input);
  const kind = node.kind();
  if (kind === "string") {
    if (isFString(node)) return evalFString(node, lookup);
    const value = stringValue(node);
    return value === undefined ? UNKNOWN : { text: value, pieces: [node] };
  }
  if (kind === "concatenated_string") return concat(...node.namedChildren().filter((c) => c.kind() === "string").map((c) => evalUrl(c, lookup)));
  if (kind === "binary_operator") {
    const op = node.field("operator")?.text();
    const left = node.field("left");
    const right = node.field("right");
    if (!left || !right) return UNKNOWN;
    if (op === "+") return concat(evalUrl(left, lookup), evalUrl(right, lookup));
    if (op === "%") {
      const template = evalUrl(left, lookup);
      const r = unwrap(right);
      const args = (r.kind() === "tuple" ? r.namedChildren() : [r]).map((a) => evalUrl(a, lookup));
      return { text: formatWith(template.text, args, /%[sdr]/g), pieces: [...template.pieces, ...args.flatMap((a) => a.pieces)] };
    }
    return UNKNOWN;
  }
  if (kind === "boolean_operator" && node.field("operator")?.text() === "or") {
    const right = node.field("right");
    return right ? evalUrl(right, lookup) : UNKNOWN;
  }
  if (kind === "call") {
    const fn = node.field("function");
    const name = dottedName(fn);
    const { positional, keywords } = callArgs(node);
    if (name && ENV_READERS.has(name)) {
      const fallback = positional[1] ?? keywords.get("default");
      return fallback ? evalUrl(fallback, lookup) : UNKNOWN;
    }
    if (fn?.kind() === "attribute" && fn.field("attribute")?.text() === "format") {
      const template = evalUrl(fn.field("object")!, lookup);
      const args = [...positional, ...keywords.values()].map((a) => evalUrl(a, lookup));
      return { text: formatWith(template.text, args, /\{[^{}]*\}/g), pieces: [...template.pieces, ...args.flatMap((a) => a.pieces)] };
    }
    if (name === "str") return positional[0] ? evalUrl(positional[0], lookup) : UNKNOWN;
  }
  return lookup(node) ?? UNKNOWN;
}

const URL_PREFIX_RE = /^https?:\/\/api\.gladia\.io/;

export function isGladiaUrl(text: string): boolean {
  return URL_PREFIX_RE.test(text);
}

/** What a full Gladia URL points at. */
export function endpointOf(text: string): EndpointKind | undefined {
  if (!isGladiaUrl(text)) return undefined;
  const withoutQuery = text.split("?")[0];
  if (GLADIA_BASE_RE.test(withoutQuery)) return "base";
  const path = withoutQuery.replace(URL_PREFIX_RE, "");
  return matchEndpoint(path)?.kind;
}

/** `https://api.gladia.io/v2/pre-recorded/` → `https://api.assemblyai.com/v2/transcript/` (in a piece of a URL). */
export function rewriteUrlText(text: string): string {
  return text
    .split(GLADIA_HOST)
    .join(new URL(ASSEMBLYAI_BASE).host)
    .replace(/(^|\/)(pre-recorded|transcription)(?=\/|$|\?)/g, "$1transcript");
}
