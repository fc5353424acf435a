import { mapRequest, type RequestObject } from "../../mapping/request.js";
import { getRule } from "../../mapping/rules.js";
import { PY_SDK, PY_SDK_CLIENT_OPTIONS, PY_SDK_METHODS, PY_SDK_OPTION_CLASSES, PY_SDK_TARGET, toPySdkConfig } from "../../mapping/sdk.js";
import type { PyContext } from "../context.js";
import type { PyNode } from "../parse.js";
import { evalBody, printValue, type EvaluatedBody } from "../body.js";
import { callArgs, dottedName, enclosingStatement, end, indentAt, indentUnit, lineStartAt, start, unwrap } from "../nodes.js";
import { readsOfBinding, removeStatement } from "./upload.js";
import type { PyStep } from "./step.js";
import { describePyStep } from "../../languages/python-info.js";

// Mapping §5 (Python): `gladiaio_sdk` → the `assemblyai` SDK. The client becomes `aai.settings` +
// `aai.Transcriber()`, options become `aai.TranscriptionConfig(...)`, Gladia's raise-on-failure becomes
// an explicit `aai.TranscriptStatus.error` check, and async clients run the blocking call in a thread.

interface SdkCall {
  call: PyNode;
  method: string;
  async: boolean;
  receiver: PyNode;
}

function sdkFact(ctx: PyContext, node: PyNode) {
  const fact = ctx.facts.factOf(node);
  return fact?.kind === "sdk" ? fact : undefined;
}

/** Statements inserted before `statement`, at its indentation. */
function insertBefore(ctx: PyContext, statement: PyNode, lines: string[]): void {
  if (!lines.length) return;
  const indent = indentAt(ctx.source, start(statement));
  ctx.insert(lineStartAt(ctx.source, start(statement)), lines.map((l) => `${indent}${l}\n`).join(""));
}

/** `GladiaClient(api_key=K, api_url=U)` → `aai.settings.api_key = K`, … ; undefined when an option has no equivalent. */
function settingsLines(ctx: PyContext, client: PyNode): string[] | undefined {
  const { positional, keywords, splat } = callArgs(client);
  if (positional.length || splat) return undefined;
  const lines: string[] = [];
  for (const [name, value] of keywords) {
    const target = PY_SDK_CLIENT_OPTIONS[name];
    if (!target) return undefined;
    lines.push(`${target} = ${ctx.textOf(value)}`);
  }
  return lines;
}

function migrateClients(ctx: PyContext): boolean {
  let changed = false;
  for (const call of ctx.root.findAll({ rule: { kind: "call" } })) {
    const fact = sdkFact(ctx, call);
    if (!fact) continue;
    if (fact.what === "live") {
      ctx.mark(call, "sdk-live");
      continue;
    }
    if (fact.what === "client") {
      changed = migrateClientConstruction(ctx, call) || changed;
      continue;
    }
    // `client.prerecorded()` / `GladiaClient(...).prerecorded()` → `aai.Transcriber()`
    const object = call.field("function")?.field("object");
    if (!object) continue;
    const inner = unwrap(object);
    if (inner.kind() === "call") {
      const lines = settingsLines(ctx, inner);
      const statement = enclosingStatement(call);
      if (!lines || !statement) {
        ctx.mark(call, "sdk-unresolved");
        continue;
      }
      insertBefore(ctx, statement, lines);
    }
    changed = ctx.replace(call, PY_SDK_TARGET.transcriber) || changed;
  }
  return changed;
}

/** Does the Gladia client stay (it also serves live/streaming, which is out of scope)? */
function keepsClient(ctx: PyContext, client: PyNode): boolean {
  const parent = client.parent();
  const name = parent?.kind() === "assignment" ? parent.field("left")?.text() : undefined;
  if (!name) return false;
  const uses = ctx.root.findAll({ rule: { kind: "identifier", regex: `^${name}$` } }).filter((id) => id.id() !== parent!.field("left")!.id());
  return uses.some((id) => {
    const call = id.parent()?.kind() === "attribute" ? id.parent()!.parent() : undefined;
    const fact = call?.kind() === "call" ? sdkFact(ctx, call) : undefined;
    return !fact || fact.what === "live";
  });
}

/**
 * `client = GladiaClient(api_key=K)` → `aai.settings.api_key = K` (or nothing when it had no
 * options). A client that also serves live transcription stays, with the settings added after it.
 */
