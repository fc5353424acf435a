import type { JsContext } from "./context.js";
import {
  isCall,
  isFunction,
  isMember,
  isNumericLiteral,
  isWriteTarget,
  memberKey,
  parentMember,
  propertyKey,
  type AnyNode,
  type AnyPath,
} from "./ast.js";
import { followValue, type ValueFlow } from "./flow.js";
import { bindingOf, getReferences } from "./scope.js";
import { ITEM_FIELDS, type ItemFieldRule, type ItemKind } from "../../src/mapping/result.js";
import type { RuleId } from "../../src/mapping/rules.js";

// Per-item reads of a migrated array (utterances, words, chapters, entities, sentiments):
// `u.start` → `u.start / 1000` (Gladia seconds, AssemblyAI milliseconds), `w.word` → `w.text`,
// and markers where a speaker/channel is used as a number or an item escapes the file's view.

/** Array methods whose callback receives items, and which parameters are items. */
const CALLBACK_ITEM_PARAMS: Record<string, number[]> = {
  map: [0], forEach: [0], flatMap: [0], filter: [0], find: [0], findLast: [0], findIndex: [0], findLastIndex: [0],
  some: [0], every: [0], sort: [0, 1], toSorted: [0, 1], reduce: [1], reduceRight: [1],
};
const RETURNS_ITEMS = new Set(["filter", "slice", "sort", "reverse", "toSorted", "toReversed"]);
/** A callback returning an item makes the call an array of items (`map`) or an item (`reduce`). */
const ITEM_RETURN_GIVES_ARRAY = new Set(["map", "flatMap"]);
const ITEM_RETURN_GIVES_ITEM = new Set(["reduce", "reduceRight"]);
const RETURNS_ITEM = new Set(["find", "findLast", "at", "pop", "shift"]);
const NUMERIC_OPERATORS = new Set(["-", "*", "/", "%", "**", "<", ">", "<=", ">=", "|", "&", "^", "<<", ">>", ">>>"]);
const EQUALITY = new Set(["===", "!==", "==", "!="]);
const NUMERIC_CALLS = new Set(["Number", "parseInt", "parseFloat"]);

const DONE_KEY = "result-reads:done";

/** Nodes already rewritten, so a read reached by two flows is converted once. */
export function doneNodes(ctx: JsContext): WeakSet<object> {
  let done = ctx.shared.get(DONE_KEY) as WeakSet<object> | undefined;
  if (!done) ctx.shared.set(DONE_KEY, (done = new WeakSet()));
  return done;
}

function hasSeconds(kind: ItemKind): boolean {
  return Object.values(ITEM_FIELDS[kind]).some((rule) => rule.seconds);
}

/** `groups[speaker]` on an object literal or a Map is fine with letters; an array needs numbers. */
function isKeyedObject(object: AnyPath): boolean {
  const node = object.node;
  if (node.type !== "Identifier") return false;
  const binding = bindingOf(object);
  const init = binding?.id.parent.node.type === "VariableDeclarator" ? binding.id.parent.node.init : undefined;
  return init?.type === "ObjectExpression" || (init?.type === "NewExpression" && init.callee.name === "Map");
}

/** Is this expression used as a number (arithmetic, numeric comparison, indexing)? */
export function isNumericUse(path: AnyPath): boolean {
  const parent = path.parent;
  const pn: AnyNode = parent?.node;
  if (!pn) return false;
  if (pn.type === "BinaryExpression") {
    const other = pn.left === path.node ? pn.right : pn.left;
    if (NUMERIC_OPERATORS.has(pn.operator)) return true;
    return (pn.operator === "+" || EQUALITY.has(pn.operator)) && isNumericLiteral(other);
  }
  if (isMember(pn) && pn.computed && pn.property === path.node) return !isKeyedObject(path.parent.get("object"));
  if (pn.type === "UnaryExpression" && ["-", "+", "~"].includes(pn.operator)) return true;
  if (pn.type === "UpdateExpression") return true;
  if (isCall(pn) && pn.callee.type === "Identifier" && NUMERIC_CALLS.has(pn.callee.name)) return true;
  if (isCall(pn) && isMember(pn.callee) && pn.callee.object.type === "Identifier" && pn.callee.object.name === "Math") return true;
  if (pn.type === "SwitchStatement" && pn.discriminant === path.node) return pn.cases.some((c: AnyNode) => isNumericLiteral(c.test));
  return false;
}

