import type { JsContext } from "../../shared/context.js";
import { unwrap, type AnyNode, type AnyPath } from "../../shared/ast.js";
import { constInit, findBinding } from "../../shared/scope.js";
import { ASSEMBLYAI_JOB_PREFIX } from "../../../src/mapping/transport.js";
import { classifyUrl } from "../detect/endpoint.js";
import type { GladiaCall } from "../detect/facts.js";
import { evaluate } from "../detect/url-value.js";

// The file's own Gladia base constant (`const BASE = process.env.X ?? "https://api.gladia.io"`),
// so a URL built to replace `result_url` follows the same base (and its env override).

export interface BaseRef {
  name: string;
  /** What goes between the base and the id: `/v2/transcript/`, `/transcript/`, `v2/transcript/`… */
  path: string;
}

/** The identifier a URL expression starts with: `${BASE}/…`, `BASE + "/…"`, or a constant of those. */
function leadingIdentifier(ctx: JsContext, path: AnyPath, depth = 0): AnyPath | undefined {
  const node = unwrap(path.node);
  if (depth > 3 || !node) return undefined;
  if (node.type === "TemplateLiteral" && node.quasis[0].value.cooked === "" && node.expressions[0]?.type === "Identifier") {
    return path.get("expressions", 0);
  }
  if (node.type === "BinaryExpression" && node.operator === "+") return leadingIdentifier(ctx, path.get("left"), depth + 1);
  if (node.type !== "Identifier") return undefined;
  const binding = findBinding(path, node.name);
  const init = binding && constInit(ctx.j, binding);
  const inner = init && leadingIdentifier(ctx, init, depth + 1);
  return inner ?? (init ? path : undefined);
}

function pathAfter(baseText: string): string {
  if (/\/v2\/$/.test(baseText)) return ASSEMBLYAI_JOB_PREFIX.replace(/^\/v2\//, "");
  if (/\/v2$/.test(baseText)) return ASSEMBLYAI_JOB_PREFIX.replace(/^\/v2/, "");
  return baseText.endsWith("/") ? ASSEMBLYAI_JOB_PREFIX.slice(1) : ASSEMBLYAI_JOB_PREFIX;
}

export function fileBase(ctx: JsContext, calls: GladiaCall[], at: AnyPath): BaseRef | undefined {
  for (const call of calls) {
    const id = call.url && leadingIdentifier(ctx, call.url);
    if (!id) continue;
    const value = evaluate(ctx.j, id);
    if (classifyUrl(value, undefined).kind !== "base") continue;
    const name: string = (id.node as AnyNode).name;
    const binding = findBinding(id, name);
    if (!binding || findBinding(at, name)?.id.node !== binding.id.node) continue;
    return { name, path: pathAfter(value.text) };
  }
  return undefined;
}
