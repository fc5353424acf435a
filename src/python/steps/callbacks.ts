import { CALLBACK } from "../../mapping/result.js";
import type { RuleId } from "../../mapping/rules.js";
import type { PyContext } from "../context.js";
import { extractChain, isOutermost } from "../chains.js";
import type { PyNode } from "../parse.js";
import { callArgs, dottedName, stringContents, stringValue, unwrap } from "../nodes.js";
import type { PyStep } from "./step.js";
import { describePyStep } from "../../languages/python-info.js";

// Mapping §4: a Flask/FastAPI/Django view that receives Gladia's callback
// `{id, event, payload, error?, custom_metadata?}` now receives AssemblyAI's `{transcript_id, status}`.

/** Reads of the request body: `request.get_json()`, `request.json`, `await request.json()`, `json.loads(request.body)`. */
function isBodySource(ctx: PyContext, node: PyNode): boolean {
  let value = unwrap(node);
  if (value.kind() === "await") value = unwrap(value.namedChildren()[0]);
  const name = value.kind() === "call" ? dottedName(value.field("function")) : dottedName(value);
  if (!name) return false;
  if (/^(request|req)\.(get_json|json)$/.test(name)) return true;
  if (ctx.facts.qualify(name) === "json.loads") {
    const arg = callArgs(value).positional[0];
    return !!arg && /^(request|req)\.(body|data|get_data\(\))$/.test(arg.text());
  }
  return false;
}

/** A Gladia callback handler says so: it checks Gladia's events or reads the payload. */
function looksLikeGladiaCallback(fn: PyNode): boolean {
  return fn.text().includes(CALLBACK.successEvent) || fn.text().includes(CALLBACK.errorEvent) || /\[\s*["']payload["']\s*\]|\.get\(\s*["']payload["']/.test(fn.text());
}

const EVENT_TO_STATUS: Record<string, string> = {
  [CALLBACK.successEvent]: CALLBACK.assemblyaiSuccessStatus,
  [CALLBACK.errorEvent]: CALLBACK.assemblyaiErrorStatus,
};

const MARKED_FIELDS: Record<string, RuleId> = { payload: "callback-payload", error: "callback-error", custom_metadata: "custom-metadata" };

function renameKey(ctx: PyContext, keyNode: PyNode, to: string): boolean {
  const content = keyNode.kind() === "string" ? stringContents(keyNode)[0] : undefined;
  return content ? ctx.replace(content, to) : false;
}

/** `body["event"] == "transcription.success"` → `body["status"] == "completed"`. */
function rewriteEventComparison(ctx: PyContext, read: PyNode): boolean {
  let changed = false;
  const comparison = read.parent()?.kind() === "comparison_operator" ? read.parent()! : undefined;
  for (const operand of comparison?.namedChildren() ?? []) {
    const status = EVENT_TO_STATUS[stringValue(operand) ?? ""];
    const content = stringContents(operand)[0];
    if (status && content) changed = ctx.replace(content, status) || changed;
  }
  return changed;
}

function migrateHandler(ctx: PyContext, fn: PyNode): boolean {
  const names = new Set<string>();
  for (const assignment of fn.findAll({ rule: { kind: "assignment" } })) {
    const left = assignment.field("left");
    const right = assignment.field("right");
    if (left?.kind() === "identifier" && right && isBodySource(ctx, right)) names.add(left.text());
  }
  let changed = false;
  for (const node of fn.findAll({ rule: { any: [{ kind: "subscript" }, { kind: "call" }] } })) {
    if (!isOutermost(node)) continue;
    const chain = extractChain(node);
    const first = chain.accessors[0];
    if (!first || first.style === "attr" || !(names.has(chain.base.text()) || isBodySource(ctx, chain.base))) continue;
    const read = chain.accessors.length === 1 ? node : first.node;
    if (first.key === CALLBACK.idField.gladia) changed = renameKey(ctx, first.keyNode, CALLBACK.idField.assemblyai) || changed;
    else if (first.key === "event") {
      changed = renameKey(ctx, first.keyNode, "status") || changed;
      changed = rewriteEventComparison(ctx, read) || changed;
    } else if (typeof first.key === "string" && MARKED_FIELDS[first.key]) ctx.mark(node, MARKED_FIELDS[first.key]);
  }
  return changed;
}

export const callbacksStep: PyStep = {
  name: "py-callbacks",
  description: describePyStep("py-callbacks"),
  run(ctx) {
    if (!ctx.source.includes("transcription.") && !ctx.source.includes("payload")) return false;
    let changed = false;
    for (const fn of ctx.root.findAll({ rule: { kind: "function_definition" } })) {
      if (looksLikeGladiaCallback(fn)) changed = migrateHandler(ctx, fn) || changed;
    }
    return changed;
  },
};
