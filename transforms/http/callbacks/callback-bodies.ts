import type { JsContext } from "../../shared/context.js";
import { isFunction, isMember, isPure, memberKey, propertyKey, staticString, unwrap, type AnyNode, type AnyPath } from "../../shared/ast.js";
import { findBinding } from "../../shared/scope.js";
import { CALLBACK } from "../../../src/mapping/result.js";
import { findNodes } from "../../shared/find.js";

// Handlers that receive Gladia callbacks are recognised by what only a Gladia callback has: an
// `event` compared with "transcription.success" / "transcription.error" / "transcription.created".
// The object holding that `event` is the callback body.

const EQUALITY = new Set(["===", "!==", "==", "!="]);

export function isGladiaEvent(text: string | undefined): boolean {
  return text !== undefined && (text in CALLBACK.eventToStatus || text === CALLBACK.createdEvent);
}

/** The expression compared with an event literal (`x === "transcription.success"`, `case …:`). */
function comparedWith(literal: AnyPath): AnyPath | undefined {
  const parent = literal.parent;
  if (parent.node.type === "BinaryExpression" && EQUALITY.has(parent.node.operator)) {
    return parent.get(parent.node.left === literal.node ? "right" : "left");
  }
  if (parent.node.type === "SwitchCase" && parent.node.test === literal.node) return parent.parent.get("discriminant");
  return undefined;
}

/** From the `event` value to the body: `body.event`, `const { event } = body`, `const event = body.event`. */
function bodyOfEvent(expr: AnyPath): AnyPath | undefined {
  const node = unwrap(expr.node);
  if (isMember(node) && memberKey(node) === "event") return expr.get("object");
  if (node.type !== "Identifier") return undefined;
  const binding = findBinding(expr, node.name);
  const declaring = binding?.id;
  const owner = declaring?.parent;
  if (owner?.node.type === "VariableDeclarator" && owner.node.id === declaring!.node) {
    const init = owner.get("init");
    return isMember(init.node) && memberKey(init.node) === "event" ? init.get("object") : undefined;
  }
  if (owner?.node.type === "ObjectProperty" && propertyKey(owner.node) === "event") {
    const pattern = owner.parent;
    const declarator = pattern.parent;
    if (declarator.node.type === "VariableDeclarator" && declarator.node.id === pattern.node) return declarator.get("init");
    if (isFunction(declarator.node)) return pattern;
  }
  return undefined;
}

function rootBinding(path: AnyPath, node: AnyNode): AnyNode | undefined {
  const root = unwrap(node);
  if (root.type === "Identifier") return findBinding(path, root.name)?.id.node;
  return isMember(root) ? rootBinding(path, root.object) : undefined;
}

function chainKeys(node: AnyNode): string[] {
  const n = unwrap(node);
  return isMember(n) ? [...chainKeys(n.object), memberKey(n) ?? ""] : [n.type === "Identifier" ? n.name : n.type];
}

/** Every place the body is: the binding it names, or each equal `req.body` chain in the function. */
export function bodyStarts(ctx: JsContext, body: AnyPath): AnyPath[] {
  const node = unwrap(body.node);
  if (node.type === "ObjectPattern") return [body];
  if (node.type === "Identifier") {
    const binding = findBinding(body, node.name);
    return [binding ? binding.id : body];
  }
  if (!isPure(node)) return [body];
  let scope: AnyPath = body;
  while (scope.parent && !isFunction(scope.node)) scope = scope.parent;
  const keys = chainKeys(node).join(".");
  const root = rootBinding(body, node);
  return findNodes(scope, ctx.j.Node)
    .filter((p: AnyPath) => isMember(p.node) && isPure(p.node) && chainKeys(p.node).join(".") === keys && rootBinding(p, p.node) === root)
    .paths();
}

/** Callback bodies in the file (each as its start paths). */
export function findCallbackBodies(ctx: JsContext): AnyPath[][] {
  const { j, root } = ctx;
  const bodies: AnyPath[][] = [];
  const seen = new Set<AnyNode>();
  findNodes(root, j.StringLiteral).forEach((literal: AnyPath) => {
    if (!isGladiaEvent(staticString(literal.node))) return;
    const compared = comparedWith(literal);
    const body = compared && bodyOfEvent(compared);
    if (!body) return;
    const starts = bodyStarts(ctx, body);
    if (starts.some((s) => seen.has(s.node))) return;
    starts.forEach((s) => seen.add(s.node));
    bodies.push(starts);
  });
  return bodies;
}
