import type { JsContext } from "../../shared/context.js";
import { isNumericLiteral, memberKey, parentMember } from "../../shared/ast.js";
import { followValue } from "../../shared/flow.js";
import { DELETE_STATUS } from "../../../src/mapping/transport.js";
import type { GladiaCall } from "../detect/facts.js";

// Gladia answers DELETE with 202, AssemblyAI with 200: `res.status === 202` on a delete response.

export function rewriteDeleteStatus(ctx: JsContext, call: GladiaCall): boolean {
  let changed = false;
  for (const expr of followValue(ctx.j, [call.path]).exprs) {
    const member = parentMember(expr);
    if (!member || memberKey(member.node) !== "status") continue;
    const compare = member.parent.node;
    if (compare.type !== "BinaryExpression") continue;
    const side = compare.left === member.node ? "right" : "left";
    if (isNumericLiteral(compare[side]) && compare[side].value === DELETE_STATUS.gladia) {
      compare[side] = ctx.j.numericLiteral(DELETE_STATUS.assemblyai);
      changed = true;
    }
  }
  return changed;
}

