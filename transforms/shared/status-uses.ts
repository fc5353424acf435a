import type { JsContext } from "./context.js";
import { isCall, isStringLiteral, memberKey, type AnyNode, type AnyPath } from "./ast.js";
import { followValue } from "./flow.js";
import { STATUS_MAP } from "../../src/mapping/transport.js";

// `"done"` → `"completed"`, only where it is compared with a value known to be a Gladia job's
// status: `===`/`!==`, `switch` cases, and `["done", "error"].includes(status)`.

const EQUALITY = new Set(["===", "!==", "==", "!="]);

function renameLiteral(ctx: JsContext, literal: AnyPath): boolean {
  const mapped = STATUS_MAP[literal.node.value];
  if (!mapped || mapped === literal.node.value) return false;
  literal.replace(ctx.j.stringLiteral(mapped));
  return true;
}

function renameCompared(ctx: JsContext, expr: AnyPath): boolean {
  const parent = expr.parent;
  const pn: AnyNode = parent.node;
  if (pn.type === "BinaryExpression" && EQUALITY.has(pn.operator)) {
    const other = pn.left === expr.node ? "right" : "left";
    return isStringLiteral(pn[other]) ? renameLiteral(ctx, parent.get(other)) : false;
  }
  if (pn.type === "SwitchStatement" && pn.discriminant === expr.node) {
    let changed = false;
    pn.cases.forEach((c: AnyNode, i: number) => {
      if (isStringLiteral(c.test)) changed = renameLiteral(ctx, parent.get("cases", i, "test")) || changed;
    });
    return changed;
  }
  const call = parent;
  if (isCall(pn) && pn.arguments[0] === expr.node && memberKey(pn.callee) === "includes" && pn.callee.object.type === "ArrayExpression") {
    let changed = false;
    pn.callee.object.elements.forEach((el: AnyNode, i: number) => {
      if (isStringLiteral(el)) changed = renameLiteral(ctx, call.get("callee", "object", "elements", i)) || changed;
    });
    return changed;
  }
  return false;
}

/** Rewrite the status literals a Gladia job status (starting at `starts`) is compared with. */
export function rewriteStatusUses(ctx: JsContext, starts: AnyPath[]): boolean {
  let changed = false;
  for (const expr of followValue(ctx.j, starts).exprs) changed = renameCompared(ctx, expr) || changed;
  return changed;
}