function divideBy1000(ctx: JsContext, read: AnyPath): void {
  const { j } = ctx;
  const parent = read.parent.node;
  const divided = j.binaryExpression("/", read.node, j.numericLiteral(1000));
  // `{ start }` in an object literal: keep the key, convert the value.
  if (parent.type === "ObjectProperty" && parent.shorthand && parent.value === read.node) {
    parent.shorthand = false;
    parent.value = divided;
    return;
  }
  read.replace(divided);
}

function convertSeconds(ctx: JsContext, read: AnyPath): void {
  if (isWriteTarget(read)) return ctx.mark(read, "units-ms");
  divideBy1000(ctx, read);
}

/** Speaker reads: fine as strings, marked where used as numbers. Other rules: always marked. */
function checkRuleUse(ctx: JsContext, starts: AnyPath[], rule: RuleId): void {
  // A channel is "1", "2"… where Gladia had 0, 1…: even printed it differs, so every read is marked.
  if (rule !== "speaker-letter") return ctx.mark(starts[0], rule);
  const numeric = followValue(ctx.j, starts).exprs.filter(isNumericUse);
  numeric.forEach((use) => ctx.mark(use, rule));
  if (numeric.length === 0 && rule === "speaker-letter") ctx.note("speaker-label-note", starts[0]);
}

function renameKey(ctx: JsContext, owner: AnyNode, keyField: "property" | "key", to: string): void {
  owner[keyField] = owner.computed ? ctx.j.stringLiteral(to) : ctx.j.identifier(to);
}

function rewriteItemField(ctx: JsContext, read: AnyPath, kind: ItemKind): boolean {
  const done = doneNodes(ctx);
  if (done.has(read.node)) return false;
  done.add(read.node);
  const rule: ItemFieldRule | undefined = ITEM_FIELDS[kind][memberKey(read.node) ?? ""];
  if (!rule) return false;
  if (rule.to) renameKey(ctx, read.node, "property", rule.to);
  if (rule.items) trackItems(ctx, [read], rule.items);
  if (rule.rule) checkRuleUse(ctx, [read], rule.rule);
  if (rule.seconds) convertSeconds(ctx, read);
  return Boolean(rule.to || rule.seconds);
}

/** `const { start, words: [first] } = u` and `({ word }) => …`. */
function rewriteItemPattern(ctx: JsContext, pattern: AnyPath, kind: ItemKind): boolean {
  if (pattern.node.type === "ArrayPattern") return false;
  let changed = false;
  pattern.node.properties.forEach((prop: AnyNode, i: number) => {
    const rule: ItemFieldRule | undefined = ITEM_FIELDS[kind][propertyKey(prop) ?? ""];
    if (!rule || prop.type === "RestElement") return;
    const propPath = pattern.get("properties", i);
    let value = propPath.get("value");
    if (value.node.type === "AssignmentPattern") value = value.get("left");
    if (rule.to) {
      renameKey(ctx, prop, "key", rule.to);
      prop.shorthand = false;
      changed = true;
    }
    if (rule.items) trackItems(ctx, [value], rule.items);
    if (rule.rule) checkRuleUse(ctx, [value], rule.rule);
    if (rule.seconds) changed = convertBinding(ctx, value) || changed;
  });
  return changed;
}

/** Every read of a destructured seconds binding is converted where it is read. */
function convertBinding(ctx: JsContext, id: AnyPath): boolean {
  const binding = id.node.type === "Identifier" ? bindingOf(id) : undefined;
  if (!binding) {
    ctx.mark(id, "units-ms");
    return false;
  }
  const refs = getReferences(ctx.j, binding);
  refs.forEach((ref) => convertSeconds(ctx, ref));
  return refs.length > 0;
}

function markEscapes(ctx: JsContext, sinks: AnyPath[], kind: ItemKind): void {
  if (hasSeconds(kind)) sinks.forEach((sink) => ctx.mark(sink, "units-ms"));
}

