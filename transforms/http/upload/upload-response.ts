import type { JsContext } from "../../shared/context.js";
import { isIdentifierName, memberKey, parentMember, propertyKey, type AnyNode, type AnyPath } from "../../shared/ast.js";
import { followValue } from "../../shared/flow.js";
import { UPLOAD_FIELD_MAP, UPLOAD_FIELDS_WITHOUT_EQUIVALENT } from "../../../src/mapping/transport.js";

// Reads of Gladia's upload response: `audio_url` → `upload_url` (member, `?.`, `["…"]`,
// destructuring), `audio_metadata` → marker. The create request's `audio_url` key is not a read
// of this value, so it is never touched.

function renameMember(ctx: JsContext, member: AnyPath, to: string): void {
  const node = member.node;
  node.property = node.computed ? ctx.j.stringLiteral(to) : ctx.j.identifier(to);
}

function renamePatternKey(ctx: JsContext, prop: AnyNode, to: string): void {
  prop.key = isIdentifierName(to) && prop.key.type === "Identifier" ? ctx.j.identifier(to) : ctx.j.stringLiteral(to);
  prop.shorthand = false;
}

export function rewriteUploadReads(ctx: JsContext, starts: AnyPath[]): boolean {
  const flow = followValue(ctx.j, starts);
  let changed = false;
  for (const expr of flow.exprs) {
    const member = parentMember(expr);
    const key = member && memberKey(member.node);
    if (!member || key === undefined) continue;
    if (UPLOAD_FIELD_MAP[key]) {
      renameMember(ctx, member, UPLOAD_FIELD_MAP[key]);
      changed = true;
    } else if (UPLOAD_FIELDS_WITHOUT_EQUIVALENT[key]) {
      ctx.mark(member, UPLOAD_FIELDS_WITHOUT_EQUIVALENT[key]);
    }
  }
  for (const pattern of flow.patterns) {
    if (pattern.node.type !== "ObjectPattern") continue;
    for (const prop of pattern.node.properties) {
      const key = propertyKey(prop);
      if (key && UPLOAD_FIELD_MAP[key]) {
        renamePatternKey(ctx, prop, UPLOAD_FIELD_MAP[key]);
        changed = true;
      } else if (key && UPLOAD_FIELDS_WITHOUT_EQUIVALENT[key]) {
        ctx.mark(pattern, UPLOAD_FIELDS_WITHOUT_EQUIVALENT[key]);
      }
    }
  }
  return changed;
}
