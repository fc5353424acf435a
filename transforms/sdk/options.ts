import type { ASTPath } from "jscodeshift";
import type { JsContext } from "../shared/context.js";
import { type SdkFile, useName } from "./model.js";
import { evaluateObject, printEntry, printObject, printValue } from "../shared/request-literal.js";
import { parseExpression, printNode, printObjectText, styleOf } from "../shared/print.js";
import { propertyKey } from "../shared/ast.js";
import { bindingOf, constInit } from "../shared/scope.js";
import { getRule, type RuleId } from "../../src/mapping/rules.js";
import { mapRequest, type RequestFollowUp, type RequestObject } from "../../src/mapping/request.js";
import { JS_LIST_PARAMS, JS_POLL_OPTIONS } from "../../src/mapping/sdk.js";
import { STATUS_MAP } from "../../src/mapping/transport.js";

// The arguments of SDK calls: Gladia request options through `mapRequest`, polling options, list
// filters. A literal is mapped where it is written; anything else is passed through with a marker.

type Node = { type: string; [key: string]: any };

/** AssemblyAI params typed as string unions: a widened `const` literal would not type-check. */
const UNION_TYPED_PARAMS = ["summary_model", "summary_type", "redact_pii_sub", "redact_pii_policies"];

export function reportFollowUps(ctx: JsContext, followUps: Array<{ rule: RuleId }>, anchor: ASTPath): void {
  for (const { rule } of followUps) {
    if (getRule(rule).kind === "marker") ctx.mark(anchor, rule);
    else ctx.note(rule, anchor);
  }
}

/** The `const x = { … }` an identifier argument refers to, when it is an object literal. */
function literalDeclarator(ctx: JsContext, path: ASTPath): Node | undefined {
  const binding = bindingOf(path);
  const init = binding && constInit(ctx.j, binding);
  return init?.node.type === "ObjectExpression" ? (init.parent.node as Node) : undefined;
}

interface MappedLiteral {
  node: Node;
  followUps: RequestFollowUp[];
  needsType: boolean;
}

function mapLiteral(ctx: JsContext, literal: Node | undefined, readsUtterances: boolean, leading: string[] = []): MappedLiteral {
  const evaluated = literal && evaluateObject(literal);
  const { params, followUps } = mapRequest(evaluated?.value ?? {}, { readsUtterances, partial: evaluated?.partial });
  return {
    node: printObject(ctx, params, evaluated, leading),
    followUps,
    needsType: UNION_TYPED_PARAMS.some((key) => key in params),
  };
}

/** Replace the literal at `holder[key]` by its mapping (once); the anchor gets the follow-ups. */
function replaceLiteral(ctx: JsContext, sdk: SdkFile, holder: Node, key: string, anchor: ASTPath, readsUtterances: boolean): MappedLiteral | undefined {
  const literal = holder[key] as Node;
  if (sdk.mapped.has(literal)) return undefined;
  const mapped = mapLiteral(ctx, literal, readsUtterances);
  mapped.node.comments = literal.comments;
  holder[key] = mapped.node;
  sdk.mapped.add(mapped.node);
  reportFollowUps(ctx, mapped.followUps, anchor);
  return mapped;
}

/** A literal typed with the Gladia request type (`const o: PreRecordedV2InitTranscriptionRequest = {…}`, `satisfies`). */
export function mapLiteralInPlace(ctx: JsContext, sdk: SdkFile, path: ASTPath): void {
  const node = path.node as Node;
  replaceLiteral(ctx, sdk, node, node.type === "VariableDeclarator" ? "init" : "expression", path, /\butterances\b/.test(ctx.source));
}

/** Map a `const opts = { … }` in place; annotate it in TS when its inferred type would be too wide. */
function mapDeclarator(ctx: JsContext, sdk: SdkFile, declarator: Node, readsUtterances: boolean, anchor: ASTPath, withAudio: boolean): void {
  const mapped = replaceLiteral(ctx, sdk, declarator, "init", anchor, readsUtterances);
  if (!mapped || !sdk.typescript || declarator.id.typeAnnotation || !mapped.needsType) return;
  const { j } = ctx;
  const local = sdk.name("TranscriptParams");
  const params = j.tsTypeReference(j.identifier(local));
  const type = withAudio
    ? j.tsTypeReference(j.identifier("Omit"), j.tsTypeParameterInstantiation([params, j.tsLiteralType(j.stringLiteral("audio_url"))]))
    : params;
  declarator.id.typeAnnotation = j.tsTypeAnnotation(type);
  useName(sdk, "TranscriptParams", local, true);
}

