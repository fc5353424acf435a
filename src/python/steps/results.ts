import { ADDON_ENVELOPE_KEYS, ITEM_FIELDS, RESULT_PATHS, type ItemKind, type ResultPathRule } from "../../mapping/result.js";
import { ASSEMBLYAI_BASE, ASSEMBLYAI_JOB_PREFIX, STATUS_MAP, UPLOAD_FIELD_MAP } from "../../mapping/transport.js";
import type { RuleId } from "../../mapping/rules.js";
import type { PyContext } from "../context.js";
import { extractChain, isOutermost, type Accessor, type Chain } from "../chains.js";
import type { Fact, Key } from "../facts.js";
import type { PyNode } from "../parse.js";
import { end, quoteOf, start, stringContents, stringValue, unwrap } from "../nodes.js";
import { endpointOf } from "../url.js";
import type { PyStep } from "./step.js";
import { describePyStep } from "../../languages/python-info.js";

// Mapping §3: reads of a Gladia job (`job["result"]["transcription"]["full_transcript"]`,
// `.get(…)` chains, attribute reads of SDK results, aliases of intermediate dicts, loop items)
// become reads of the AssemblyAI transcript; `"done"` → `"completed"`; `error_code` → `error`;
// times in seconds are kept by dividing AssemblyAI's milliseconds by 1000.

type JsonFact = Extract<Fact, { kind: "json" }>;

interface Plan {
  /** Replacements inside the chain's accessor text, as absolute source ranges. */
  edits: { start: number; end: number; text: string }[];
  divide?: boolean;
  replaceWhole?: string;
}

const STRING_CONTEXT_CALLS = new Set(["print", "str", "format", "repr", "f", "info", "debug", "warning", "error", "write", "append", "join"]);

function printAccessor(template: Accessor, key: Key, quote: string, withDefault: boolean): string {
  if (template.style === "attr") return `.${key}`;
  const literal = typeof key === "number" ? String(key) : `${quote}${key}${quote}`;
  if (template.style === "subscript") return `[${literal}]`;
  return `.get(${literal}${withDefault && template.defaultNode ? `, ${template.defaultNode.text()}` : ""})`;
}

function keyQuote(ctx: PyContext, accessor: Accessor): string {
  return accessor.keyNode.kind() === "string" ? quoteOf(accessor.keyNode) : ctx.quote;
}

/** Replace accessors [from, to) with reads of `keys` (style and default of the last one replaced). */
function replaceRun(ctx: PyContext, chain: Chain, from: number, to: number, keys: Key[], plan: Plan): void {
  const accessors = chain.accessors;
  const last = accessors[to - 1];
  if (to - from === 1 && keys.length === 1 && typeof keys[0] === "string") {
    const keyNode = last.keyNode;
    const content = keyNode.kind() === "string" ? stringContents(keyNode)[0] : keyNode;
    if (content) plan.edits.push({ start: start(content), end: end(content), text: keys[0] });
    return;
  }
  const quote = keyQuote(ctx, last);
  const text = keys.map((k, i) => printAccessor(last, k, quote, i === keys.length - 1 || !!last.defaultNode)).join("");
  plan.edits.push({ start: accessors[from].from, end: end(last.node), text });
}

/** Where the chain's value goes: a name (alias) or a loop. */
function isBound(node: PyNode): boolean {
  const parent = node.parent();
  const kind = parent?.kind();
  if (kind === "assignment") return parent!.field("right")?.id() === node.id();
  if (kind === "for_statement" || kind === "for_in_clause") return parent!.field("right")?.id() === node.id();
  return false;
}

function inStringContext(node: PyNode): boolean {
  for (const ancestor of node.ancestors()) {
    const kind = ancestor.kind();
    if (kind === "interpolation") return true;
    if (kind === "call") {
      const fn = ancestor.field("function");
      const name = fn?.kind() === "attribute" ? fn.field("attribute")?.text() : fn?.text();
      return !!name && STRING_CONTEXT_CALLS.has(name);
    }
    if (kind === "binary_operator" && ancestor.field("operator")?.text() === "%" && ancestor.field("left")?.kind() === "string") return true;
    if (kind === "expression_statement" || kind === "block") return false;
  }
  return false;
}

