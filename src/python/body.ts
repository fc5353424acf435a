import type { Opaque, RequestObject, RequestValue } from "../mapping/request.js";
import { isOpaque } from "../mapping/request.js";
import type { PyNode } from "./parse.js";
import { callArgs, dottedName, isFString, stringValue, unwrap } from "./nodes.js";

// Evaluates a Python request-body literal (`{…}` or `dict(…)`) into the mapping's value shape:
// literals become JS values, anything else an `Opaque` holding its node. Printing goes back to
// Python, reusing the source text of every value that did not change.

export interface PyOpaque extends Opaque {
  readonly opaque: PyNode;
}

export interface BodyPair {
  key: string;
  /** The `"k": v` pair or `k=v` keyword. */
  node: PyNode;
  value: PyNode;
}

export interface EvaluatedBody {
  body: RequestObject;
  pairs: BodyPair[];
  /** Spreads, computed keys…: the body is not fully known. */
  partial: boolean;
  /** Evaluated lists/dicts and strings → the node they came from, to print them back unchanged. */
  sources: Map<unknown, PyNode>;
}

const opaque = (node: PyNode): PyOpaque => ({ opaque: node });

export function evalBody(node: PyNode): EvaluatedBody | undefined {
  const sources = new Map<unknown, PyNode>();
  const value = unwrap(node);
  const pairs: BodyPair[] = [];
  let partial = false;
  if (value.kind() === "dictionary") {
    for (const child of value.namedChildren()) {
      if (child.kind() === "comment") continue;
      const key = child.kind() === "pair" ? stringValue(child.field("key")) : undefined;
      if (key === undefined) {
        partial = true;
        continue;
      }
      pairs.push({ key, node: child, value: child.field("value")! });
    }
  } else if (value.kind() === "call" && dottedName(value.field("function")) === "dict") {
    const { positional, keywordNodes, splat } = callArgs(value);
    partial = splat || positional.length > 0;
    for (const kw of keywordNodes) pairs.push({ key: kw.field("name")!.text(), node: kw, value: kw.field("value")! });
  } else {
    return undefined;
  }
  const body: RequestObject = {};
  for (const pair of pairs) body[pair.key] = evalValue(pair.value, sources);
  return { body, pairs, partial, sources };
}

export function evalValue(input: PyNode, sources: Map<unknown, PyNode>): RequestValue {
  const node = unwrap(input);
  switch (node.kind()) {
    case "true":
      return true;
    case "false":
      return false;
    case "none":
      return null;
    case "string": {
      const value = stringValue(node);
      if (value === undefined || isFString(node)) return opaque(node);
      if (!sources.has(value)) sources.set(value, node);
      return value;
    }
    case "list": {
      const items = node.namedChildren().filter((c) => c.kind() !== "comment");
      if (items.some((i) => i.kind() === "list_splat")) return opaque(node);
      const list = items.map((i) => evalValue(i, sources));
      sources.set(list, node);
      return list;
    }
    case "dictionary": {
      const object: RequestObject = {};
      for (const child of node.namedChildren()) {
        if (child.kind() === "comment") continue;
        const key = child.kind() === "pair" ? stringValue(child.field("key")) : undefined;
        if (key === undefined) return opaque(node);
        object[key] = evalValue(child.field("value")!, sources);
      }
      sources.set(object, node);
      return object;
    }
    default:
      return opaque(node);
  }
}

export interface PrintStyle {
  quote: string;
  sources: Map<unknown, PyNode>;
  /** Current text of a node (with the edits already made inside it). */
  textOf: (node: PyNode) => string;
  /** Nested objects printed as keyword calls (`aai.SpeakerOptions(...)`) for the SDK. */
  objectAs?: (key: string | undefined) => string | undefined;
}

function quoteString(value: string, quote: string): string {
  const escaped = value.replace(/\\/g, "\\\\").replace(new RegExp(quote, "g"), `\\${quote}`).replace(/\n/g, "\\n");
  return `${quote}${escaped}${quote}`;
}

/** A value as Python source: untouched values keep their original text. */
export function printValue(value: RequestValue, style: PrintStyle, key?: string): string {
  if (value === true) return "True";
  if (value === false) return "False";
  if (value === null) return "None";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    const source = style.sources.get(value);
    return source ? style.textOf(source) : quoteString(value, style.quote);
  }
  if (isOpaque(value)) return style.textOf((value as PyOpaque).opaque);
  const source = style.sources.get(value);
  if (source) return style.textOf(source);
  if (Array.isArray(value)) return `[${value.map((v) => printValue(v, style)).join(", ")}]`;
  const call = style.objectAs?.(key);
  const entries = Object.entries(value);
  if (call) return `${call}(${entries.map(([k, v]) => `${k}=${printValue(v, style, k)}`).join(", ")})`;
  return `{${entries.map(([k, v]) => `${quoteString(k, style.quote)}: ${printValue(v, style, k)}`).join(", ")}}`;
}
