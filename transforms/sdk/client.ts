import type { ASTPath } from "jscodeshift";
import type { JsContext } from "../shared/context.js";
import type { SdkFile } from "./model.js";
import { JS_SDK } from "../../src/mapping/sdk.js";
import { GLADIA_BASE_RE } from "../../src/mapping/transport.js";
import { isClientClass } from "./imports.js";

// `new GladiaClient({ apiKey, apiUrl, … })` → `new AssemblyAI({ apiKey, baseUrl })`, and the
// `client.preRecorded()` factory → the client itself (its methods live on `.transcripts`/`.files`).

type Node = { type: string; [key: string]: any };

function keyName(property: Node): string | undefined {
  if (property.computed) return undefined;
  return property.key?.type === "Identifier" ? property.key.name : typeof property.key?.value === "string" ? property.key.value : undefined;
}

function isStringLiteral(node: Node): boolean {
  return node.type === "StringLiteral" || (node.type === "Literal" && typeof node.value === "string") || (node.type === "TemplateLiteral" && node.expressions.length === 0);
}

function literalString(node: Node): string | undefined {
  if (node.type === "TemplateLiteral") return node.expressions.length === 0 ? node.quasis[0].value.cooked : undefined;
  return isStringLiteral(node) ? node.value : undefined;
}

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

function mapClientOptions(ctx: JsContext, sdk: SdkFile, options: Node | undefined, anchor: ASTPath): Node[] {
  const { j } = ctx;
  if (options && options.type !== "ObjectExpression") {
    ctx.mark(anchor, "sdk-client-options");
    return [options];
  }
  const properties: Node[] = [];
  let hasKey = false;
  for (const property of (options?.properties ?? []) as Node[]) {
    const key = property.type === "ObjectProperty" || property.type === "Property" ? keyName(property) : undefined;
    const renamed = key && JS_SDK.clientOptions[key];
    if (!key || !renamed) {
      if (key) ctx.note("sdk-option-dropped", anchor);
      else {
        ctx.mark(anchor, "sdk-client-options");
        properties.push(property);
      }
      continue;
    }
    const value = property.shorthand ? j.identifier(key) : property.value;
    if (renamed === "apiKey") {
      hasKey = true;
      if (isStringLiteral(value)) {
        ctx.secret(anchor);
        ctx.note("hardcoded-key", anchor);
      }
      const mapped = apiKeyValue(ctx, sdk, value);
      properties.push(mapped === value ? property : Object.assign(j.objectProperty(j.identifier("apiKey"), mapped as any), { comments: property.comments }));
      continue;
    }
    // apiUrl: the Gladia host is AssemblyAI's default; anything else is a proxy to re-point.
    const url = literalString(value);
    if (url !== undefined && GLADIA_BASE_RE.test(url)) continue;
    if (!isEnvRead(value)) ctx.mark(anchor, "sdk-base-url");
    properties.push(Object.assign(j.objectProperty(j.identifier(renamed), value as any), { comments: property.comments }));
  }
  if (!hasKey) properties.unshift(j.objectProperty(j.identifier("apiKey"), apiKeyValue(ctx, sdk, envApiKey(ctx)) as any));
  const object = j.objectExpression(properties as any[]) as Node;
  if (options) object.comments = options.comments;
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

export function rewriteConstructors(ctx: JsContext, sdk: SdkFile): boolean {
  const { j } = ctx;
  let changed = false;
  ctx.root.find(j.NewExpression).forEach((path) => {
    const node = path.node as Node;
    if (!isClientClass(sdk.imports, node.callee) || isLiveOwned(sdk, path)) return;
    const parent = path.parent.node as Node;
    if (parent.type === "MemberExpression" && parent.object === node && JS_SDK.liveFactories.includes(parent.property.name)) return;
    node.callee = j.identifier(sdk.clientName);
    node.arguments = mapClientOptions(ctx, sdk, node.arguments[0], path) as any[];
    sdk.values.add(JS_SDK.assemblyaiClient);
    changed = true;
  });
  return changed;
}

/** `client.preRecorded()` → `client`: the AssemblyAI client carries `transcripts` and `files`. */
export function unwrapFactories(ctx: JsContext, sdk: SdkFile): boolean {
  const { j } = ctx;
  const calls = ctx.root
    .find(j.CallExpression)
    .filter((call) => {
      const callee = call.node.callee as Node;
      return callee.type === "MemberExpression" && !callee.computed && (JS_SDK.preRecordedFactories as readonly string[]).includes(callee.property.name) &&
        sdk.receivers.kindOf(callee.object) === "client";
    })
    .paths()
    .reverse();
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
  const { j } = ctx;
  ctx.root.find(j.CallExpression).forEach((call) => {
    const callee = call.node.callee as Node;
    if (callee.type !== "MemberExpression" || callee.computed || !(JS_SDK.liveFactories as readonly string[]).includes(callee.property.name)) return;
    const kind = sdk.receivers.kindOf(callee.object);
    if (kind === "client" || kind === "live" || (callee.object.type === "NewExpression" && isClientClass(sdk.imports, callee.object.callee))) {
      ctx.mark(call, "sdk-live");
    }
  });
}
