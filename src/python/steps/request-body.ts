import { mapRequest, isOpaque, type MapRequestOptions, type RequestObject, type RequestValue } from "../../mapping/request.js";
import { getRule } from "../../mapping/rules.js";
import type { PyContext } from "../context.js";
import type { HttpCall } from "../facts.js";
import type { PyNode } from "../parse.js";
import { evalBody, evalValue, printValue, type BodyPair, type EvaluatedBody, type PyOpaque } from "../body.js";
import { callArgs, dottedName, enclosingFunction, enclosingStatement, end, indentAt, quoteOf, start, stringValue, unwrap } from "../nodes.js";
import { argumentFor, callSitesOf, isModuleFunction, parametersOf, type Parameter } from "../calls.js";
import { removeStatement } from "./upload.js";
import type { PyStep } from "./step.js";
import { describePyStep } from "../../languages/python-info.js";

// Mapping §2: the body of every Gladia create call (`json=`, `data=json.dumps(…)`, a helper's
// `data=`; a dict literal itself, a name's assignments, or what the callers of a local function pass
// for the parameter it posts) goes through `mapRequest`, and is printed back as a Python dict in the file's style,
// keeping each pair's comments and the source text of untouched values.

interface BodySite {
  dict: PyNode;
  evaluated: EvaluatedBody;
  /** `body.update({...})` / `body["k"] = v` statements merged into the literal (they go). */
  mutations: PyNode[];
}

/** The node that holds the request body of a create call. */
function bodyArgument(http: HttpCall): PyNode | undefined {
  const { keywords } = callArgs(http.call);
  const json = keywords.get("json");
  if (json) return json;
  const data = keywords.get("data");
  if (!data) return undefined;
  const inner = unwrap(data);
  if (inner.kind() === "call" && dottedName(inner.field("function")) === "json.dumps") return callArgs(inner).positional[0];
  return http.wrapper ? data : undefined;
}

/** `name.update({...})`, `name.update(k=v)` or `name["k"] = v` as a statement. */
function mutationOf(statement: PyNode, name: string): { pairs: { key: string; value: PyNode }[] } | "other" | undefined {
  const expr = statement.kind() === "expression_statement" ? statement.namedChildren()[0] : undefined;
  if (!expr) return undefined;
  if (expr.kind() === "assignment") {
    const left = expr.field("left");
    if (left?.kind() === "subscript" && left.field("value")?.text() === name) {
      const key = stringValue(left.field("subscript"));
      return key === undefined ? "other" : { pairs: [{ key, value: expr.field("right")! }] };
    }
    return undefined;
  }
  if (expr.kind() === "call" && expr.field("function")?.text() === `${name}.update`) {
    const { positional, keywordNodes } = callArgs(expr);
    const pairs = keywordNodes.map((kw) => ({ key: kw.field("name")!.text(), value: kw.field("value")! }));
    for (const arg of positional) {
      const dict = unwrap(arg);
      if (dict.kind() !== "dictionary") return "other";
      for (const pair of dict.namedChildren()) {
        if (pair.kind() === "comment") continue;
        const key = pair.kind() === "pair" ? stringValue(pair.field("key")) : undefined;
        if (key === undefined) return "other";
        pairs.push({ key, value: pair.field("value")! });
      }
    }
    return { pairs };
  }
  return undefined;
}

/** Mutations of `name` right after its definition, in the same block. Others make the body partial. */
function collectMutations(ctx: PyContext, name: string, assignment: PyNode, evaluated: EvaluatedBody): PyNode[] {
  const statement = enclosingStatement(assignment);
  const merged: PyNode[] = [];
  if (!statement) return merged;
  for (const sibling of statement.nextAll()) {
    const mutation = mutationOf(sibling, name);
    if (!mutation) {
      if (sibling.kind() === "comment") continue;
      break;
    }
    if (mutation === "other") {
      evaluated.partial = true;
      break;
    }
    for (const { key, value } of mutation.pairs) evaluated.body[key] = evalValue(value, evaluated.sources);
    merged.push(sibling);
  }
  const scope = assignment.ancestors().find((a) => a.kind() === "function_definition") ?? ctx.root;
  const elsewhere = scope
    .findAll({ rule: { kind: "expression_statement" } })
    .some((s) => !merged.some((m) => m.id() === s.id()) && mutationOf(s, name) !== undefined);
  if (elsewhere) evaluated.partial = true;
  return merged;
}

