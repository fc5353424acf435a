import jscodeshift from "jscodeshift";
import { describe, expect, it } from "vitest";
import { parserFor } from "../../src/languages/javascript.js";
import { GLADIA_REQUEST_KEYS, isOpaque, type RequestValue } from "../../src/mapping/request.js";
import { toAssemblyAIParams } from "../../src/runtime/params.js";
import { listFixtureCases, readFixture } from "../helpers/fixtures.js";

// One source of truth: for every JS/TS fixture pair (native strategy) whose input holds a literal
// Gladia request body, `toAssemblyAIParams(input literal)` must equal the literal the transforms
// wrote in the output. Bodies are paired by their audio expression (`audio_url: x` / SDK `audio: x`
// / `transcribe(x, {...})`); values that are not literals are skipped on both sides.
//
// The evaluator is deliberately this test's own (not the transforms'): an agreement test that
// shared the transforms' evaluator could not catch a bug in it.

type Node = { type: string; [key: string]: any };
const NON_LITERAL = "<non-literal>";
const JS_FILE = /\.(js|jsx|mjs|cjs|ts|tsx|mts|cts)$/;
const AUDIO_KEYS = ["audio_url", "audio"];

interface Body {
  value: Record<string, RequestValue>;
  /** Source text of the audio expression, the pairing key. */
  audio: string;
  /** Spread or computed key: not comparable. */
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

/** Object literals that are request bodies: an audio key (or SDK options), outermost only. */
function findBodies(source: string, file: string, isCandidate: (keys: (string | undefined)[]) => boolean): Body[] {
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
      for (const key of AUDIO_KEYS) delete value[key];
      const audio = audioProperty ? textOf(audioProperty.value, source) : textOf(sdkAudio!, source);
      bodies.push({ value, audio, partial, line: node.loc?.start.line ?? 0 });
    });
  return bodies;
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

interface Pair {
  name: string;
  input: Body;
  output: Body;
}

/** Input and output bodies with the same audio expression, in order. */
function pairBodies(name: string, inputs: Body[], outputs: Body[]): Pair[] {
  const remaining = [...outputs];
  return inputs.flatMap((input) => {
    const index = remaining.findIndex((o) => o.audio === input.audio);
    if (index < 0) return [];
    const [output] = remaining.splice(index, 1);
    return [{ name: `${name}:${input.line}`, input, output }];
  });
}

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

// toAssemblyAIParams goes through JSON: opaque leaves (plain objects here) survive it unchanged.
const PAIRS = listFixtureCases()
  .filter((c) => c.outputPath && c.options.strategy === "native" && JS_FILE.test(c.name))
  .flatMap((c) => findAgreementPairs(c.name, readFixture(c.inputPath), readFixture(c.outputPath!)));

const COMPARABLE = PAIRS.filter((p) => !p.input.partial && !p.output.partial);

describe("toAssemblyAIParams agrees with the transforms on every fixture's request body", () => {
  if (COMPARABLE.length === 0) it.skip("no fixture pair has a literal Gladia request body yet", () => {});
  else {
    it.each(COMPARABLE)("$name", (pair) => {
      const { expected, actual } = compareBodies(pair);
      expect(actual).toEqual(expected);
    });
  }
});

describe("the agreement check itself", () => {
  const INPUT = `
    const body = { audio_url: url, diarization: true, language_config: { languages: [lang] }, custom_metadata: meta };
    await fetch("https://api.gladia.io/v2/pre-recorded", { method: "POST", body: JSON.stringify(body) });
    await gladia.preRecorded().transcribe(file, { chapterization: true, language_config: { languages: ["fr"] } });
    const other = { audio_url: "https://x", foo: 1 }; // not a Gladia body: unknown key
  `;
  const GOOD = `
    const body = { audio_url: url, speaker_labels: true, language_code: lang };
    await client.transcripts.transcribe({ audio: file, auto_chapters: true, language_code: "fr" });
  `;

  it("pairs bodies by audio expression and finds them equal when they agree", () => {
    const pairs = findAgreementPairs("x.ts", INPUT, GOOD);
    expect(pairs.map((p) => p.input.audio)).toEqual(["url", "file"]);
    for (const pair of pairs) {
      const { expected, actual } = compareBodies(pair);
      expect(actual).toEqual(expected);
    }
  });

  it("catches a disagreement (a wrong key, a wrong literal)", () => {
    const bad = GOOD.replace("auto_chapters", "chapterization").replace('"fr"', '"en"');
    const [, sdk] = findAgreementPairs("x.ts", INPUT, bad);
    const { expected, actual } = compareBodies(sdk);
    expect(actual).not.toEqual(expected);
  });
});
