import type { JsContext } from "../../shared/context.js";
import { isCall, isMember, memberKey, propertyKey, staticString, unwrap, type AnyNode, type AnyPath } from "../../shared/ast.js";
import { findBinding, getReferences, type Binding } from "../../shared/scope.js";
import { UPLOAD } from "../../../src/mapping/transport.js";
import type { GladiaCall } from "../detect/facts.js";
import { propertyPath, propertyValue } from "../detect/objects.js";
import { formatLater } from "../../shared/print/format-later.js";
import { objectStyle } from "../../shared/print/from-ast.js";

// Gladia's multipart upload (`FormData` / `form-data` with field `audio`) → AssemblyAI's raw body:
// the appended file becomes the body, `Content-Type: application/octet-stream`, the form goes.

export interface MultipartForm {
  binding: Binding;
  /** The `form.append("audio", file, name?)` call. */
  append: AnyPath;
  /** Other uses that go with the form: `form.getHeaders()` calls. */
  headerCalls: AnyPath[];
  /** The body position: a property value or a call argument holding the form. */
  use: AnyPath;
}

function isFormDataConstruction(node: AnyNode): boolean {
  const n = unwrap(node);
  return n?.type === "NewExpression" && n.callee.type === "Identifier" && n.callee.name === "FormData" && n.arguments.length === 0;
}

/** The form behind a body expression, when it is a plain FormData with only an `audio` file. */
export function multipartForm(ctx: JsContext, use: AnyPath): MultipartForm | undefined {
  if (use.node.type !== "Identifier") return undefined;
  const binding = findBinding(use, use.node.name);
  const declarator = binding?.id.parent;
  if (!binding || declarator.node.type !== "VariableDeclarator" || !isFormDataConstruction(declarator.node.init)) return undefined;
  const appends: AnyPath[] = [];
  const headerCalls: AnyPath[] = [];
  for (const ref of getReferences(ctx.j, binding)) {
    if (ref.node === use.node) continue;
    const member = ref.parent;
    const call = member.parent;
    const method = isMember(member.node) && member.node.object === ref.node ? memberKey(member.node) : undefined;
    if (!method || !isCall(call.node) || call.node.callee !== member.node) return undefined;
    if (method === "append") appends.push(call);
    else if (method === "getHeaders") headerCalls.push(call);
    else return undefined;
  }
  const [append] = appends;
  if (appends.length !== 1 || staticString(append.node.arguments[0]) !== UPLOAD.gladiaField || !append.node.arguments[1]) return undefined;
  if (append.parent.node.type !== "ExpressionStatement") return undefined;
  return { binding, append, headerCalls, use };
}

function contentTypeProperty(ctx: JsContext): AnyNode {
  return ctx.j.objectProperty(ctx.j.stringLiteral("content-type"), ctx.j.stringLiteral(UPLOAD.contentType));
}

function newObject(ctx: JsContext, properties: AnyNode[], like?: AnyNode): AnyNode {
  return formatLater(ctx, ctx.j.objectExpression(properties), objectStyle(ctx, like));
}

/** The call's headers with the raw-upload content type (form headers and any old content type go). */
function withContentType(ctx: JsContext, headers: AnyPath, form: MultipartForm): AnyNode {
  const isFormHeaders = (n: AnyNode) => form.headerCalls.some((c) => c.node === unwrap(n));
  const node = unwrap(headers.node);
  if (isFormHeaders(node)) return newObject(ctx, [contentTypeProperty(ctx)]);
  if (node.type === "ObjectExpression") {
    const kept = node.properties.filter(
      (p: AnyNode) => !(p.type === "SpreadElement" && isFormHeaders(p.argument)) && propertyKey(p)?.toLowerCase() !== "content-type",
    );
    return newObject(ctx, [...kept, contentTypeProperty(ctx)], node);
  }
  return newObject(ctx, [ctx.j.spreadElement(node), contentTypeProperty(ctx)]);
}

function isStreamExpression(node: AnyNode): boolean {
  const n = unwrap(node);
  if (!isCall(n)) return false;
  const name = n.callee.type === "Identifier" ? n.callee.name : memberKey(n.callee);
  return name === "createReadStream";
}

/** Removes `const form = new FormData()` and `form.append(…)` once nothing else uses the form. */
function removeForm(form: MultipartForm): void {
  form.append.parent.prune();
  const declarator = form.binding.id.parent;
  if (declarator.parent.node.declarations.length === 1) declarator.parent.prune();
  else declarator.prune();
}

export function replaceMultipart(ctx: JsContext, call: GladiaCall, form: MultipartForm): void {
  const { j } = ctx;
  const file = form.append.node.arguments[1];
  const holder = form.use.parent.node;
  if (holder.type === "ObjectProperty" && holder.shorthand) holder.shorthand = false;
  form.use.replace(file);
  const extra: AnyNode[] = [];
  const headers = propertyValue(call.options, "headers");
  if (headers) {
    headers.parent.node.shorthand = false;
    headers.parent.node.value = withContentType(ctx, headers, form);
  } else {
    extra.push(j.objectProperty(j.identifier("headers"), newObject(ctx, [contentTypeProperty(ctx)])));
  }
  // Node's fetch needs `duplex: "half"` to send a stream body.
  if (call.client === "fetch" && isStreamExpression(file) && !propertyPath(call.options, "duplex")) {
    extra.push(j.objectProperty(j.identifier("duplex"), j.stringLiteral("half")));
  }
  if (extra.length > 0 && call.options) {
    formatLater(ctx, call.options.node, objectStyle(ctx, call.options.node));
    call.options.node.properties.push(...extra);
  } else if (extra.length > 0) {
    call.path.node.arguments.push(newObject(ctx, extra));
  }
  removeForm(form);
}