/** An item returned from a callback: `xs.map((x) => item)` is an array of items, `reduce` an item. */
function followItemReturns(ctx: JsContext, flow: ValueFlow, kind: ItemKind): boolean {
  let changed = false;
  for (const { method, call, from } of flow.callbackReturns) {
    if (ITEM_RETURN_GIVES_ARRAY.has(method)) changed = trackItems(ctx, [call], kind) || changed;
    else if (ITEM_RETURN_GIVES_ITEM.has(method)) changed = trackItem(ctx, [call], kind) || changed;
    else markEscapes(ctx, [from], kind);
  }
  return changed;
}

/** An array of items returned from a callback: `flatMap` flattens it into an array of items. */
function followArrayReturns(ctx: JsContext, flow: ValueFlow, kind: ItemKind): boolean {
  let changed = false;
  for (const { method, call, from } of flow.callbackReturns) {
    if (method === "flatMap") changed = trackItems(ctx, [call], kind) || changed;
    else markEscapes(ctx, [from], kind);
  }
  return changed;
}

/** A value known to be one item of `kind`. */
export function trackItem(ctx: JsContext, starts: AnyPath[], kind: ItemKind): boolean {
  const flow = followValue(ctx.j, starts);
  let changed = false;
  for (const expr of flow.exprs) {
    const read = parentMember(expr);
    if (read && memberKey(read.node) !== undefined) changed = rewriteItemField(ctx, read, kind) || changed;
  }
  for (const pattern of flow.patterns) changed = rewriteItemPattern(ctx, pattern, kind) || changed;
  markEscapes(ctx, flow.sinks, kind);
  return followItemReturns(ctx, flow, kind) || changed;
}

function callbackParams(call: AnyPath, indexes: number[]): AnyPath[] {
  const callback = call.node.arguments[0];
  if (!callback || !isFunction(callback)) return [];
  return indexes.filter((i) => callback.params[i]).map((i) => call.get("arguments", 0, "params", i));
}

/** Item values reached from one use of the array. */
function itemsFromArrayUse(expr: AnyPath): { items: AnyPath[]; arrays: AnyPath[] } {
  const read = parentMember(expr);
  const parent = expr.parent;
  if (read) {
    const key = memberKey(read.node);
    if (key === undefined) return { items: read.node.computed ? [read] : [], arrays: [] };
    const call = read.parent;
    if (!isCall(call?.node) || call.node.callee !== read.node) return { items: [], arrays: [] };
    const noInitial = (key === "reduce" || key === "reduceRight") && call.node.arguments.length === 1;
    const params = noInitial ? [0, 1] : (CALLBACK_ITEM_PARAMS[key] ?? []);
    const items = [...callbackParams(call, params), ...(RETURNS_ITEM.has(key) ? [call] : [])];
    return { items, arrays: RETURNS_ITEMS.has(key) ? [call] : [] };
  }
  if (parent.node.type === "ForOfStatement" && parent.node.right === expr.node) {
    const left = parent.get("left");
    return { items: [left.node.type === "VariableDeclaration" ? left.get("declarations", 0, "id") : left], arrays: [] };
  }
  return { items: [], arrays: [] };
}

/** A value known to be an array of `kind` items. */
export function trackItems(ctx: JsContext, starts: AnyPath[], kind: ItemKind): boolean {
  const flow = followValue(ctx.j, starts);
  let changed = false;
  for (const expr of flow.exprs) {
    const { items, arrays } = itemsFromArrayUse(expr);
    if (items.length > 0) changed = trackItem(ctx, items, kind) || changed;
    if (arrays.length > 0) changed = trackItems(ctx, arrays, kind) || changed;
  }
  for (const pattern of flow.patterns) {
    if (pattern.node.type !== "ArrayPattern") continue;
    const elements = pattern.node.elements.map((_e: AnyNode, i: number) => pattern.get("elements", i)).filter((p: AnyPath) => p.node);
    const rest = elements.filter((p: AnyPath) => p.node.type === "RestElement").map((p: AnyPath) => p.get("argument"));
    changed = trackItem(ctx, elements.filter((p: AnyPath) => p.node.type !== "RestElement"), kind) || changed;
    if (rest.length > 0) changed = trackItems(ctx, rest, kind) || changed;
  }
  markEscapes(ctx, flow.sinks, kind);
  return followArrayReturns(ctx, flow, kind) || changed;
}
