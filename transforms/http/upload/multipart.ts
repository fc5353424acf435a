import type { JsContext } from "../../shared/context.js";
import { isCall, isMember, memberKey, propertyKey, staticString, unwrap, type AnyNode, type AnyPath } from "../../shared/ast.js";
import { findBinding, getReferences, type Binding } from "../../shared/scope.js";
import { UPLOAD } from "../../../src/mapping/transport.js";
import type { GladiaCall } from "../detect/facts.js";
import { propertyPath, propertyValue } from "../detect/objects.js";

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

/** `{ "content-type": "application/octet-stream" }`, keeping the other headers of the call. */
function contentTypeProperty(ctx: JsContext): AnyNode {
  return ctx.j.objectProperty(ctx.j.stringLiteral("content-type"), ctx.j.stringLiteral(UPLOAD.contentType));
}

function withContentType(ctx: JsContext, headers: AnyPath, form: MultipartForm): AnyNode {
  const { j } = ctx;
  const isFormHeaders = (n: AnyNode) => form.headerCalls.some((c) => c.node === unwrap(n));
  const node = unwrap(headers.node);
  if (isFormHeaders(node)) return j.objectExpression([contentTypeProperty(ctx)]);
  if (node.type === "ObjectExpression") {
    const kept = node.properties.filter(
      (p: AnyNode) => !(p.type === "SpreadElement" && isFormHeaders(p.argument)) && propertyKey(p)?.toLowerCase() !== "content-type",
    );
    return j.objectExpression([...kept, contentTypeProperty(ctx)]);
  }
  return j.objectExpression([j.spreadElement(node), contentTypeProperty(ctx)]);
}

/** Put the content type in the call's headers (adding headers or a config argument if needed). */
export function setContentType(ctx: JsContext, call: GladiaCall, form: MultipartForm): void {
  const { j } = ctx;
  const headers = propertyValue(call.options, "headers");
  if (headers) {
    const prop = headers.parent.node;
    prop.value = withContentType(ctx, headers, form);
    prop.shorthand = false;
    return;
  }
  const headersProp = j.objectProperty(j.identifier("headers"), j.objectExpression([contentTypeProperty(ctx)]));
  if (call.options) {
    call.options.node.properties.push(headersProp);
    return;
  }
  call.path.node.arguments.push(j.objectExpression([headersProp]));
}

function isStreamExpression(node: AnyNode): boolean {
  const n = unwrap(node);
  if (!isCall(n)) return false;
  const name = n.callee.type === "Identifier" ? n.callee.name : memberKey(n.callee);
  return name === "createReadStream";
}

/** Node's fetch needs `duplex: "half"` to send a stream body. */
function addDuplex(ctx: JsContext, call: GladiaCall): void {
  const { j } = ctx;
  if (call.client !== "fetch" || !call.options || propertyPath(call.options, "duplex")) return;
  call.options.node.properties.push(j.objectProperty(j.identifier("duplex"), j.stringLiteral("half")));
}

/** Removes `const form = new FormData()` and `form.append(…)` once nothing else uses the form. */
function removeForm(form: MultipartForm): void {
  form.append.parent.prune();
  const declarator = form.binding.id.parent;
  if (declarator.parent.node.declarations.length === 1) declarator.parent.prune();
  else declarator.prune();
}

export function replaceMultipart(ctx: JsContext, call: GladiaCall, form: MultipartForm): void {
  const file = form.append.node.arguments[1];
  setContentType(ctx, call, form);
  if (isStreamExpression(file)) addDuplex(ctx, call);
  form.use.replace(file);
  removeForm(form);
}