function strictPrefixOfRule(path: Key[]): boolean {
  return RESULT_PATHS.some((rule) => rule.gladia.length > path.length && path.every((k, i) => rule.gladia[i] === k));
}

function matchRule(path: Key[]): ResultPathRule | undefined {
  return RESULT_PATHS.find((rule) => rule.gladia.length <= path.length && rule.gladia.every((k, i) => path[i] === k));
}

/** A module-level name holding the Gladia base URL (now AssemblyAI's), e.g. `BASE_URL`, and its path prefix. */
function baseName(ctx: PyContext): { name: string; prefix: string } | undefined {
  for (const statement of ctx.root.namedChildren()) {
    const assignment = statement.kind() === "expression_statement" ? statement.namedChildren()[0] : undefined;
    const left = assignment?.kind() === "assignment" ? assignment.field("left") : undefined;
    if (left?.kind() !== "identifier") continue;
    const fact = ctx.facts.factOf(left);
    if (fact?.kind !== "url" || endpointOf(fact.value.text) !== "base") continue;
    const path = new URL(fact.value.text.replace(/\{\}/g, "")).pathname.replace(/\/$/, "");
    const prefix = ASSEMBLYAI_JOB_PREFIX.startsWith(path) ? ASSEMBLYAI_JOB_PREFIX.slice(path.length) : ASSEMBLYAI_JOB_PREFIX;
    return { name: left.text(), prefix: fact.value.text.endsWith("/") ? prefix.replace(/^\//, "") : prefix };
  }
  return undefined;
}

/** Gladia's `result_url` → the AssemblyAI transcript URL, built on the file's base URL name when there is one. */
function transcriptUrl(ctx: PyContext, baseText: string, attr: boolean): string {
  const q = ctx.quote === '"' ? "'" : '"';
  const idRead = attr ? `${baseText}.id` : `${baseText}[${q}id${q}]`;
  const outer = ctx.quote;
  const base = baseName(ctx);
  const prefix = base ? `{${base.name}}${base.prefix}` : `${ASSEMBLYAI_BASE}${ASSEMBLYAI_JOB_PREFIX}`;
  return `f${outer}${prefix}{${idRead}}${outer}`;
}

class ChainRewriter {
  constructor(private ctx: PyContext) {}

  run(chain: Chain, fact: JsonFact): Plan | undefined {
    const plan: Plan = { edits: [] };
    let current: JsonFact = fact;
    let i = 0;
    const accessors = chain.accessors;
    while (i < accessors.length) {
      if (accessors[i].style === "attr" && !current.attr) break;
      if (accessors[i].style !== "attr" && typeof accessors[i].key === "string" && current.attr) break;
      if (current.root === "job") {
        const outcome = this.jobStep(chain, current, i, plan);
        if (!outcome) break;
        [current, i] = outcome;
      } else if (current.root.startsWith("item:")) {
        const outcome = this.itemStep(chain, current, i, plan);
        if (!outcome) break;
        [current, i] = outcome;
      } else {
        this.responseStep(chain, current, i, plan);
        break;
      }
    }
    return plan.edits.length || plan.divide || plan.replaceWhole !== undefined ? plan : undefined;
  }

  private advance(fact: JsonFact, keys: Key[]): JsonFact {
    let next = fact;
    for (const key of keys) next = this.ctx.facts.advance(next, key) as JsonFact;
    return next;
  }

  private jobStep(chain: Chain, fact: JsonFact, i: number, plan: Plan): [JsonFact, number] | undefined {
    const accessors = chain.accessors;
    if (typeof accessors[i].key === "number") return [this.advance(fact, [accessors[i].key]), i + 1];
    let j = i;
    while (j < accessors.length && typeof accessors[j].key === "string") j++;
    const keys = accessors.slice(i, j).map((a) => a.key);
    const full = [...fact.path, ...keys];
    const rule = matchRule(full);
    if (!rule) {
      if (strictPrefixOfRule(full)) {
        if (isBound(chain.node) && j === accessors.length) plan.edits.push({ start: accessors[i].from, end: end(chain.node), text: "" });
        else this.ctx.mark(chain.node, "result-unresolved");
      } else if (full[0] === "result") {
        this.ctx.mark(chain.node, full.length >= 3 && ADDON_ENVELOPE_KEYS.includes(String(full[2])) ? "addon-envelope" : "result-unresolved");
      }
      return undefined;
    }
    const consumed = rule.gladia.length - fact.path.length;
    if (consumed <= 0) return [this.advance(fact, [accessors[i].key]), i + 1];
    if (rule.assemblyai === null) {
      this.ctx.mark(chain.node, rule.rule ?? "result-unresolved");
      return undefined;
    }
    if (rule.rule) this.ctx.mark(chain.node, rule.rule);
    const sameKeys = rule.assemblyai.length === consumed && rule.assemblyai.every((k, n) => accessors[i + n].key === k);
    if (rule.wrapInArray) {
      const next = accessors[i + consumed];
      if (next && next.key === 0 && i + consumed === accessors.length - 1) {
        replaceRun(this.ctx, chain, i, i + consumed + 1, rule.assemblyai, plan);
        return undefined;
      }
      if (i + consumed !== accessors.length) {
        this.ctx.mark(chain.node, "result-unresolved");
        return undefined;
      }
      replaceRun(this.ctx, chain, i, i + consumed, rule.assemblyai, plan);
      plan.replaceWhole = "wrap";
      return undefined;
    }
    if (!sameKeys) replaceRun(this.ctx, chain, i, i + consumed, rule.assemblyai, plan);
    if (rule.items === "utterance" && !createsJobs(this.ctx)) this.ctx.mark(chain.node, "utterances-need-speaker-labels");
    const next = this.advance(fact, keys.slice(0, consumed));
    return [next, i + consumed];
  }

  private itemStep(chain: Chain, fact: JsonFact, i: number, plan: Plan): [JsonFact, number] | undefined {
    const accessor = chain.accessors[i];
    if (typeof accessor.key === "number") return [this.advance(fact, [accessor.key]), i + 1];
    const kind = fact.root.slice(5) as ItemKind;
    const field = fact.path.length === 0 ? accessor.key : undefined;
    const rule = field !== undefined ? ITEM_FIELDS[kind][field] : undefined;
    if (!rule) return undefined;
    if (rule.to) replaceRun(this.ctx, chain, i, i + 1, [rule.to], plan);
    if (rule.items) return [this.advance(fact, [accessor.key]), i + 1];
    const isLeaf = i === chain.accessors.length - 1;
    if (rule.seconds && isLeaf && !isAssignTarget(chain.node)) plan.divide = true;
    if (rule.rule === "speaker-letter" && inStringContext(chain.node)) this.ctx.note("speaker-label-note", chain.node);
    else if (rule.rule) this.ctx.mark(chain.node, rule.rule as RuleId);
    return undefined;
  }

  private responseStep(chain: Chain, fact: JsonFact, i: number, plan: Plan): void {
    const accessor = chain.accessors[i];
    if (fact.path.length !== 0 || typeof accessor.key !== "string") return;
    if (fact.root === "upload") {
      const renamed = UPLOAD_FIELD_MAP[accessor.key];
      if (renamed && fact.attr) plan.edits.push({ start: accessor.from, end: end(accessor.node), text: "" });
      else if (renamed) replaceRun(this.ctx, chain, i, i + 1, [renamed], plan);
      else if (accessor.key === "audio_metadata") this.ctx.mark(chain.node, "audio-metadata");
    } else if (fact.root === "create" && accessor.key === "result_url" && i === chain.accessors.length - 1) {
      plan.replaceWhole = transcriptUrl(this.ctx, this.ctx.textOf({ start: start(chain.node), end: accessor.from }), !!fact.attr);
      this.ctx.note("result-url", chain.node);
    }
  }
}

/** Does this file create the jobs it reads (so the request migration can turn `speaker_labels` on)? */
function createsJobs(ctx: PyContext): boolean {
  const http = [...ctx.facts.httpCalls.values()].some((h) => h.endpoint === "create" && h.method === "POST");
  return http || ctx.source.includes("gladiaio_sdk");
}

function isAssignTarget(node: PyNode): boolean {
  const parent = node.parent();
  return (parent?.kind() === "assignment" || parent?.kind() === "augmented_assignment") && parent.field("left")?.id() === node.id();
}

function applyPlan(ctx: PyContext, chain: Chain, plan: Plan): boolean {
  const regionStart = chain.accessors[0].from;
  if (plan.replaceWhole && plan.replaceWhole !== "wrap") {
    if (!ctx.replace(chain.node, plan.replaceWhole)) ctx.mark(chain.node, "result-unresolved", "`result_url`: the transcript URL is https://api.assemblyai.com/v2/transcript/{id}");
    return true;
  }
  let region = ctx.source.slice(regionStart, end(chain.node));
  if (ctx.textOf({ start: regionStart, end: end(chain.node) }) !== region) return false;
  for (const edit of [...plan.edits].sort((a, b) => b.start - a.start)) {
    region = region.slice(0, edit.start - regionStart) + edit.text + region.slice(edit.end - regionStart);
  }
  const ok = ctx.replace({ start: regionStart, end: end(chain.node) }, region);
  if (!ok) return false;
  if (plan.replaceWhole === "wrap") {
    ctx.insert(start(chain.node), "[");
    ctx.insert(end(chain.node), "]");
  }
  if (plan.divide) {
    const parens = needsParens(chain.node);
    if (parens) ctx.insert(start(chain.node), "(");
    ctx.insert(end(chain.node), parens ? " / 1000)" : " / 1000");
  }
  return true;
}

const NO_PARENS_PARENTS = new Set(["argument_list", "keyword_argument", "assignment", "interpolation", "expression_list", "list", "tuple", "pair", "return_statement", "comparison_operator", "parenthesized_expression", "expression_statement"]);

function needsParens(node: PyNode): boolean {
  const parent = node.parent();
  if (!parent) return false;
  if (NO_PARENS_PARENTS.has(parent.kind() as string)) return false;
  return !(parent.kind() === "binary_operator" && ["+", "-"].includes(parent.field("operator")?.text() ?? ""));
}

function rewriteReads(ctx: PyContext): boolean {
  const rewriter = new ChainRewriter(ctx);
  let changed = false;
  for (const node of ctx.root.findAll({ rule: { any: [{ kind: "subscript" }, { kind: "attribute" }, { kind: "call" }] } })) {
    if (!isOutermost(node)) continue;
    const chain = extractChain(node);
    if (!chain.accessors.length) continue;
    const fact = ctx.facts.factOf(chain.base);
    if (fact?.kind !== "json") continue;
    const plan = rewriter.run(chain, fact);
    if (plan) changed = applyPlan(ctx, chain, plan) || changed;
  }
  return changed;
}

function isStatusRead(ctx: PyContext, node: PyNode): boolean {
  const fact = ctx.facts.factOf(node);
  return fact?.kind === "json" && fact.root === "job" && fact.path.length === 1 && fact.path[0] === "status";
}

/** `job["status"] == "done"`, `status in ("done", "error")`: Gladia's `done` is `completed`. */
function rewriteStatuses(ctx: PyContext): boolean {
  let changed = false;
  for (const comparison of ctx.root.findAll({ rule: { kind: "comparison_operator" } })) {
    const operands = comparison.namedChildren().filter((c) => c.kind() !== "comment");
    if (!operands.some((o) => isStatusRead(ctx, o))) continue;
    for (const operand of operands) {
      const inner = unwrap(operand);
      const literals = ["tuple", "list", "set"].includes(inner.kind() as string) ? inner.namedChildren() : [inner];
      for (const literal of literals) {
        const value = stringValue(literal);
        const mapped = value !== undefined ? STATUS_MAP[value] : undefined;
        const content = stringContents(literal)[0];
        if (mapped && mapped !== value && content) changed = ctx.replace(content, mapped) || changed;
      }
    }
  }
  if (changed) ctx.note("status-values");
  return changed;
}

export const resultsStep: PyStep = {
  name: "py-results",
  description: describePyStep("py-results"),
  run(ctx) {
    const statuses = rewriteStatuses(ctx);
    const reads = rewriteReads(ctx);
    return statuses || reads;
  },
};
