import type { JsContext } from "./context.js";
import { isMember, outermost, type AnyNode, type AnyPath } from "./ast.js";
import { bindingOf, getReferences } from "./scope.js";
import { STATUS_MAP } from "../../src/mapping/transport.js";

// Gladia's `job.result` is null until the job is done, so `job.result?.transcription` (or a
// tested `job.result`) also says "not finished yet". The AssemblyAI transcript that replaces these
// aliases is always an object: that meaning is kept by testing its status instead.

const COMPLETED = STATUS_MAP.done;
const TEST_OWNERS = new Set(["IfStatement", "WhileStatement", "DoWhileStatement", "ForStatement", "ConditionalExpression"]);

/** Is the value at `path` used only for its truth (`if (x)`, `!x`, `x ? … : …`)? */
export function isTestPosition(path: AnyPath): boolean {
  const value = outermost(path);
  const parent = value.parent?.node;
  if (!parent) return false;
  if (TEST_OWNERS.has(parent.type)) return parent.test === value.node;
  return parent.type === "UnaryExpression" && parent.operator === "!";
}

function isNullish(node: AnyNode): boolean {
  return node?.type === "NullLiteral" || (node?.type === "Identifier" && node.name === "undefined");
}

/** Does the code ask whether the value at `path` is there (truth, `&&`/`||`/`??`, `?.`, `== null`)? */
function isAskedFor(path: AnyPath): boolean {
  const value = outermost(path);
  const parent = value.parent;
  const pn = parent?.node;
  if (!pn) return false;
  if (isTestPosition(value)) return true;
  if (pn.type === "LogicalExpression") return pn.left === value.node || isAskedFor(parent);
  if (pn.type === "ConditionalExpression") return isAskedFor(parent);
  if (isMember(pn) && pn.object === value.node) return Boolean(pn.optional);
  if (pn.type === "BinaryExpression" && /^[!=]==?$/.test(pn.operator)) return isNullish(pn.left === value.node ? pn.right : pn.left);
  return false;
}

/** Is the binding `id` declares asked for anywhere? */
export function isBindingAskedFor(ctx: JsContext, id: AnyPath): boolean {
  const binding = bindingOf(id);
  return Boolean(binding && getReferences(ctx.j, binding).some(isAskedFor));
}

/** Is the value at `path` asked for, where it is or through the `const x = …` it initialises? */
export function isValueAskedFor(ctx: JsContext, path: AnyPath): boolean {
  const value = outermost(path);
  if (isAskedFor(value)) return true;
  const pn = value.parent?.node;
  return pn?.type === "VariableDeclarator" && pn.init === value.node && pn.id.type === "Identifier" && isBindingAskedFor(ctx, value.parent.get("id"));
}

/** `job.status === "completed"` (`job?.status` when the job itself may be missing). */
export function completedTest(ctx: JsContext, job: AnyNode, optional: boolean): AnyNode {
  const { j } = ctx;
  const key = j.identifier("status");
  const status = optional ? j.optionalMemberExpression(job, key, false, true) : j.memberExpression(job, key);
  return j.binaryExpression("===", status, j.stringLiteral(COMPLETED));
}

/** `job.status === "completed" ? job : undefined`: the transcript once it is done, as `job.result` was. */
export function whenCompleted(ctx: JsContext, job: AnyNode, copy: AnyNode, optional: boolean): AnyNode {
  return ctx.j.conditionalExpression(completedTest(ctx, copy, optional), job, ctx.j.identifier("undefined"));
}
