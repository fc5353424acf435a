import { createRequire } from "node:module";
import type { SgNode } from "@ast-grep/napi";
import jscodeshift from "jscodeshift";
import { parserFor } from "../../src/languages/javascript.js";
import { GLADIA_REQUEST_KEYS, isOpaque, type RequestValue } from "../../src/mapping/request.js";
import { UPLOAD_FIELD_MAP } from "../../src/mapping/transport.js";
import { toAssemblyAIParams } from "../../src/runtime/params.js";

// Request bodies found in a fixture's source (JS/TS with jscodeshift, Python with ast-grep), and
// the comparison of a Gladia body mapped by `toAssemblyAIParams` with the migrated body.
//
// The evaluators are deliberately this test's own (not the transforms'): an agreement test that
// shared the transforms' evaluator could not catch a bug in it. Only literals, arrays/lists and
// objects/dicts are evaluated; anything else is an opaque leaf holding its source text.

type Node = { type: string; [key: string]: any };
const NON_LITERAL = "<non-literal>";
const AUDIO_KEYS = ["audio_url", "audio"];

export interface Body {
  value: Record<string, RequestValue>;
  /** Source text of the audio expression, the pairing key. */
  audio: string;
  /** Spread, computed key, or a variable the program changes later: not comparable. */
  partial: boolean;
  line: number;
}

function keyOf(property: Node): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === "Identifier") return property.key.name;
  return typeof property.key.value === "string" ? property.key.value : undefined;
}

/** Literals, arrays and objects only; anything else is an opaque leaf holding its source. */
function evaluate(node: Node, source: string): RequestValue {
  if (["StringLiteral", "NumericLiteral", "BooleanLiteral", "Literal"].includes(node.type) && node.value !== undefined && typeof node.value !== "object") return node.value;
  if (node.type === "NullLiteral" || (node.type === "Literal" && node.value === null)) return null;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0].value.cooked;
  if (node.type === "ArrayExpression" && node.elements.every((e: Node | null) => e && e.type !== "SpreadElement")) {
    return node.elements.map((e: Node) => evaluate(e, source));
  }
  if (node.type === "ObjectExpression") {
    const object = evaluateObject(node, source);
    if (!object.partial) return object.value;
  }
  return { opaque: source.slice(node.start, node.end) };
}

function evaluateObject(node: Node, source: string): { value: Record<string, RequestValue>; partial: boolean } {
  const value: Record<string, RequestValue> = {};
  let partial = false;
  for (const property of node.properties as Node[]) {
    const key = property.type === "ObjectProperty" || property.type === "Property" ? keyOf(property) : undefined;
    if (key === undefined) partial = true;
    else value[key] = evaluate(property.value, source);
  }
  return { value, partial };
}

/** `body.update(…)`, `body[k] = …`, `body.k = …`, `Object.assign(body, …)`: the literal is not the whole body. */
function isMutatedLater(name: string | undefined, source: string): boolean {
  if (!name) return false;
  const n = name.replace(/[$]/g, "\\$");
  return new RegExp(`\\b${n}\\s*(\\.update\\(|\\[[^\\]]*\\]\\s*=(?!=)|\\.\\w+\\s*=(?!=))|Object\\.assign\\(\\s*${n}\\b`).test(source);
}

const keysOf = (node: Node) => (node.properties as Node[]).map((p) => (p.key ? keyOf(p) : undefined));
const textOf = (node: Node, source: string) => source.slice(node.start, node.end);

/** `transcribe(audio, { … })` / `transcribeUntyped(…)`: the Gladia SDK's options argument. */
function sdkAudioArgument(path: any): Node | undefined {
  const call = path.parent?.node as Node | undefined;
  if (call?.type !== "CallExpression" || call.arguments[1] !== path.node) return undefined;
  const callee = call.callee;
  const name = callee.type === "MemberExpression" && !callee.computed ? callee.property.name : undefined;
  return name === "transcribe" || name === "transcribeUntyped" ? call.arguments[0] : undefined;
}

