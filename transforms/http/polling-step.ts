import type { JsContext, JsStep } from "../shared/context.js";
import { type AnyNode, type AnyPath } from "../shared/ast.js";
import { findBinding, getReferences } from "../shared/scope.js";
import { ASSEMBLYAI_BASE, ASSEMBLYAI_JOB_PREFIX } from "../../src/mapping/transport.js";
import { getFacts } from "./detect/facts.js";
import { formatLater } from "../shared/print/format-later.js";
import { objectStyle } from "../shared/print/from-ast.js";
import { fileBase, type BaseRef } from "./polling/file-base.js";
import { describeStep } from "../step-info.js";

// Polling (mapping §1): Gladia's create response `result_url` has no AssemblyAI counterpart; the
// transcript URL is built from the id. Statuses and `error_code` of the polled job are handled by
// the result reads (http-results).

const element = (ctx: JsContext, text: string, tail: boolean) => ctx.j.templateElement({ raw: text, cooked: text }, tail);

/** `${BASE}/v2/transcript/${id}` with the file's own base constant when it has one in scope. */
function transcriptUrl(ctx: JsContext, id: AnyNode, base: BaseRef | undefined): AnyNode {
  const { j } = ctx;
  if (base) return j.templateLiteral([element(ctx, "", false), element(ctx, base.path, false), element(ctx, "", true)], [j.identifier(base.name), id]);
  return j.templateLiteral([element(ctx, `${ASSEMBLYAI_BASE}${ASSEMBLYAI_JOB_PREFIX}`, false), element(ctx, "", true)], [id]);
}

/** `created.result_url` → `` `https://api.assemblyai.com/v2/transcript/${created.id}` ``. */
function replaceMemberRead(ctx: JsContext, member: AnyPath, base: BaseRef | undefined): void {
  const { j } = ctx;
  const node = member.node;
  const id = j.memberExpression(node.object, node.computed ? j.stringLiteral("id") : j.identifier("id"), node.computed);
  member.replace(transcriptUrl(ctx, node.optional ? j.optionalMemberExpression(node.object, j.identifier("id"), false, true) : id, base));
}

/** `const { id, result_url } = created`: drop `result_url`, build the URL from `id` where it was read. */
function replaceDestructured(ctx: JsContext, value: AnyPath, base: BaseRef | undefined): boolean {
  const { j } = ctx;
  const prop = value.parent;
  const pattern = prop.parent;
  if (value.node.type !== "Identifier" || pattern.node.type !== "ObjectPattern") return false;
  const binding = findBinding(value, value.node.name);
  if (!binding) return false;
  const idProp = pattern.node.properties.find((p: AnyNode) => p.key?.name === "id" && p.value?.type === "Identifier");
  const refs = getReferences(j, binding);
  let idName: string;
  if (idProp) {
    idName = idProp.value.name;
    formatLater(ctx, pattern.node, objectStyle(ctx, pattern.node));
    pattern.node.properties = pattern.node.properties.filter((p: AnyNode) => p !== prop.node);
  } else {
    idName = findBinding(value, "id") ? value.node.name : "id";
    prop.node.key = j.identifier("id");
    prop.node.value = j.identifier(idName);
    prop.node.shorthand = idName === "id";
  }
  for (const ref of refs) ref.replace(transcriptUrl(ctx, j.identifier(idName), base));
  return true;
}

export const httpPollingStep: JsStep = {
  name: "http-polling",
  description: describeStep("http-polling"),
  run(ctx) {
    const facts = getFacts(ctx);
    if (!facts) return false;
    let changed = false;
    for (const read of facts.resultUrlReads) {
      ctx.note("result-url", read);
      const base = fileBase(ctx, facts.calls, read);
      if (read.node.type === "Identifier") {
        if (!replaceDestructured(ctx, read, base)) ctx.mark(read, "result-url-unresolved");
        else changed = true;
      } else {
        replaceMemberRead(ctx, read, base);
        changed = true;
      }
    }
    return changed;
  },
};
