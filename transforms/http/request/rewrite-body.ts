import type { JsContext } from "../../shared/context.js";
import { isCall, isFunction, isMember, memberKey, unwrap, type AnyNode, type AnyPath } from "../../shared/ast.js";
import { callSites, constInit, findBinding, functionBinding, getReferences, type Binding } from "../../shared/scope.js";
import { isOpaque, mapRequest, type MapRequestResult, type RequestFollowUp, type RequestObject } from "../../../src/mapping/request.js";
import { getRule } from "../../../src/mapping/rules.js";
import { evaluateObject, evaluateValue, type ConditionalSpread, type EvaluatedBody } from "./evaluate-body.js";
import { printProperty, printValue } from "./print-body.js";
import { formatLater } from "../../shared/print/format-later.js";
import { objectStyle } from "../../shared/print/from-ast.js";

// One Gladia request body (an object literal the file shows) → AssemblyAI params, printed in place.
// Unknown spreads and computed keys stay as written and the body is marked; conditional spreads are
// mapped branch by branch; later `body.key = value` assignments are mapped one by one.

const LANGUAGE_PARAMS = ["language_code", "language_detection"];

export function reportFollowUps(ctx: JsContext, at: AnyPath, followUps: RequestFollowUp[]): void {
  for (const { rule } of followUps) {
    if (getRule(rule).kind === "marker") ctx.mark(at, rule);
    else ctx.note(rule, at);
  }
}

function givesLanguage(params: RequestObject): boolean {
  return LANGUAGE_PARAMS.some((k) => params[k] !== undefined);
}

function mapFragment(body: RequestObject): MapRequestResult {
  const mapped = mapRequest(body, { partial: true });
  return { params: mapped.params, followUps: mapped.followUps.filter((f) => f.rule !== "request-unresolved") };
}

/** The flag and its `_config` travel together (`diarization` + `diarization_config`). */
function relatedBody(body: RequestObject, key: string): RequestObject {
  const flag = key.replace(/_config$/, "");
  const related: RequestObject = { [key]: body[key] };
  for (const k of [flag, `${flag}_config`]) if (body[k] !== undefined) related[k] = body[k];
  return related;
}

/** Comments of the original properties go to the property they became (or the last one). */
function carryComments(evaluated: EvaluatedBody, printed: Map<string, AnyNode>): void {
  for (const [key, original] of evaluated.properties) {
    if (!original.comments?.length || [...printed.values()].includes(original)) continue;
    const produced = Object.keys(mapFragment(relatedBody(evaluated.body, key)).params).find((k) => printed.has(k));
    const target = produced ? printed.get(produced) : [...printed.values()].at(-1);
    if (target) target.comments = [...(target.comments ?? []), ...original.comments];
  }
}

function rewriteBranch(ctx: JsContext, branch: AnyPath, addDetection: boolean, at: AnyPath): void {
  const evaluated = evaluateObject(ctx.j, branch);
  const { params, followUps } = mapFragment(evaluated.body);
  if (addDetection && !givesLanguage(params)) params.language_detection = true;
  reportFollowUps(ctx, at, evaluated.partial ? [...followUps, { rule: "request-unresolved" }] : followUps);
  branch.replace(formatLater(ctx, bodyObject(ctx, evaluated, params), objectStyle(ctx, branch.node)));
}

/** `...(c ? A : B)` / `...(c && A)`: each branch mapped; the language default goes where none is given. */
function rewriteConditional(ctx: JsContext, conditional: ConditionalSpread, addDetection: boolean, at: AnyPath): void {
  const { j } = ctx;
  conditional.branches.forEach((branch) => rewriteBranch(ctx, branch, addDetection, at));
  const arg = unwrap(conditional.path.node.argument);
  if (addDetection && arg.type === "LogicalExpression") {
    const detection = formatLater(ctx, printValue(ctx, { language_detection: true }), objectStyle(ctx, undefined));
    conditional.path.node.argument = j.conditionalExpression(arg.left, arg.right, detection);
  }
}

/** The original key a param came from (the first whose own mapping produces it). */
function sourceKey(evaluated: EvaluatedBody, param: string): string | undefined {
  return Object.keys(evaluated.body).find((key) => param in mapFragment(relatedBody(evaluated.body, key)).params);
}

/** Params in mapping order, with kept spreads/computed keys where they were relative to their neighbours. */
function bodyObject(ctx: JsContext, evaluated: EvaluatedBody, params: RequestObject): AnyNode {
  const printed = new Map<string, AnyNode>();
  for (const [key, value] of Object.entries(params)) {
    const original = evaluated.properties.get(key);
    const unchanged = original?.type === "ObjectProperty" && isOpaque(value) && value.opaque === original.value;
    printed.set(key, unchanged ? original : printProperty(ctx, key, value));
  }
  carryComments(evaluated, printed);
  const pending = [...printed.keys()];
  const ordered: AnyNode[] = [];
  for (const kept of evaluated.kept) {
    const before = pending.filter((param) => kept.keysBefore.includes(sourceKey(evaluated, param) ?? ""));
    before.forEach((param) => ordered.push(printed.get(param)));
    pending.splice(0, pending.length, ...pending.filter((param) => !before.includes(param)));
    ordered.push(kept.node);
  }
  pending.forEach((param) => ordered.push(printed.get(param)));
  return ctx.j.objectExpression(ordered);
}

