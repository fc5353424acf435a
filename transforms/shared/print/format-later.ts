import type { JsContext } from "../context.js";
import type { AnyNode, AnyPath } from "../ast.js";
import { deferDoc, deferredDocOf } from "./deferred.js";
import type { Doc, DocEntry, ObjectStyle } from "./doc.js";
import { commentsOf, nodeText } from "./from-ast.js";
import { findNodes } from "../find.js";

// Object literals and patterns the codemod builds (or grows) are real nodes while the steps run,
// so every step sees and edits them. Just before printing they are laid out in the style of the
// object they replace (see doc.ts), innermost first.

const KEY = "print:format-later";

function registry(ctx: JsContext): Map<AnyNode, ObjectStyle> {
  let registered = ctx.shared.get(KEY) as Map<AnyNode, ObjectStyle> | undefined;
  if (!registered) {
    registered = new Map();
    ctx.shared.set(KEY, registered);
    ctx.beforePrint.push(() => formatRegistered(ctx, registered!));
  }
  return registered;
}

/** Lay this object literal / object pattern out in `style` when the file is printed. */
export function formatLater(ctx: JsContext, node: AnyNode, style: ObjectStyle): AnyNode {
  registry(ctx).set(node, style);
  return node;
}

const isNew = (node: AnyNode) => !node?.loc;
const IDENTIFIER_KEY = (prop: AnyNode) => !prop.computed && (prop.key.type === "Identifier" || prop.key.type === "StringLiteral");

function valueDoc(ctx: JsContext, value: AnyNode): Doc {
  const nested = deferredDocOf(ctx, value);
  if (nested) return nested;
  if (isNew(value) && value.type === "ObjectExpression") return objectDocFrom(ctx, value, { multiline: false, bracketSpacing: true, trailingComma: false });
  if (isNew(value) && value.type === "ArrayExpression" && value.elements.every(Boolean)) {
    return { kind: "array", items: value.elements.map((el: AnyNode) => valueDoc(ctx, el)) };
  }
  if (isNew(value) && value.type === "StringLiteral") return { kind: "string", value: value.value };
  return { kind: "raw", text: nodeText(ctx, value) };
}

function entryOf(ctx: JsContext, prop: AnyNode): DocEntry {
  const comments = commentsOf(prop);
  // A property whose value is a nested object laid out with this one.
  const nested = prop.type === "ObjectProperty" && IDENTIFIER_KEY(prop) ? deferredDocOf(ctx, prop.value) : undefined;
  if (nested) return { key: prop.key.type === "Identifier" ? prop.key.name : prop.key.value, value: nested, ...comments };
  if (!isNew(prop) || prop.type !== "ObjectProperty" || !IDENTIFIER_KEY(prop) || prop.value.type === "AssignmentPattern") {
    return { raw: nodeText(ctx, prop), ...comments };
  }
  const key = prop.key.type === "Identifier" ? prop.key.name : prop.key.value;
  if (prop.shorthand && prop.value.type === "Identifier" && prop.value.name === key) return { key, shorthand: true, ...comments };
  return { key, value: valueDoc(ctx, prop.value), ...comments };
}

function objectDocFrom(ctx: JsContext, node: AnyNode, style: ObjectStyle): Doc {
  const annotation = node.typeAnnotation;
  return {
    kind: "object",
    entries: node.properties.map((prop: AnyNode) => entryOf(ctx, prop)),
    style,
    ...(annotation ? { suffix: nodeText(ctx, annotation) } : {}),
  };
}

function depth(path: AnyPath): number {
  let n = 0;
  for (let p: AnyPath | null = path; p; p = p.parent) n++;
  return n;
}

function formatRegistered(ctx: JsContext, registered: Map<AnyNode, ObjectStyle>): void {
  // The filter in the walk: a path is built only for a registered node.
  const paths: AnyPath[] = findNodes(ctx.root, ctx.j.Node, (node: AnyNode) => registered.has(node)).paths();
  paths.sort((a, b) => depth(b) - depth(a));
  for (const path of paths) {
    const node = path.node;
    const placeholder = deferDoc(ctx, objectDocFrom(ctx, node, registered.get(node)!));
    placeholder.comments = node.comments;
    path.replace(placeholder);
  }
}