function migrateClientConstruction(ctx: PyContext, client: PyNode): boolean {
  const parent = client.parent();
  if (parent?.kind() === "attribute") return false; // chained: handled with its factory call
  const statement = enclosingStatement(client);
  const lines = settingsLines(ctx, client);
  const assignment = parent?.kind() === "assignment" && parent.field("right")?.id() === client.id() ? parent : undefined;
  if (!lines || !assignment || !statement) {
    ctx.mark(client, "sdk-unresolved");
    return false;
  }
  const indent = indentAt(ctx.source, start(statement));
  if (keepsClient(ctx, client)) {
    ctx.shared.set("keep-gladia-import", true);
    const missing = lines.filter((l) => !ctx.source.includes(l));
    if (missing.length) ctx.insert(end(statement), missing.map((l) => `\n${indent}${l}`).join(""));
    return missing.length > 0;
  }
  if (!lines.length) return removeStatement(ctx, statement);
  return ctx.replace(statement, lines.join(`\n${indent}`));
}

function sdkCalls(ctx: PyContext): SdkCall[] {
  const calls: SdkCall[] = [];
  for (const call of ctx.root.findAll({ rule: { kind: "call" } })) {
    const fn = call.field("function");
    if (fn?.kind() !== "attribute") continue;
    const receiver = fn.field("object")!;
    const owner = sdkFact(ctx, receiver);
    if (!owner || (owner.what !== "prerecorded" && owner.what !== "prerecorded-async")) continue;
    calls.push({ call, method: fn.field("attribute")!.text(), async: owner.what === "prerecorded-async", receiver });
  }
  return calls;
}

/** The options argument as a body: a dict literal, `dict(...)`, an options class, or a name bound to one. */
function resolveOptions(ctx: PyContext, node: PyNode): { evaluated: EvaluatedBody; definition?: PyNode } | undefined {
  const inner = unwrap(node);
  const asDict = (n: PyNode) => {
    const fn = n.kind() === "call" ? dottedName(n.field("function")) : undefined;
    if (fn && PY_SDK_OPTION_CLASSES.includes(fn.split(".").pop()!)) {
      const { keywordNodes, positional, splat } = callArgs(n);
      const body: RequestObject = {};
      const evaluated = evalBody(n) ?? { body, pairs: keywordNodes.map((kw) => ({ key: kw.field("name")!.text(), node: kw, value: kw.field("value")! })), partial: splat || positional.length > 0, sources: new Map() };
      return evaluated;
    }
    return evalBody(n);
  };
  const direct = asDict(inner);
  if (direct) return { evaluated: direct };
  if (inner.kind() !== "identifier") return undefined;
  const bindings = ctx.facts.bindingsOf(inner.text(), inner);
  const right = bindings.length === 1 && bindings[0].kind() === "assignment" ? bindings[0].field("right") : undefined;
  const evaluated = right ? asDict(unwrap(right)) : undefined;
  return evaluated ? { evaluated, definition: bindings[0] } : undefined;
}

/** `aai.TranscriptionConfig(k=v, …)`, one keyword per line when `indent` is given. */
function printConfig(ctx: PyContext, params: RequestObject, evaluated: EvaluatedBody, indent?: string): string {
  const style = { quote: ctx.quote, sources: evaluated.sources, textOf: (n: PyNode) => ctx.textOf(n), objectAs: (key?: string) => (key ? PY_SDK_TARGET.optionClasses[key] : undefined) };
  const config = toPySdkConfig(params) as RequestObject;
  const args = Object.entries(config).map(([k, v]) => `${k}=${printValue(v, style, k)}`);
  return `${PY_SDK_TARGET.config}(${printArgs(ctx, args, indent)})`;
}

/** Arguments inline, or one per line below `indent` with a trailing comma. */
function printArgs(ctx: PyContext, args: string[], indent?: string): string {
  if (indent === undefined || !args.length) return args.join(", ");
  const inner = indent + indentUnit(ctx.source);
  return `\n${args.map((a) => `${inner}${a},`).join("\n")}\n${indent}`;
}

function isMultiline(node: PyNode): boolean {
  return node.range().start.line !== node.range().end.line;
}