/**
 * The Gladia request argument of `transcribe(audio, options)` / `create(options)` as AssemblyAI
 * params; `audio` (when given) goes first, as `{ audio, …mapped }`.
 */
export function mapRequestArgument(
  ctx: JsContext,
  sdk: SdkFile,
  argument: ASTPath | undefined,
  anchor: ASTPath,
  options: { audio?: Node; readsUtterances: boolean },
): Node {
  const leading = options.audio ? [printEntry(ctx, "audio", { opaque: options.audio })] : [];
  const node = argument?.node as Node | undefined;
  if (!node || node.type === "ObjectExpression") {
    if (node && sdk.mapped.has(node)) return node;
    const mapped = mapLiteral(ctx, node, options.readsUtterances, leading);
    if (node) mapped.node.comments = node.comments;
    sdk.mapped.add(mapped.node);
    reportFollowUps(ctx, mapped.followUps, anchor);
    return mapped.node;
  }
  const declarator = node.type === "Identifier" ? literalDeclarator(ctx, argument!) : undefined;
  if (declarator) mapDeclarator(ctx, sdk, declarator, options.readsUtterances, anchor, !!options.audio);
  else reportFollowUps(ctx, [{ rule: "request-unresolved" }], anchor);
  return options.audio ? parseExpression(ctx, printObjectText([...leading, `...${printNode(node)}`], styleOf(ctx), false)) : node;
}

function isNull(node: Node): boolean {
  return node.type === "NullLiteral" || (node.type === "Literal" && node.value === null);
}

/** `{ interval, timeout }` → `{ pollingInterval, pollingTimeout }` (keys renamed in place); undefined when nothing is left. */
export function mapPollOptions(ctx: JsContext, argument: ASTPath | undefined, anchor: ASTPath): Node | undefined {
  const node = argument?.node as Node | undefined;
  if (!node) return undefined;
  if (node.type !== "ObjectExpression") {
    ctx.mark(anchor, "sdk-poll-options");
    return node;
  }
  // `timeout: null` meant "no deadline", AssemblyAI's default.
  const kept = (node.properties as Node[]).filter((p) => !(propertyKey(p) === "timeout" && isNull(p.value)));
  for (const property of kept) {
    const renamed = JS_POLL_OPTIONS[propertyKey(property) ?? ""];
    if (!renamed || property.type === "ObjectMethod") {
      ctx.mark(anchor, "sdk-poll-options");
      continue;
    }
    property.key = ctx.j.identifier(renamed);
    property.shorthand = false;
  }
  if (kept.length === 0) return undefined;
  if (kept.length === node.properties.length) return node;
  return parseExpression(ctx, printObjectText(kept.map((p) => printNode(p)), styleOf(ctx), false));
}

function mapStatusFilter(value: unknown): unknown {
  if (!Array.isArray(value) || value.length !== 1 || typeof value[0] !== "string") return undefined;
  return STATUS_MAP[value[0]];
}

/** `list({ limit, date, status: ["done"] })` → AssemblyAI filters; the rest is dropped (marked). */
export function mapListParams(ctx: JsContext, argument: ASTPath | undefined): Node | undefined {
  const node = argument?.node as Node | undefined;
  if (!node || node.type !== "ObjectExpression") return node;
  const evaluated = evaluateObject(node);
  const params: RequestObject = {};
  for (const [key, value] of Object.entries(evaluated.value)) {
    const renamed = JS_LIST_PARAMS[key];
    if (!renamed) continue;
    const mapped = key === "status" ? mapStatusFilter(value) : value;
    if (mapped !== undefined) params[renamed] = mapped as RequestObject[string];
  }
  if (Object.keys(params).length === 0) return undefined;
  return parseExpression(ctx, printValue(ctx, params));
}