/** Object literals that are request bodies: an audio key (or SDK options). */
function findJsBodies(source: string, file: string, isCandidate: (keys: (string | undefined)[]) => boolean): Body[] {
  const j = jscodeshift.withParser(parserFor(file));
  const bodies: Body[] = [];
  j(source)
    .find(j.ObjectExpression)
    .forEach((path: any) => {
      const node = path.node as Node;
      const keys = keysOf(node);
      const sdkAudio = sdkAudioArgument(path);
      const audioProperty = (node.properties as Node[]).find((p) => p.key && AUDIO_KEYS.includes(keyOf(p) ?? ""));
      if ((!audioProperty && !sdkAudio) || !isCandidate(keys)) return;
      const { value, partial } = evaluateObject(node, source);
      const declarator = path.parent?.node as Node | undefined;
      const variable = declarator?.type === "VariableDeclarator" && declarator.id.type === "Identifier" ? declarator.id.name : undefined;
      for (const key of AUDIO_KEYS) delete value[key];
      const audio = audioProperty ? textOf(audioProperty.value, source) : textOf(sdkAudio!, source);
      bodies.push({ value, audio, partial: partial || isMutatedLater(variable, source), line: node.loc?.start.line ?? 0 });
    });
  return bodies;
}

// ---- Python: dict literals with an "audio_url" key ----

let napi: typeof import("@ast-grep/napi") | undefined;
function parsePython(source: string): SgNode {
  if (!napi) {
    const require = createRequire(import.meta.url);
    napi = require("@ast-grep/napi") as typeof import("@ast-grep/napi");
    napi.registerDynamicLanguage({ python: require("@ast-grep/lang-python") });
  }
  return napi.parse("python" as never, source).root();
}

/** A plain string (no f-string, no implicit concatenation): its text. */
function pythonString(node: SgNode): string | undefined {
  if (node.kind() !== "string" || /^[a-zA-Z]*f/i.test(node.text())) return undefined;
  const parts = node.children();
  if (parts.some((p) => p.kind() === "interpolation" || p.kind() === "escape_sequence")) return undefined;
  return parts.filter((p) => p.kind() === "string_content").map((p) => p.text()).join("");
}

const PY_CONSTANTS: Record<string, RequestValue> = { true: true, false: false, none: null };

function evaluatePython(node: SgNode): RequestValue {
  const kind = node.kind();
  if (kind in PY_CONSTANTS) return PY_CONSTANTS[kind];
  if (kind === "integer" || kind === "float") return Number(node.text());
  if (kind === "unary_operator" && /^-\s*[\d.]+$/.test(node.text())) return -Number(node.text().replace(/^-\s*/, ""));
  const text = pythonString(node);
  if (text !== undefined) return text;
  if (kind === "list") {
    const items = node.children().filter((c) => c.isNamed());
    if (items.every((c) => c.kind() !== "list_splat")) return items.map(evaluatePython);
  }
  if (kind === "dictionary") {
    const dict = evaluateDict(node);
    if (!dict.partial) return dict.value;
  }
  return { opaque: node.text() };
}

function evaluateDict(node: SgNode): { value: Record<string, RequestValue>; partial: boolean; keys: (string | undefined)[] } {
  const value: Record<string, RequestValue> = {};
  const keys: (string | undefined)[] = [];
  let partial = false;
  for (const child of node.children().filter((c) => c.isNamed() && c.kind() !== "comment")) {
    const key = child.kind() === "pair" ? pythonString(child.field("key")!) : undefined;
    keys.push(key);
    if (key === undefined) partial = true;
    else value[key] = evaluatePython(child.field("value")!);
  }
  return { value, partial, keys };
}

