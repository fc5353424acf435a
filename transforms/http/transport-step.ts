import type { JsStep, JsContext } from "../shared/context.js";
import type { AnyPath } from "../shared/ast.js";
import { getFacts, type GladiaCall } from "./detect/facts.js";
import { rewriteDeleteStatus } from "./transport/delete-status.js";
import { renameAuthHeaders } from "./transport/auth-header.js";
import { rewriteCallUrls, rewriteStandaloneUrls } from "./transport/rewrite-url.js";
import { literalsOnce } from "./transport/literals.js";
import { describeStep } from "../step-info.js";

// Transport (mapping §1): Gladia URLs → AssemblyAI URLs, `x-gladia-key` → `authorization`,
// markers for endpoints with no equivalent (V1, `/file`) and list pagination. Runs last, so the
// earlier steps see the original URLs.

function markUnmigrated(ctx: JsContext, calls: GladiaCall[]): boolean {
  let changed = false;
  for (const call of calls) {
    if (call.kind === "v1") ctx.mark(call.path, "v1-api");
    if (call.kind === "file") ctx.mark(call.path, "get-file");
    if (call.kind === "list") ctx.mark(call.path, "list-pagination");
    if (call.kind === "unknown") ctx.mark(call.path, "http-helper");
    if (call.kind === "delete") {
      ctx.note("delete-response", call.path);
      changed = rewriteDeleteStatus(ctx, call) || changed;
    }
  }
  return changed;
}

/** Inside a call that keeps talking to Gladia (V1, `/file`): leave its literals alone. */
function insideKeptCall(calls: GladiaCall[]): (path: AnyPath) => boolean {
  const kept = new Set(calls.filter((c) => c.kind === "v1" || c.kind === "file").map((c) => c.path.node));
  return (path) => {
    for (let current: AnyPath | null = path; current; current = current.parent) if (kept.has(current.node)) return true;
    return false;
  };
}

export const httpTransportStep: JsStep = {
  name: "http-transport",
  description: describeStep("http-transport"),
  run(ctx) {
    const facts = getFacts(ctx);
    if (!facts) return false;
    const skip = insideKeptCall(facts.calls);
    const deletes = markUnmigrated(ctx, facts.calls);
    const urls = rewriteCallUrls(facts.calls);
    const literals = literalsOnce(ctx);
    const standalone = rewriteStandaloneUrls(ctx, (path) => skip(path) || urls.handled.has(path.node), literals);
    const headers = renameAuthHeaders(ctx, skip, literals);
    return urls.changed || standalone || headers || deletes;
  },
};
