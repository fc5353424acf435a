import type { ASTPath } from "jscodeshift";
import type { JsContext } from "../shared/context.js";
import { type SdkFile, useName } from "./model.js";
import { JS_SDK } from "../../src/mapping/sdk.js";
import { GLADIA_BASE_RE } from "../../src/mapping/transport.js";
import { isClientClass } from "./imports.js";
import { memberCalls } from "./receivers.js";
import { propertyKey, staticString } from "../shared/ast.js";
import { isMultiline, parseExpression, printNode, printObjectText, styleOf } from "../shared/print.js";
import { findNodes } from "../shared/find.js";

// `new GladiaClient({ apiKey, apiUrl, … })` → `new AssemblyAI({ apiKey, baseUrl })`, and the
// `client.preRecorded()` factory → the client itself (its methods live on `.transcripts`/`.files`).

type Node = { type: string; [key: string]: any };


/** `process.env.X` / `import.meta.env.X`: `string | undefined` for TypeScript. */
function isEnvRead(node: Node): boolean {
  return node.type === "MemberExpression" && node.object.type === "MemberExpression" && node.object.property?.name === "env";
}

/** AssemblyAI's `apiKey` is a required string: in TS an env read gets `?? ""`. */
function apiKeyValue(ctx: JsContext, sdk: SdkFile, value: Node): Node {
  if (!sdk.typescript || !isEnvRead(value)) return value;
  return ctx.j.logicalExpression("??", value as any, ctx.j.stringLiteral(""));
}

function envApiKey(ctx: JsContext): Node {
  const { j } = ctx;
  return j.memberExpression(j.memberExpression(j.identifier("process"), j.identifier("env")), j.identifier(JS_SDK.apiKeyEnv));
}

/** Maps one option in place; false when it is dropped. */
function mapClientOption(ctx: JsContext, sdk: SdkFile, property: Node, anchor: ASTPath): boolean {
  const { j } = ctx;
  const key = property.type === "ObjectMethod" ? undefined : propertyKey(property);
  const renamed = key && JS_SDK.clientOptions[key];
  if (!key) {
    ctx.mark(anchor, "sdk-client-options");
    return true;
  }
  if (!renamed) {
    ctx.note("sdk-option-dropped", anchor);
    return false;
  }
  const value = property.value as Node;
  if (renamed === "apiKey") {
    if (staticString(value) !== undefined) {
      ctx.secret(anchor);
      ctx.note("hardcoded-key", anchor);
    }
    const mapped = apiKeyValue(ctx, sdk, value);
    if (mapped !== value) {
      property.value = mapped;
      property.shorthand = false;
    }
    return true;
  }
  // apiUrl: the Gladia host is AssemblyAI's default; anything else is a proxy to re-point.
  const url = staticString(value);
  if (url !== undefined && GLADIA_BASE_RE.test(url)) return false;
  if (!isEnvRead(value)) ctx.mark(anchor, "sdk-base-url");
  property.key = j.identifier(renamed);
  property.shorthand = false;
  return true;
}

/** `{ apiKey, apiUrl, … }` → `{ apiKey, baseUrl }`, edited in place so untouched layout stays. */
function mapClientOptions(ctx: JsContext, sdk: SdkFile, options: Node | undefined, anchor: ASTPath): Node[] {
  const envKey = () => `apiKey: ${printNode(apiKeyValue(ctx, sdk, envApiKey(ctx)))}`;
  const printed = (entries: string[]) => parseExpression(ctx, printObjectText(entries, styleOf(ctx), isMultiline(options)));
  if (!options) return [printed([envKey()])];
  if (options.type !== "ObjectExpression") {
    ctx.mark(anchor, "sdk-client-options");
    return [options];
  }
  const properties = options.properties as Node[];
  const kept = properties.filter((property) => mapClientOption(ctx, sdk, property, anchor));
  const hasKey = kept.some((property) => propertyKey(property) === "apiKey");
  if (kept.length === properties.length && hasKey) return [options];
  const entries = kept.map((property) => printNode(property));
  const object = printed(hasKey ? entries : [envKey(), ...entries]);
  object.comments = options.comments;
  return [object];
}

/** Is this `new GladiaClient()` stored in a client kept for live streaming? */
function isLiveOwned(sdk: SdkFile, path: ASTPath): boolean {
  const parent = path.parent?.node as Node | undefined;
  if (parent?.type === "VariableDeclarator") return sdk.receivers.liveClients.has(parent.id);
  if (parent?.type === "AssignmentExpression") return sdk.receivers.kindOf(parent.left) === "live";
  if (parent?.type === "ClassProperty" && parent.key.type === "Identifier") return sdk.receivers.fieldKind(parent.key.name) === "live";
  return false;
}

/**
 * A client kept for live streaming still talks to Gladia: env reads in its options get back the
 * Gladia names the env-var step renamed (the original text still has them).
 */
function restoreGladiaEnv(ctx: JsContext, path: ASTPath): void {
  findNodes(path, ctx.j.MemberExpression).forEach((member) => {
    const node = member.node as Node;
    const original = node.original ?? node;
    if (!isEnvRead(node) || node.computed || typeof original.start !== "number") return;
    const name = /([\w$]+)\s*$/.exec(ctx.source.slice(original.start, original.end))?.[1];
    if (name && name !== node.property.name) node.property = ctx.j.identifier(name);
  });
}

export function rewriteConstructors(ctx: JsContext, sdk: SdkFile): boolean {
  const { j } = ctx;
  let changed = false;
  findNodes(ctx.root, j.NewExpression).forEach((path) => {
    const node = path.node as Node;
    if (!isClientClass(sdk.imports, node.callee)) return;
    const parent = path.parent.node as Node;
    const inlineLive = parent.type === "MemberExpression" && parent.object === node && JS_SDK.liveFactories.includes(parent.property.name);
    if (inlineLive || isLiveOwned(sdk, path)) return restoreGladiaEnv(ctx, path);
    node.callee = j.identifier(sdk.clientName);
    node.arguments = mapClientOptions(ctx, sdk, node.arguments[0], path) as any[];
    useName(sdk, JS_SDK.assemblyaiClient, sdk.clientName, false);
    changed = true;
  });
  return changed;
}

/** `client.preRecorded()` → `client`: the AssemblyAI client carries `transcripts` and `files`. */
export function unwrapFactories(ctx: JsContext, sdk: SdkFile): boolean {
  const calls = memberCalls(ctx, sdk.receivers, JS_SDK.preRecordedFactories, ["client"]);
  for (const call of calls) {
    const node = call.node as Node;
    if (node.arguments.length > 0) {
      ctx.mark(call, "sdk-unresolved", "per-call client options");
      continue;
    }
    call.replace(node.callee.object);
  }
  return calls.length > 0;
}

/** Live/streaming use is out of scope: marked, left as it is. */
export function markLiveUse(ctx: JsContext, sdk: SdkFile): void {
  for (const call of memberCalls(ctx, sdk.receivers, JS_SDK.liveFactories, ["client", "live"])) ctx.mark(call, "sdk-live");
}