function bodySites(ctx: PyContext, http: HttpCall): BodySite[] | "unresolved" | undefined {
  const argument = bodyArgument(http);
  return argument ? sitesOf(ctx, argument, new Set()) : undefined;
}

/** The dict literals a body expression can hold: itself, the assignments of its name, what every caller passes for it. */
function sitesOf(ctx: PyContext, node: PyNode, seen: Set<number>): BodySite[] | "unresolved" {
  const inner = unwrap(node);
  const direct = evalBody(inner);
  if (direct) return [{ dict: inner, evaluated: direct, mutations: [] }];
  if (inner.kind() !== "identifier") return "unresolved";
  const parameter = parameterRead(inner);
  const bindings = ctx.facts.bindingsOf(inner.text(), inner);
  const sites: BodySite[] = [];
  for (const binding of parameter ? bindings.filter((b) => enclosingFunction(b)?.id() === parameter.def.id()) : bindings) {
    const right = binding.kind() === "assignment" ? binding.field("right") : undefined;
    const evaluated = right ? evalBody(right) : undefined;
    if (!right || !evaluated) return "unresolved";
    sites.push({ dict: unwrap(right), evaluated, mutations: collectMutations(ctx, inner.text(), binding, evaluated) });
  }
  if (parameter) {
    const passed = sitesFromCallers(ctx, parameter, seen);
    if (passed === "unresolved") return passed;
    sites.push(...passed);
  }
  return sites.length ? sites : "unresolved";
}

/** `name` read inside a module-level function that takes it as a parameter. */
function parameterRead(name: PyNode): { def: PyNode; parameter: Parameter } | undefined {
  const def = enclosingFunction(name);
  const parameter = def && isModuleFunction(def) ? parametersOf(def).find((p) => p.name === name.text()) : undefined;
  return def && parameter ? { def, parameter } : undefined;
}

/** What every call in the file passes for the parameter; unresolved when a caller may be unseen (or passes something else). */
function sitesFromCallers(ctx: PyContext, { def, parameter }: { def: PyNode; parameter: Parameter }, seen: Set<number>): BodySite[] | "unresolved" {
  const calls = callSitesOf(ctx.root, def);
  if (!calls?.length || seen.has(def.id())) return "unresolved";
  const inside = new Set(seen).add(def.id());
  // The function changing the dict it gets (`body["k"] = v`) leaves the body only partly known.
  const mutated = def.findAll({ rule: { kind: "expression_statement" } }).some((s) => mutationOf(s, parameter.name) !== undefined);
  const sites: BodySite[] = [];
  for (const call of calls) {
    const argument = argumentFor(call, parameter);
    const found = argument ? sitesOf(ctx, argument, inside) : "unresolved";
    if (found === "unresolved") return found;
    for (const site of found) site.evaluated.partial ||= mutated;
    sites.push(...found);
  }
  return sites;
}

function sameValue(a: RequestValue | undefined, b: RequestValue | undefined): boolean {
  if (a === b) return true;
  if (isOpaque(a) && isOpaque(b)) return (a as PyOpaque).opaque.id() === (b as PyOpaque).opaque.id();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b) && !isOpaque(a) && !isOpaque(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => sameValue((a as RequestObject)[k], (b as RequestObject)[k]));
  }
  return false;
}

function unchanged(body: RequestObject, params: RequestObject): boolean {
  const keys = Object.keys(body);
  return keys.length === Object.keys(params).length && keys.every((k, i) => Object.keys(params)[i] === k && sameValue(body[k], params[k]));
}

