/**
 * Result reads: mapping §3 applied to every read of a Gladia job, result or transcription value.
 *
 *   rewriteResultReads(ctx: JsContext, roots: ResultRoot[], options?: ResultReadsOptions): ResultReadsReport
 *
 *   interface ResultRoot {
 *     path: ASTPath;  // an expression that evaluates to the value (`job`, `res.data`, `await r.json()`),
 *                     // or the identifier (or object/array pattern) that declares a binding holding it
 *     level: "job" | "result" | "transcription" | "metadata";  // `J`, `J.result`, `J.result.transcription`, `J.result.metadata`
 *     completed?: boolean;  // known to be a done job (no "not finished yet" to keep)
 *   }
 *   interface ResultReadsReport {
 *     changed: boolean;           // the tree changed (markers are counted by ctx separately)
 *     utteranceReads: ASTPath[];  // reads that now return `T.utterances` (need `speaker_labels: true`)
 *   }
 *
 * The value is followed through bindings, destructuring, `await`, `.then`, local functions and
 * their returns (transforms/shared/flow.ts). Member chains (`.`, `?.`, `["…"]`, `!`) and object
 * patterns are rewritten from `src/mapping/result.ts`: paths (`result.transcription.full_transcript`
 * → `text`), aliases of an intermediate level (`const t = job.result.transcription` → `const t = job`,
 * and `t` is then read as the transcript; `const { result } = x` → `const result = x`; where the
 * alias also meant "not finished yet" — `job.result?.transcription`, a tested `job.result` — it
 * becomes `job.status === "completed" ? job : undefined`, or gets a `result-pending` marker),
 * `languages` → `[language_code]`, job `status` comparisons (`"done"` → `"completed"`),
 * `error_code` → `error`, per-item fields (seconds → `/ 1000`, `word` → `text`, speaker/channel
 * markers) and markers for reads with no equivalent — unless `options.rewriteUnmapped` rewrites
 * them (the raw-HTTP steps fetch subtitles). Nothing else is touched. Callers: the raw-HTTP steps
 * (transforms/http/), the `@gladiaio/sdk` step and the ts-morph type pass, each with its own roots.
 */
import type { JsContext } from "./context.js";
import {
  copyPure as copyPureNode,
  isIdentifierName,
  isNumericLiteral,
  isPure,
  memberKey,
  parentMember,
  propertyKey,
  type AnyNode,
  type AnyPath,
} from "./ast.js";
import { followValue } from "./flow.js";
import { doneNodes, trackItems } from "./item-reads.js";
import { rewriteStatusUses } from "./status-uses.js";
import { bindingOf, getReferences } from "./scope.js";
import { formatLater } from "./print/format-later.js";
import { completedTest, isBindingAskedFor, isTestPosition, isValueAskedFor, whenCompleted } from "./pending-alias.js";
import { objectStyle } from "./print/from-ast.js";
import {
  ADDON_ENVELOPE_KEYS,
  JOB_KEYS_WITHOUT_EQUIVALENT,
  LEVEL_PREFIX,
  RESULT_PATHS,
  matchResultPath,
  type ResultLevel,
  type ResultPathRule,
} from "../../src/mapping/result.js";
import type { RuleId } from "../../src/mapping/rules.js";
import { findNodes } from "./find.js";

export type { ResultLevel };

export interface ResultRoot {
  path: AnyPath;
  level: ResultLevel;
  /** The value is known to be a completed job (an SDK call that waits and throws on failure). */
  completed?: boolean;
}

export interface ResultReadsReport {
  changed: boolean;
  utteranceReads: AnyPath[];
}

/**
 * A read with no AssemblyAI field (`job.result.transcription.subtitles`): `value` is the expression
 * that now holds the transcript, `read` the Gladia member. A caller that can rewrite it returns true;
 * otherwise the read gets the rule's marker.
 */
export interface UnmappedRead {
  rule: RuleId;
  value: AnyPath;
  read: AnyPath;
}

export interface ResultReadsOptions {
  rewriteUnmapped?: (read: UnmappedRead) => boolean;
}

/** The report, and what is known of the values being followed. */
interface Walk extends ResultReadsReport, ResultReadsOptions {
  completed: boolean;
}

const LEVELS: ResultLevel[] = ["job", "result", "transcription", "metadata"];