/** `body.diarization = true` after the literal: mapped one key at a time, or marked. */
function rewriteAssignments(ctx: JsContext, binding: Binding | undefined): void {
  if (!binding) return;
  for (const ref of getReferences(ctx.j, binding)) {
    const member = ref.parent;
    const assignment = member.parent;
    if (!isMember(member.node) || member.node.object !== ref.node || assignment.node.type !== "AssignmentExpression" || assignment.node.left !== member.node) continue;
    const key = memberKey(member.node);
    if (key === undefined) {
      ctx.mark(assignment, "request-unresolved");
      continue;
    }
    const { params, followUps } = mapFragment({ [key]: evaluateValue(ctx.j, assignment.get("right")) });
    const entries = Object.entries(params);
    if (entries.length !== 1) {
      ctx.mark(assignment, "request-unresolved");
      continue;
    }
    const [[newKey, value]] = entries;
    member.node.property = member.node.computed ? ctx.j.stringLiteral(newKey) : ctx.j.identifier(newKey);
    assignment.node.right = printValue(ctx, value);
    reportFollowUps(ctx, assignment, followUps);
  }
}

/** A spread constant no longer used anywhere once inlined: remove its declaration. */
function removeUnusedConstants(ctx: JsContext, constants: AnyPath[]): void {
  for (const id of constants) {
    const binding = findBinding(id, id.node.name);
    if (!binding || getReferences(ctx.j, binding).length > 0) continue;
    const declarator = id.parent;
    const declaration = declarator.parent;
    if (declaration.node.declarations.length === 1) declaration.prune();
    else declarator.prune();
  }
}

export interface BodyTarget {
  object: AnyPath;
  /** The binding that holds it (`const body = {…}`), for later `body.x = …` assignments. */
  binding?: Binding;
}

/** A parameter of a local function: the body is whatever each call site passes. */
function parameterTargets(ctx: JsContext, binding: Binding): (BodyTarget | undefined)[] | undefined {
  const fn = binding.id.parent;
  const index = isFunction(fn.node) ? fn.node.params.indexOf(binding.id.node) : -1;
  const named = index >= 0 ? functionBinding(fn) : undefined;
  if (!named) return undefined;
  const calls = callSites(ctx.j, named).filter((call) => call.node.arguments[index]);
  return calls.length > 0 ? calls.map((call) => bodyTarget(ctx, call.get("arguments", index))) : undefined;
}

/** Every object literal a body expression can be: itself, or one per call site for a parameter. */
export function bodyTargets(ctx: JsContext, path: AnyPath | undefined): (BodyTarget | undefined)[] {
  const node = path?.node && unwrap(path.node);
  const stringified = node && jsonStringifyArgument(path!);
  if (stringified) return bodyTargets(ctx, stringified);
  if (node?.type === "Identifier") {
    const binding = findBinding(path!, node.name);
    const perCall = binding && parameterTargets(ctx, binding);
    if (perCall) return perCall;
  }
  return [bodyTarget(ctx, path)];
}

/** The object literal a request body expression is or names. */
export function bodyTarget(ctx: JsContext, path: AnyPath | undefined): BodyTarget | undefined {
  if (!path?.node) return undefined;
  const node = unwrap(path.node);
  if (node.type === "ObjectExpression") {
    let target = path;
    while (target.node !== node) target = target.get("expression");
    return { object: target };
  }
  if (node.type === "Identifier") {
    const binding = findBinding(path, node.name);
    const init = binding && constInit(ctx.j, binding);
    const inner = init && bodyTarget(ctx, init);
    return inner ? { object: inner.object, binding } : undefined;
  }
  const stringified = jsonStringifyArgument(path);
  return stringified ? bodyTarget(ctx, stringified) : undefined;
}

/** `JSON.stringify(x)` → the path of `x`. */
function jsonStringifyArgument(path: AnyPath): AnyPath | undefined {
  const node = unwrap(path.node);
  if (!isCall(node) || !isMember(node.callee) || memberKey(node.callee) !== "stringify" || node.callee.object.name !== "JSON") return undefined;
  let target = path;
  while (target.node !== node) target = target.get("expression");
  return target.get("arguments", 0);
}

/** Rewrites the body in place; returns the new object literal's path. */
export function rewriteBody(ctx: JsContext, target: BodyTarget, readsUtterances: boolean): AnyPath {
  const { object } = target;
  const evaluated = evaluateObject(ctx.j, object);
  const setsLanguage = (c: ConditionalSpread) => c.branches.some((b) => givesLanguage(mapFragment(evaluateObject(ctx.j, b).body).params));
  const branchLanguage = evaluated.conditionals.some(setsLanguage);
  const mapped = mapRequest(evaluated.body, { readsUtterances, partial: evaluated.partial || branchLanguage });
  const followUps = evaluated.partial ? mapped.followUps : mapped.followUps.filter((f) => f.rule !== "request-unresolved");
  const addDetection = branchLanguage && !evaluated.partial && !givesLanguage(mapped.params);
  evaluated.conditionals.forEach((c) => rewriteConditional(ctx, c, addDetection && setsLanguage(c), object));
  const printed = formatLater(ctx, bodyObject(ctx, evaluated, mapped.params), objectStyle(ctx, object.node));
  printed.comments = object.node.comments;
  reportFollowUps(ctx, object, followUps);
  const [replaced] = object.replace(printed);
  rewriteAssignments(ctx, target.binding);
  removeUnusedConstants(ctx, evaluated.inlinedConstants);
  return replaced;
}
