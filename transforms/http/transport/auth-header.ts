import type { JsContext } from "../../shared/context.js";
import { isCall, isIdentifierName, isMember, staticString, type AnyPath } from "../../shared/ast.js";
import { setStringValue } from "../../shared/literals.js";
import { constInit, findBinding } from "../../shared/scope.js";
import { AUTH_HEADER } from "../../../src/mapping/transport.js";
import { isGladiaHeaderName } from "../detect/headers.js";
import type { Literals } from "./literals.js";

// `x-gladia-key` (any casing) → `authorization`, wherever the header name is written: object keys
// (headers literals, axios config/defaults), `headers.set(...)`, `defaults.headers["…"]`.
// A hard-coded key next to it is reported by line only.

const PLACEHOLDER_RE = /^(|\.{3}|x+|\*+|<[^>]*>)$|your|api[_ -]?key|placeholder|changeme|example|replace|xxx|\$\{/i;

function isHardcodedKey(path: AnyPath | undefined, ctx: JsContext): AnyPath | undefined {
  if (!path?.node) return undefined;
  const text = staticString(path.node);
  if (text !== undefined) return PLACEHOLDER_RE.test(text) ? undefined : path;
  if (path.node.type !== "Identifier") return undefined;
  const binding = findBinding(path, path.node.name);
  const init = binding && constInit(ctx.j, binding);
  return init ? isHardcodedKey(init, ctx) : undefined;
}

/** The value that goes with a header name at `name`, for the secret check. */
function headerValue(name: AnyPath): AnyPath | undefined {
  const parent = name.parent;
  if (parent.node.type === "ObjectProperty" && parent.node.key === name.node) return parent.get("value");
  if (isCall(parent.node) && parent.node.arguments[0] === name.node && parent.node.arguments[1]) return parent.get("arguments", 1);
  const assignment = parent.parent;
  if (isMember(parent.node) && assignment?.node.type === "AssignmentExpression" && assignment.node.left === parent.node) return assignment.get("right");
  return undefined;
}

function renameKey(ctx: JsContext, name: AnyPath): void {
  const parent = name.parent.node;
  if (parent.type === "ObjectProperty" && parent.key === name.node && isIdentifierName(AUTH_HEADER.assemblyai)) {
    parent.key = ctx.j.identifier(AUTH_HEADER.assemblyai);
    return;
  }
  setStringValue(name.node, AUTH_HEADER.assemblyai);
}

const HEADER_TEXT_RE = new RegExp(AUTH_HEADER.gladia, "i");

export function renameAuthHeaders(ctx: JsContext, skip: (path: AnyPath) => boolean, literals: () => Literals): boolean {
  if (!HEADER_TEXT_RE.test(ctx.source)) return false;
  let changed = false;
  const names = literals().strings.paths().filter((path: AnyPath) => isGladiaHeaderName(path.node.value));
  names.forEach((name: AnyPath) => {
    if (skip(name)) return;
    const secret = isHardcodedKey(headerValue(name), ctx);
    if (secret) {
      ctx.secret(secret);
      ctx.note("hardcoded-key", secret);
    }
    renameKey(ctx, name);
    changed = true;
  });
  return changed;
}