interface Link {
  path: AnyPath;
  key: string | undefined;
  optional: boolean;
  computed: boolean;
}

/** The member links above `root`: `root.a?.["b"]!.c` → a, b, c (stops at an index or a call). */
function collectLinks(root: AnyPath): Link[] {
  const links: Link[] = [];
  let current = root;
  for (;;) {
    const parent = current.parent;
    if (parent?.node.type === "TSNonNullExpression") {
      current = parent;
      continue;
    }
    const member = parentMember(current);
    if (!member) return links;
    const key = memberKey(member.node);
    links.push({ path: member, key, optional: Boolean(member.node.optional), computed: Boolean(member.node.computed) });
    if (key === undefined) return links;
    current = member;
  }
}

function sameKeys(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

const copyPure = (ctx: JsContext, node: AnyNode): AnyNode => copyPureNode(ctx.j, node);

/** `root.k1.k2`: optional where the Gladia chain started optional, `["k"]` where it used brackets. */
function buildChain(ctx: JsContext, root: AnyNode, keys: string[], consumed: Link[]): AnyNode {
  const { j } = ctx;
  const computed = consumed[0].computed;
  return keys.reduce((object, key, i) => {
    const optional = i === 0 && consumed[0].optional;
    const property = computed || !isIdentifierName(key) ? j.stringLiteral(key) : j.identifier(key);
    const member = optional ? j.optionalMemberExpression(object, property, computed, true) : j.memberExpression(object, property, computed);
    doneNodes(ctx).add(member);
    return member;
  }, root);
}

function makeOptional(member: AnyNode): void {
  member.type = "OptionalMemberExpression";
  member.optional = true;
}

function markOnce(ctx: JsContext, path: AnyPath, rule: RuleId): void {
  const done = doneNodes(ctx);
  if (done.has(path.node)) return;
  done.add(path.node);
  ctx.mark(path, rule);
}

/** After a read is rewritten: follow what it now holds. */
function followRule(ctx: JsContext, read: AnyPath, rule: ResultPathRule, report: Walk): void {
  if (rule.items) report.changed = trackItems(ctx, [read], rule.items) || report.changed;
  if (rule.items === "utterance") report.utteranceReads.push(read);
  if (rule.assemblyai && sameKeys(rule.assemblyai, ["status"])) report.changed = rewriteStatusUses(ctx, [read]) || report.changed;
}

/** Which level a path of keys from `level` names exactly (`["result"]` from a job → "result"). */
function levelNamedBy(level: ResultLevel, keys: string[]): ResultLevel | undefined {
  const full = [...LEVEL_PREFIX[level], ...keys];
  return LEVELS.find((l) => l !== level && sameKeys(LEVEL_PREFIX[l], full));
}

/** The marker for a read under the job that no rule maps (or undefined: not a Gladia key). */
function unmappedRule(level: ResultLevel, keys: string[]): RuleId | undefined {
  const full = [...LEVEL_PREFIX[level], ...keys];
  if (full[0] !== "result") return JOB_KEYS_WITHOUT_EQUIVALENT.includes(full[0]) ? "result-unresolved" : undefined;
  if (full.length >= 3 && ADDON_ENVELOPE_KEYS.includes(full[2])) return "addon-envelope";
  return "result-unresolved";
}

/** Does some rule continue below these keys (`result.transcription` is an intermediate level)? */
function isIntermediate(level: ResultLevel, keys: string[]): boolean {
  const full = [...LEVEL_PREFIX[level], ...keys];
  return RESULT_PATHS.some((rule) => rule.gladia.length > full.length && full.every((k, i) => rule.gladia[i] === k));
}

function rewriteChain(ctx: JsContext, root: AnyPath, level: ResultLevel, report: Walk): void {
  const links = collectLinks(root);
  const keys: string[] = [];
  for (const link of links) {
    if (link.key === undefined) break;
    keys.push(link.key);
  }
  if (keys.length === 0 || doneNodes(ctx).has(links[0].path.node)) return;
  const match = matchResultPath(level, keys);
  if (match) return applyRule(ctx, root, links, match.rule, level, report);
  const aliasLevel = levelNamedBy(level, keys);
  if (aliasLevel) return replaceAlias(ctx, root, links.slice(0, keys.length), { level, alias: aliasLevel }, report);
  const rule = unmappedRule(level, keys);
  if (rule) markOnce(ctx, links[keys.length - 1].path, rule);
}

/** Names Gladia's nullable `J.result` itself (null until the job is done). */
function isResultItself(level: ResultLevel, keys: string[]): boolean {
  return sameKeys([...LEVEL_PREFIX[level], ...keys], ["result"]);
}

/**
 * The alias still says "not finished yet": it was read through `?.` below the root
 * (`job.result?.transcription`), or it is `job.result` itself and the code tests it.
 */
function isPendingAlias(ctx: JsContext, level: ResultLevel, consumed: Link[], report: Walk): boolean {
  if (report.completed) return false;
  if (consumed.slice(1).some((l) => l.optional)) return true;
  return isResultItself(level, consumed.map((l) => l.key!)) && isValueAskedFor(ctx, consumed.at(-1)!.path);
}

/**
 * `job.result.transcription` read on its own: it is now the transcript itself. Where it meant
 * "the job is done", the transcript stands only once its status says so.
 */
function replaceAlias(ctx: JsContext, root: AnyPath, consumed: Link[], levels: { level: ResultLevel; alias: ResultLevel }, report: Walk): void {
  const chainEnd = consumed.at(-1)!.path;
  const pending = isPendingAlias(ctx, levels.level, consumed, report);
  if (pending && isTestPosition(chainEnd)) {
    chainEnd.replace(completedTest(ctx, root.node, consumed[0].optional));
    report.changed = true;
    return;
  }
  if (pending && !isPure(root.node)) return markOnce(ctx, chainEnd, "result-pending");
  const value = pending ? whenCompleted(ctx, root.node, copyPure(ctx, root.node), consumed[0].optional) : root.node;
  const [replaced] = chainEnd.replace(value);
  report.changed = true;
  rewriteLevel(ctx, [replaced], levels.alias, report);
}

function replaceUnmapped(ctx: JsContext, unmapped: UnmappedRead, report: Walk): void {
  if (doneNodes(ctx).has(unmapped.read.node)) return;
  if (!report.rewriteUnmapped?.(unmapped)) return markOnce(ctx, unmapped.read, unmapped.rule);
  doneNodes(ctx).add(unmapped.read.node);
  report.changed = true;
}

function applyRule(ctx: JsContext, root: AnyPath, links: Link[], rule: ResultPathRule, level: ResultLevel, report: Walk): void {
  const consumed = links.slice(0, rule.gladia.length - LEVEL_PREFIX[level].length);
  const last = consumed.at(-1)!.path;
  if (!rule.assemblyai) return replaceUnmapped(ctx, { rule: rule.rule ?? "result-unresolved", value: root, read: last }, report);
  const next = links[consumed.length];
  if (sameKeys(rule.assemblyai, consumed.map((l) => l.key!)) && !rule.wrapInArray) {
    doneNodes(ctx).add(last.node);
    return followRule(ctx, last, rule, report);
  }
  const chain = buildChain(ctx, root.node, rule.assemblyai, consumed);
  report.changed = true;
  if (rule.wrapInArray) {
    // `languages[0]` → `language_code`; any other use → `[language_code]`.
    if (next && next.computed && isNumericLiteral(next.path.node.property) && next.path.node.property.value === 0) {
      next.path.replace(chain);
    } else {
      last.replace(ctx.j.arrayExpression([chain]));
    }
    return;
  }
  const [replaced] = last.replace(chain);
  // `a.result?.transcription?.utterances.map(f)` short-circuited on a null result: keep that below.
  if (next && consumed.slice(1).some((l) => l.optional)) makeOptional(next.path.node);
  followRule(ctx, replaced, rule, report);
}

// ---- Destructuring -------------------------------------------------------------------------

interface Leaf {
  keys: string[];
  /** The pattern property's value: an identifier, a nested pattern, or `x = default`. */
  value: AnyPath;
  /** Mapped AssemblyAI keys, or the level this leaf now names (an alias of the whole value). */
  mapped?: string[];
  alias?: ResultLevel;
  /** An alias of `J.result` the code tests: it becomes the transcript once completed. */
  pending?: boolean;
  rule?: ResultPathRule;
}

function flattenPattern(level: ResultLevel, pattern: AnyPath, prefix: string[]): Leaf[] | undefined {
  const leaves: Leaf[] = [];
  for (let i = 0; i < pattern.node.properties.length; i++) {
    const prop = pattern.get("properties", i);
    const key = propertyKey(prop.node);
    if (prop.node.type === "RestElement" || key === undefined) return undefined;
    const keys = [...prefix, key];
    let value = prop.get("value");
    if (value.node.type === "AssignmentPattern" && value.node.left.type === "ObjectPattern") value = value.get("left");
    if (value.node.type === "ObjectPattern" && isIntermediate(level, keys)) {
      const nested = flattenPattern(level, value, keys);
      if (!nested) return undefined;
      leaves.push(...nested);
    } else {
      leaves.push({ keys, value });
    }
  }
  return leaves;
}

/** Maps a leaf in place; returns the marker rule when it cannot be mapped. */
function mapLeaf(level: ResultLevel, leaf: Leaf): RuleId | undefined {
  const alias = levelNamedBy(level, leaf.keys);
  if (alias) {
    leaf.alias = alias;
    return leaf.value.node.type === "Identifier" ? undefined : "result-unresolved";
  }
  const match = matchResultPath(level, leaf.keys);
  if (match) {
    if (!match.rule.assemblyai) return match.rule.rule ?? "result-unresolved";
    if (match.rest.length > 0) return "result-unresolved";
    leaf.mapped = match.rule.assemblyai;
    leaf.rule = match.rule;
    return undefined;
  }
  const rule = unmappedRule(level, leaf.keys);
  if (rule) return rule;
  leaf.mapped = leaf.keys;
  return undefined;
}

/** The `const <pattern> = init` declarator owning a pattern. */
function ownerDeclarator(pattern: AnyPath): AnyPath | undefined {
  const owner = pattern.parent;
  return owner.node.type === "VariableDeclarator" && owner.node.id === pattern.node && owner.node.init ? owner : undefined;
}

/**
 * The declarator that can take the aliases: `const { result } = <anything>` becomes
 * `const result = <anything>`; more entries (or a pending alias) repeat `init`, which must be pure.
 */
function aliasDeclarator(pattern: AnyPath, fields: Leaf[], aliases: Leaf[]): AnyPath | undefined {
  const owner = ownerDeclarator(pattern);
  if (!owner) return undefined;
  const repeatsInit = fields.length > 0 || aliases.length > 1 || aliases.some((l) => l.pending);
  return !repeatsInit || isPure(owner.node.init) ? owner : undefined;
}

function rewritePattern(ctx: JsContext, pattern: AnyPath, level: ResultLevel, report: Walk): void {
  if (pattern.node.type !== "ObjectPattern" || doneNodes(ctx).has(pattern.node)) return;
  doneNodes(ctx).add(pattern.node);
  const leaves = flattenPattern(level, pattern, []);
  if (!leaves) return;
  const failed = leaves.map((leaf) => mapLeaf(level, leaf)).find((rule) => rule !== undefined);
  if (failed) return ctx.mark(pattern, failed);
  const aliases = leaves.filter((l) => l.alias);
  const fields = leaves.filter((l) => !l.alias);
  for (const leaf of aliases) leaf.pending = !report.completed && isResultItself(level, leaf.keys) && isBindingAskedFor(ctx, leaf.value);
  const declarator = aliasDeclarator(pattern, fields, aliases);
  if (aliases.length > 0 && !declarator) return ctx.mark(pattern, aliases.some((l) => l.pending) ? "result-pending" : "result-unresolved");
  const unchanged = aliases.length === 0 && fields.every((l) => sameKeys(l.keys, l.mapped!) && !l.rule?.wrapInArray) && !hasNesting(pattern);
  // Field bindings are followed while the pattern still declares them; aliases once they are declared on their own.
  for (const leaf of fields) followLeaf(ctx, leaf, report);
  if (unchanged) return;
  report.changed = true;
  replacePattern(ctx, pattern, declarator, fields, aliases);
  for (const leaf of aliases) followLeaf(ctx, leaf, report);
}

function hasNesting(pattern: AnyPath): boolean {
  return pattern.node.properties.some((p: AnyNode) => p.value?.type === "ObjectPattern" || p.value?.left?.type === "ObjectPattern");
}

function leafProperty(ctx: JsContext, key: string, value: AnyNode): AnyNode {
  const { j } = ctx;
  const name = value.type === "AssignmentPattern" ? value.left : value;
  const prop = j.objectProperty(isIdentifierName(key) ? j.identifier(key) : j.stringLiteral(key), value);
  prop.shorthand = name.type === "Identifier" && name.name === key;
  return prop;
}

/** What an alias leaf is given: the value, or the value once completed. */
function aliasInit(ctx: JsContext, leaf: Leaf, init: AnyNode): AnyNode {
  return leaf.pending ? whenCompleted(ctx, init, copyPure(ctx, init), false) : init;
}

function replacePattern(ctx: JsContext, pattern: AnyPath, declarator: AnyPath | undefined, fields: Leaf[], aliases: Leaf[]): void {
  const { j } = ctx;
  if (fields.length === 0) {
    // `const { result } = job` → `const result = job`
    const [first, ...rest] = aliases;
    const init = declarator!.node.init;
    declarator!.node.id = first.value.node;
    declarator!.node.init = aliasInit(ctx, first, init);
    const others = rest.map((leaf) => j.variableDeclarator(leaf.value.node, aliasInit(ctx, leaf, copyPure(ctx, init))));
    declarator!.parent.node.declarations.splice(declarator!.name + 1, 0, ...others);
    return;
  }
  const extra = aliases.map((leaf) => j.variableDeclarator(leaf.value.node, aliasInit(ctx, leaf, copyPure(ctx, declarator!.node.init))));
  const rebuilt = j.objectPattern(fields.map((leaf) => leafProperty(ctx, leaf.mapped![0], leaf.value.node)));
  rebuilt.typeAnnotation = pattern.node.typeAnnotation;
  pattern.replace(formatLater(ctx, rebuilt, objectStyle(ctx, pattern.node)));
  if (extra.length > 0) declarator!.parent.node.declarations.splice(declarator!.name + 1, 0, ...extra);
}

/** The path of `node` (a leaf's value, possibly moved by the rebuild) under the statement. */
function pathOf(ctx: JsContext, near: AnyPath, node: AnyNode): AnyPath | undefined {
  let statement = near;
  while (statement.parent && !/Statement|Declaration$/.test(statement.node.type)) statement = statement.parent;
  const scope = statement.parent ?? statement;
  return findNodes(scope, ctx.j.Node).filter((p: AnyPath) => p.node === node).paths()[0];
}

function followLeaf(ctx: JsContext, leaf: Leaf, report: Walk): void {
  const value = pathOf(ctx, leaf.value, leaf.value.node);
  if (!value) return;
  const target = value.node.type === "AssignmentPattern" ? value.get("left") : value;
  if (leaf.alias) return rewriteLevel(ctx, [target], leaf.alias, report);
  if (!leaf.rule) return;
  if (leaf.rule.wrapInArray) return wrapReferences(ctx, target, report);
  followRule(ctx, target, leaf.rule, report);
}

/** `const { languages } = …` now holds `language_code`: `languages` → `[languages]`, `languages[0]` → `languages`. */
function wrapReferences(ctx: JsContext, id: AnyPath, report: Walk): void {
  const binding = bindingOf(id);
  if (!binding) return;
  for (const ref of getReferences(ctx.j, binding)) {
    const member = parentMember(ref);
    if (member && member.node.computed && isNumericLiteral(member.node.property) && member.node.property.value === 0) {
      member.replace(ref.node);
    } else {
      ref.replace(ctx.j.arrayExpression([ctx.j.identifier(ref.node.name)]));
    }
    report.changed = true;
  }
}

// ---- Entry point ---------------------------------------------------------------------------

function rewriteLevel(ctx: JsContext, starts: AnyPath[], level: ResultLevel, report: Walk): void {
  const flow = followValue(ctx.j, starts);
  for (const expr of flow.exprs) rewriteChain(ctx, expr, level, report);
  for (const pattern of flow.patterns) rewritePattern(ctx, pattern, level, report);
}

export function rewriteResultReads(ctx: JsContext, roots: ResultRoot[], options: ResultReadsOptions = {}): ResultReadsReport {
  const report: Walk = { changed: false, utteranceReads: [], completed: false, ...options };
  for (const completed of [false, true]) {
    report.completed = completed;
    for (const level of LEVELS) {
      const starts = roots.filter((r) => r.level === level && Boolean(r.completed) === completed).map((r) => r.path);
      if (starts.length > 0) rewriteLevel(ctx, starts, level, report);
    }
  }
  return { changed: report.changed, utteranceReads: report.utteranceReads };
}