function reportFollowUps(ctx: PyContext, call: PyNode, followUps: { rule: Parameters<PyContext["note"]>[0] }[]): void {
  for (const { rule } of followUps) {
    if (getRule(rule).kind === "marker") ctx.mark(call, rule);
    else ctx.note(rule, call);
  }
}

/** `audio, options` → `audio, config=aai.TranscriptionConfig(...)`; undefined when it cannot be proven. */
function transcribeArgs(ctx: PyContext, sdk: SdkCall): string[] | undefined {
  const { positional, keywords, splat } = callArgs(sdk.call);
  if (splat) return undefined;
  const takesAudio = sdk.method === "transcribe";
  const audio = takesAudio ? positional[0] ?? keywords.get("audio_url") : undefined;
  const optionsNode = takesAudio ? positional[1] ?? keywords.get("options") : positional[0] ?? keywords.get("options");
  const extra = [...keywords.keys()].filter((k) => !["audio_url", "options"].includes(k));
  if ((takesAudio && !audio) || extra.length) return undefined;
  let evaluated: EvaluatedBody = { body: {}, pairs: [], partial: false, sources: new Map() };
  let definition: PyNode | undefined;
  if (optionsNode) {
    const resolved = resolveOptions(ctx, optionsNode);
    if (!resolved) return undefined;
    // A named options dict read only here becomes the named config (`options = aai.TranscriptionConfig(…)`).
    if (resolved.definition && readsOfBinding(ctx, unwrap(optionsNode).text(), resolved.definition).length !== 1) return undefined;
    definition = resolved.definition;
    evaluated = resolved.evaluated;
  }
  const body = { ...evaluated.body };
  let audioText = audio ? ctx.textOf(audio) : undefined;
  if (!takesAudio) {
    const pair = evaluated.pairs.find((p) => p.key === "audio_url");
    if (!pair) return undefined;
    audioText = ctx.textOf(pair.value);
    delete body.audio_url;
  }
  const { params, followUps } = mapRequest(body, { readsUtterances: ctx.facts.readsUtterances(), partial: evaluated.partial });
  if (PY_SDK_TARGET.unsupported.some((k) => k in params)) return undefined;
  reportFollowUps(ctx, sdk.call, followUps);
  if (definition) {
    const value = definition.field("right")!;
    const indent = isMultiline(value) ? indentAt(ctx.source, start(value)) : undefined;
    if (!ctx.replace(value, printConfig(ctx, params, evaluated, indent))) return undefined;
    return [audioText!, `config=${ctx.textOf(unwrap(optionsNode!))}`];
  }
  const indent = isMultiline(sdk.call) ? indentAt(ctx.source, start(sdk.call)) + indentUnit(ctx.source) : undefined;
  return [audioText!, `config=${printConfig(ctx, params, evaluated, indent)}`];
}

/** What the Gladia call becomes (callee and arguments), or undefined when it needs a human. */
function replacement(ctx: PyContext, sdk: SdkCall): { callee: string; args: string; suffix?: string } | undefined {
  const indent = isMultiline(sdk.call) ? indentAt(ctx.source, start(sdk.call)) : undefined;
  const rule = PY_SDK_METHODS[sdk.method];
  if (!rule?.method) return undefined;
  const receiver = ctx.textOf(sdk.receiver);
  const { positional } = callArgs(sdk.call);
  switch (sdk.method) {
    case "transcribe":
    case "create_and_poll":
    case "create": {
      const args = transcribeArgs(ctx, sdk);
      return args ? { callee: `${receiver}.${rule.method}`, args: printArgs(ctx, args, indent) } : undefined;
    }
    case "upload_file":
      return { callee: `${receiver}.upload_file`, args: callArgs(sdk.call).positional.map((a) => ctx.textOf(a)).join(", ") };
    case "get":
    case "delete":
      return positional[0] ? { callee: rule.method, args: ctx.textOf(positional[0]) } : undefined;
    case "poll":
      return positional[0] ? { callee: "aai.Transcript.get_by_id", args: ctx.textOf(positional[0]), suffix: ".wait_for_completion()" } : undefined;
    default:
      return undefined;
  }
}