function findPythonBodies(source: string, isCandidate: (keys: (string | undefined)[]) => boolean): Body[] {
  return parsePython(source)
    .findAll({ rule: { kind: "dictionary" } })
    .flatMap((node) => {
      const { value, partial, keys } = evaluateDict(node);
      const assignment = node.parent();
      const variable = assignment?.kind() === "assignment" && assignment.field("left")?.kind() === "identifier" ? assignment.field("left")!.text() : undefined;
      const audio = node.children().find((c) => c.kind() === "pair" && pythonString(c.field("key")!) === "audio_url");
      if (!audio || !isCandidate(keys)) return [];
      delete value.audio_url;
      return [{ value, audio: audio.field("value")!.text(), partial: partial || isMutatedLater(variable, source), line: node.range().start.line + 1 }];
    });
}

/** Every key a Gladia body may have; the SDK options object has no audio key. */
const isGladiaBody = (keys: (string | undefined)[]) => keys.every((k) => k === undefined || GLADIA_REQUEST_KEYS.has(k));
const isAnyBody = () => true;

/** Replace, on both sides, every place where either side is not a literal. */
function maskNonLiterals(a: RequestValue | undefined, b: RequestValue | undefined): [unknown, unknown] {
  if (isOpaque(a) || isOpaque(b)) return [NON_LITERAL, NON_LITERAL];
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    const pairs = a.map((x, i) => maskNonLiterals(x, b[i]));
    return [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    const left: Record<string, unknown> = {};
    const right: Record<string, unknown> = {};
    for (const key of keys) {
      const [x, y] = maskNonLiterals((a as Record<string, RequestValue>)[key], (b as Record<string, RequestValue>)[key]);
      if (x !== undefined) left[key] = x;
      if (y !== undefined) right[key] = y;
    }
    return [left, right];
  }
  return [a, b];
}

export interface Pair {
  name: string;
  input: Body;
  output: Body;
}

/** The audio expression with the upload response renames applied (`up.audio_url` → `up.upload_url`). */
function audioKey(audio: string): string {
  return Object.entries(UPLOAD_FIELD_MAP).reduce((text, [gladia, assemblyai]) => text.split(gladia).join(assemblyai), audio);
}

/** Input and output bodies with the same audio expression, in order; a last lone pair by position. */
function pairBodies(name: string, inputs: Body[], outputs: Body[]): Pair[] {
  const remaining = [...outputs];
  const unpaired: Body[] = [];
  const pairs = inputs.flatMap((input) => {
    const index = remaining.findIndex((o) => audioKey(o.audio) === audioKey(input.audio));
    if (index < 0) {
      unpaired.push(input);
      return [];
    }
    const [output] = remaining.splice(index, 1);
    return [{ name: `${name}:${input.line}`, input, output }];
  });
  if (unpaired.length === 1 && remaining.length === 1) pairs.push({ name: `${name}:${unpaired[0].line}`, input: unpaired[0], output: remaining[0] });
  return pairs;
}

const findBodies = (source: string, file: string, isCandidate: (keys: (string | undefined)[]) => boolean) =>
  file.endsWith(".py") ? findPythonBodies(source, isCandidate) : findJsBodies(source, file, isCandidate);

export function findAgreementPairs(name: string, input: string, output: string): Pair[] {
  return pairBodies(name, findBodies(input, name, isGladiaBody), findBodies(output, name, isAnyBody));
}

/** What `toAssemblyAIParams` gives for the input body, masked against the output body. */
export function compareBodies(pair: Pair): { expected: unknown; actual: unknown } {
  // `speaker_labels` is added for programs that read utterances: a fact about the program, not the body.
  const readsUtterances = pair.output.value.speaker_labels !== undefined && pair.input.value.diarization === undefined;
  const { params } = toAssemblyAIParams(pair.input.value, { readsUtterances });
  for (const key of AUDIO_KEYS) delete params[key];
  const [expected, actual] = maskNonLiterals(params as RequestValue, pair.output.value);
  return { expected, actual };
}

