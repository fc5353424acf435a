import type { JsContext } from "../../shared/context.js";
import { isStringLiteral, memberKey, parentMember, propertyKey, type AnyNode, type AnyPath } from "../../shared/ast.js";
import { followValue } from "../../shared/flow.js";
import { setStringValue } from "../../shared/literals.js";
import { CALLBACK } from "../../../src/mapping/result.js";

// Reads of a Gladia callback body → AssemblyAI's webhook body {transcript_id, status}:
// `id` → `transcript_id`, `event === "transcription.success"` → `status === "completed"`,
// `payload.id` (account webhooks) → `transcript_id`, and markers for `payload`, `error`,
// `custom_metadata`, which AssemblyAI's webhook does not carry.

const EQUALITY = new Set(["===", "!==", "==", "!="]);

function renameEventLiteral(ctx: JsContext, literal: AnyPath): boolean {
  const value = literal.node.value;
  const status = CALLBACK.eventToStatus[value];
  if (status) {
    setStringValue(literal.node, status);
    return true;
  }
  if (value === CALLBACK.createdEvent) ctx.mark(literal, "callback-created");
  return false;
}

/** Comparisons and `switch` cases on an event value. */
export function rewriteEventUses(ctx: JsContext, starts: AnyPath[]): boolean {
  let changed = false;
  for (const expr of followValue(ctx.j, starts).exprs) {
    const parent = expr.parent;
    const pn: AnyNode = parent.node;
    if (pn.type === "BinaryExpression" && EQUALITY.has(pn.operator)) {
      const side = pn.left === expr.node ? "right" : "left";
      if (isStringLiteral(pn[side])) changed = renameEventLiteral(ctx, parent.get(side)) || changed;
    }
    if (pn.type === "SwitchStatement" && pn.discriminant === expr.node) {
      pn.cases.forEach((c: AnyNode, i: number) => {
        if (isStringLiteral(c.test)) changed = renameEventLiteral(ctx, parent.get("cases", i, "test")) || changed;
      });
    }
  }
  return changed;
}

function renameMember(ctx: JsContext, member: AnyPath, to: string): void {
  member.node.property = member.node.computed ? ctx.j.stringLiteral(to) : ctx.j.identifier(to);
}

function rewriteMemberRead(ctx: JsContext, member: AnyPath): boolean {
  const key = memberKey(member.node)!;
  const renamed = CALLBACK.fieldRenames[key];
  if (renamed) {
    renameMember(ctx, member, renamed);
    if (key === "event") rewriteEventUses(ctx, [member]);
    return true;
  }
  const inner = parentMember(member);
  if (key === "payload" && inner && memberKey(inner.node) === "id") {
    inner.replace(member.node);
    renameMember(ctx, member, CALLBACK.idField.assemblyai);
    return true;
  }
  const rule = CALLBACK.fieldMarkers[key];
  if (rule) ctx.mark(member, rule);
  return false;
}

function rewritePattern(ctx: JsContext, pattern: AnyPath): boolean {
  let changed = false;
  pattern.node.properties.forEach((prop: AnyNode, i: number) => {
    const key = propertyKey(prop);
    if (key === undefined) return;
    const renamed = CALLBACK.fieldRenames[key];
    if (renamed) {
      prop.key = ctx.j.identifier(renamed);
      prop.shorthand = false;
      if (key === "event") rewriteEventUses(ctx, [pattern.get("properties", i, "value")]);
      changed = true;
    } else if (CALLBACK.fieldMarkers[key]) {
      ctx.mark(pattern, CALLBACK.fieldMarkers[key]);
    }
  });
  return changed;
}

export function rewriteCallbackReads(ctx: JsContext, starts: AnyPath[]): boolean {
  const flow = followValue(ctx.j, starts);
  let changed = false;
  for (const expr of flow.exprs) {
    const member = parentMember(expr);
    if (member && memberKey(member.node) !== undefined) changed = rewriteMemberRead(ctx, member) || changed;
  }
  for (const pattern of flow.patterns) if (pattern.node.type === "ObjectPattern") changed = rewritePattern(ctx, pattern) || changed;
  return changed;
}