function errorCheck(ctx: PyContext, sdk: SdkCall): boolean {
  if (!PY_SDK_METHODS[sdk.method]?.throwOnError) return true;
  const statement = enclosingStatement(sdk.call);
  const expr = statement?.namedChildren()[0];
  const target = expr?.kind() === "assignment" ? expr.field("left") : undefined;
  const value = expr?.kind() === "assignment" ? unwrap(expr.field("right")!) : undefined;
  const direct = value && (value.id() === sdk.call.id() || (value.kind() === "await" && unwrap(value.namedChildren()[0]).id() === sdk.call.id()));
  if (!statement || !target || target.kind() !== "identifier" || !direct) return false;
  const indent = indentAt(ctx.source, start(statement));
  const check = PY_SDK.errorCheck.replace(/\{t\}/g, target.text()).replace("{indent}    ", `{indent}${indentUnit(ctx.source)}`).replace(/\{indent\}/g, indent);
  ctx.insert(end(statement), `\n${indent}${check}`);
  return true;
}

function ensureAsyncioImport(ctx: PyContext): void {
  if (ctx.facts.imports.has("asyncio") || ctx.shared.has("asyncio-import")) return;
  ctx.shared.set("asyncio-import", true);
  const anchor = ctx.root.findAll({ rule: { kind: "import_from_statement", has: { field: "module_name", regex: `^${PY_SDK.gladiaModule}$` } } })[0];
  if (anchor) ctx.insert(lineStartAt(ctx.source, start(anchor)), "import asyncio\n");
}

function migrateCall(ctx: PyContext, sdk: SdkCall): boolean {
  if (sdk.method === "get_file") {
    ctx.mark(sdk.call, "sdk-get-file");
    return false;
  }
  const next = replacement(ctx, sdk);
  if (!next) {
    ctx.mark(sdk.call, "sdk-unresolved");
    return false;
  }
  const parent = sdk.call.parent();
  const awaited = parent?.kind() === "await";
  if (sdk.async && !awaited) {
    ctx.mark(sdk.call, "sdk-async-future");
    return false;
  }
  if (!errorCheck(ctx, sdk)) ctx.mark(sdk.call, "sdk-unresolved", `check \`status == aai.TranscriptStatus.error\` on the result: assemblyai does not raise when a transcript fails`);
  let text = `${next.callee}(${next.args})${next.suffix ?? ""}`;
  if (sdk.async) {
    text = next.suffix ? `${PY_SDK_TARGET.toThread}(lambda: ${text})` : `${PY_SDK_TARGET.toThread}(${next.callee}, ${next.args})`;
    ensureAsyncioImport(ctx);
  }
  if (sdk.method === "delete") ctx.note("delete-response", sdk.call);
  return ctx.replace(sdk.call, text);
}

/** `from gladiaio_sdk import GladiaClient` → `import assemblyai as aai`. */
function migrateImports(ctx: PyContext): boolean {
  let changed = false;
  for (const stmt of ctx.root.findAll({ rule: { kind: "import_from_statement" } })) {
    if (stmt.field("module_name")?.text() !== PY_SDK.gladiaModule) continue;
    const names = stmt.namedChildren().slice(1).map((n) => (n.kind() === "aliased_import" ? n.field("name")!.text() : n.text()));
    if (names.length === 1 && names[0] === "GladiaClient" && !ctx.shared.has("keep-gladia-import")) changed = ctx.replace(stmt, PY_SDK.assemblyaiImport) || changed;
    else {
      // Still needed (live client, other names): assemblyai is imported beside it.
      if (!ctx.source.includes(PY_SDK.assemblyaiImport)) {
        ctx.insert(end(stmt), `\n${PY_SDK.assemblyaiImport}`);
        changed = true;
      }
      if (names.some((n) => n !== "GladiaClient")) ctx.mark(stmt, "sdk-unresolved");
    }
  }
  for (const stmt of ctx.root.findAll({ rule: { kind: "import_statement" } })) {
    if (stmt.text() === `import ${PY_SDK.gladiaModule}`) ctx.mark(stmt, "sdk-unresolved");
  }
  return changed;
}

export const sdkStep: PyStep = {
  name: "py-sdk",
  description: describePyStep("py-sdk"),
  run(ctx) {
    if (!ctx.source.includes(PY_SDK.gladiaModule)) return false;
    let changed = false;
    for (const sdk of sdkCalls(ctx)) changed = migrateCall(ctx, sdk) || changed;
    changed = migrateClients(ctx) || changed;
    changed = migrateImports(ctx) || changed;
    return changed;
  },
};
