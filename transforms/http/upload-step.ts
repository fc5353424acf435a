import type { JsContext, JsStep } from "../shared/context.js";
import { unwrap, type AnyPath } from "../shared/ast.js";
import { findBinding, getReferences } from "../shared/scope.js";
import { getFacts, type GladiaCall } from "./detect/facts.js";
import { propertyValue, resolveObject } from "./detect/objects.js";
import { multipartForm, replaceMultipart } from "./upload/multipart.js";
import { rewriteUploadReads } from "./upload/upload-response.js";
import { describeStep } from "../step-info.js";
import { findNodes } from "../shared/find.js";

// Uploads (mapping §1): multipart → raw bytes, `audio_url` of the response → `upload_url`,
// URL re-hosting (`{ audio_url }` JSON to /v2/upload) → marker.

/** The expression sent as the upload body. */
function uploadBody(call: GladiaCall): AnyPath | undefined {
  return call.client === "axios" ? call.data : propertyValue(call.options, "body") ?? propertyValue(call.options, "json");
}

function isUrlRehost(ctx: JsContext, call: GladiaCall, body: AnyPath | undefined): boolean {
  if (propertyValue(call.options, "json")) return true;
  const node = body && unwrap(body.node);
  if (node?.type === "CallExpression" && node.callee.object?.name === "JSON") return true;
  return Boolean(resolveObject(ctx.j, body) && propertyValue(resolveObject(ctx.j, body), "audio_url"));
}

/** `import FormData from "form-data"` / `require("form-data")` left unused. */
function removeUnusedFormDataImport(ctx: JsContext): void {
  const { j, root } = ctx;
  findNodes(root, j.Identifier, { name: "FormData" }).forEach((path: AnyPath) => {
    const binding = findBinding(path, "FormData");
    if (!binding || binding.id.node !== path.node || getReferences(j, binding).length > 0) return;
    const owner = path.parent;
    if (owner.node.type === "ImportDefaultSpecifier" && owner.parent.node.specifiers.length === 1) owner.parent.prune();
    if (owner.node.type === "VariableDeclarator" && owner.parent.node.declarations.length === 1) owner.parent.prune();
  });
}

function migrateUpload(ctx: JsContext, call: GladiaCall): boolean {
  const body = uploadBody(call);
  if (isUrlRehost(ctx, call, body)) {
    ctx.mark(call.path, "upload-url-rehost");
    return false;
  }
  const form = body && multipartForm(ctx, body);
  if (!form) {
    ctx.mark(call.path, "upload-multipart");
    return false;
  }
  replaceMultipart(ctx, call, form);
  return true;
}

export const httpUploadStep: JsStep = {
  name: "http-upload",
  description: describeStep("http-upload"),
  run(ctx) {
    const facts = getFacts(ctx);
    if (!facts) return false;
    let changed = false;
    for (const call of facts.calls.filter((c) => c.kind === "upload")) changed = migrateUpload(ctx, call) || changed;
    if (changed) removeUnusedFormDataImport(ctx);
    return rewriteUploadReads(ctx, facts.uploadBodies) || changed;
  },
};