/** Which output keys each original pair produced: map the body without that pair and compare. */
function attribute(body: RequestObject, pairs: BodyPair[], params: RequestObject, options: MapRequestOptions): Map<string, BodyPair> {
  const owner = new Map<string, BodyPair>();
  const own = mapRequest(body, { ...options, readsUtterances: false }).params;
  for (const pair of pairs) {
    const rest = { ...body };
    delete rest[pair.key];
    // Without `readsUtterances`: a `speaker_labels` the mapping adds would hide the pair that set it.
    const without = mapRequest(rest, { ...options, readsUtterances: false }).params;
    for (const key of Object.keys(params)) {
      if (!owner.has(key) && key in own && (!(key in without) || !sameValue(params[key], without[key]))) owner.set(key, pair);
    }
  }
  return owner;
}

interface Comments {
  leading: PyNode[];
  trailing?: PyNode;
}

function commentsOf(dict: PyNode, pairs: BodyPair[]): { byPair: Map<number, Comments>; closing: PyNode[] } {
  const byPair = new Map<number, Comments>();
  const closing: PyNode[] = [];
  const children = dict.namedChildren();
  for (const comment of children.filter((c) => c.kind() === "comment")) {
    const line = comment.range().start.line;
    const sameLine = pairs.find((p) => p.node.range().end.line === line && end(p.node) <= start(comment));
    if (sameLine) {
      byPair.set(sameLine.node.id(), { ...(byPair.get(sameLine.node.id()) ?? { leading: [] }), trailing: comment });
      continue;
    }
    const next = pairs.find((p) => start(p.node) > start(comment));
    if (!next) closing.push(comment);
    else byPair.set(next.node.id(), { leading: [...(byPair.get(next.node.id())?.leading ?? []), comment], trailing: byPair.get(next.node.id())?.trailing });
  }
  return { byPair, closing };
}

interface Entry {
  text: string;
  leading: PyNode[];
  trailing?: PyNode;
  /** The original pair whose comment column to keep. */
  from?: BodyPair;
}

function printBody(ctx: PyContext, site: BodySite, params: RequestObject, options: MapRequestOptions): string {
  const { dict, evaluated } = site;
  const keyQuote = evaluated.pairs.find((p) => p.node.kind() === "pair") ? quoteOf(evaluated.pairs.find((p) => p.node.kind() === "pair")!.node.field("key")!) : ctx.quote;
  const style = { quote: keyQuote, sources: evaluated.sources, textOf: (n: PyNode) => ctx.textOf(n) };
  const isCall = dict.kind() === "call";
  const printEntry = (key: string, value: RequestValue, pair?: BodyPair): string => {
    if (pair && pair.key === key && sameValue(evaluated.body[key], value) && start(pair.node) >= start(dict) && end(pair.node) <= end(dict)) return ctx.textOf(pair.node);
    return isCall ? `${key}=${printValue(value, style, key)}` : `${keyQuote}${key}${keyQuote}: ${printValue(value, style, key)}`;
  };
  const owner = attribute(evaluated.body, evaluated.pairs, params, options);
  const { byPair, closing } = commentsOf(dict, evaluated.pairs);
  const entries: Entry[] = [];
  for (const pair of evaluated.pairs) {
    const keys = Object.keys(params).filter((k) => owner.get(k) === pair);
    const comments = byPair.get(pair.node.id()) ?? { leading: [] };
    if (!keys.length) continue;
    keys.forEach((key, i) => {
      entries.push({ text: printEntry(key, params[key], pair), leading: i === 0 ? comments.leading : [], ...(i === keys.length - 1 && comments.trailing ? { trailing: comments.trailing, from: pair } : {}) });
    });
  }
  for (const key of Object.keys(params).filter((k) => !owner.has(k))) entries.push({ text: printEntry(key, params[key]), leading: [] });
  return layout(ctx, dict, entries, closing);
}

function layout(ctx: PyContext, dict: PyNode, entries: Entry[], closing: PyNode[]): string {
  const isCall = dict.kind() === "call";
  const open = isCall ? `${dict.field("function")!.text()}(` : "{";
  const close = isCall ? ")" : "}";
  const container = isCall ? dict.field("arguments")! : dict;
  const items = container.namedChildren().filter((c) => c.kind() !== "comment");
  const multiline = dict.range().start.line !== dict.range().end.line && items.length > 0 && items[0].range().start.line !== dict.range().start.line;
  if (!multiline) {
    const inner = ctx.source.slice(start(container) + 1, end(container) - 1);
    const pad = inner.startsWith(" ") ? " " : "";
    return `${open}${pad}${entries.map((e) => e.text).join(", ")}${pad}${close}`;
  }
  const indent = indentAt(ctx.source, start(items[0]));
  const lastItem = items[items.length - 1];
  const afterLast = ctx.source.slice(end(lastItem), end(container) - 1);
  const trailingComma = afterLast.trimStart().startsWith(",");
  const closeOnOwnLine = /\n[ \t]*$/.test(ctx.source.slice(0, end(container) - 1));
  const lines: string[] = [];
  entries.forEach((entry, i) => {
    for (const comment of entry.leading) lines.push(`${indent}${comment.text()}`);
    const comma = i < entries.length - 1 || trailingComma ? "," : "";
    let line = `${indent}${entry.text}${comma}`;
    if (entry.trailing) {
      const column = entry.trailing.range().start.column;
      const originalGap = ctx.source.slice(lineStartOf(ctx.source, start(entry.trailing)), start(entry.trailing)).match(/\s*$/)![0].length;
      // Keep an aligned comment column when the entry still fits before it, else the original gap (PEP 8: two spaces).
      const gap = originalGap > 2 && column - line.length >= 2 ? column - line.length : Math.max(1, Math.min(originalGap, 2));
      line += " ".repeat(gap) + entry.trailing.text();
    }
    lines.push(line);
  });
  for (const comment of closing) lines.push(`${indent}${comment.text()}`);
  const closingIndent = closeOnOwnLine ? `\n${indentAt(ctx.source, end(container) - 1)}` : "";
  return `${open}\n${lines.join("\n")}${closingIndent}${close}`;
}

function lineStartOf(source: string, offset: number): number {
  return source.lastIndexOf("\n", offset - 1) + 1;
}

function reportFollowUps(ctx: PyContext, site: BodySite, call: PyNode, followUps: { rule: Parameters<PyContext["note"]>[0]; field?: string }[]): void {
  for (const followUp of followUps) {
    const pair = site.evaluated.pairs.find((p) => p.key === followUp.field);
    if (getRule(followUp.rule).kind === "marker") ctx.mark(pair?.node ?? call, followUp.rule);
    else ctx.note(followUp.rule, pair?.node ?? call);
  }
}

export function migrateBodySite(ctx: PyContext, site: BodySite, call: PyNode, options: MapRequestOptions): boolean {
  const opts = { ...options, partial: options.partial || site.evaluated.partial };
  const { params, followUps } = mapRequest(site.evaluated.body, opts);
  if (unchanged(site.evaluated.body, params) && !site.mutations.length) {
    reportFollowUps(ctx, site, call, followUps);
    return false;
  }
  if (!ctx.replace(site.dict, printBody(ctx, site, params, opts))) {
    ctx.mark(call, "request-unresolved");
    return false;
  }
  for (const mutation of site.mutations) removeStatement(ctx, mutation);
  reportFollowUps(ctx, site, call, followUps);
  return true;
}

export const requestBodyStep: PyStep = {
  name: "py-request-body",
  description: describePyStep("py-request-body"),
  run(ctx) {
    const readsUtterances = ctx.facts.readsUtterances();
    const done = new Set<number>();
    let changed = false;
    for (const http of ctx.facts.httpCalls.values()) {
      if (http.endpoint !== "create" || http.method !== "POST") continue;
      const sites = bodySites(ctx, http);
      if (sites === "unresolved") {
        ctx.mark(http.call, "request-unresolved");
        continue;
      }
      for (const site of sites ?? []) {
        if (done.has(site.dict.id())) continue;
        done.add(site.dict.id());
        changed = migrateBodySite(ctx, site, http.call, { readsUtterances }) || changed;
      }
    }
    return changed;
  },
};
