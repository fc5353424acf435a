import type { Collection } from "jscodeshift";
import type { JsContext } from "../shared/context.js";
import { isMember, memberKey, propertyKey, type AnyNode, type AnyPath } from "../shared/ast.js";
import { GLADIA_ONLY_READS, type GladiaOnlyRead } from "../../src/mapping/result.js";
import type { RuleId } from "../../src/mapping/rules.js";
import { findEach } from "../shared/find.js";

// Gladia-only read chains still in the tree once every step ran (src/mapping/result.ts
// GLADIA_ONLY_READS): `x.result.transcription.utterances`, `x.result_url`, `const { error_code } = x`.

export interface Leftover {
  /** The last member of the matched chain, or the pattern property's value. */
  read: AnyPath;
  /** What the chain reads from (`x` in `x.result.metadata.y`), or the destructuring pattern. */
  base: AnyPath;
  rule: RuleId;
}

/** The member access above `path`, through `!` (`x!.result`). */
function memberAbove(path: AnyPath): AnyPath | undefined {
  let current = path;
  while (current.parent?.node.type === "TSNonNullExpression") current = current.parent;
  const parent = current.parent;
  return parent && isMember(parent.node) && parent.node.object === current.node ? parent : undefined;
}

/** The expression a member chain starts from (`x` in `x.a?.b!.c`). */
function chainBase(member: AnyPath): AnyPath {
  let current = member.get("object");
  while (isMember(current.node) || current.node.type === "TSNonNullExpression") current = current.get(isMember(current.node) ? "object" : "expression");
  return current;
}

/** The chain from `member` matches the rule: returns its last member. */
function matchFrom(member: AnyPath, rule: GladiaOnlyRead): AnyPath | undefined {
  let current = member;
  for (let i = 0; ; i++) {
    if (memberKey(current.node) !== rule.keys[i]) return undefined;
    if (i === rule.keys.length - 1) break;
    const above = memberAbove(current);
    if (!above) return undefined;
    current = above;
  }
  if (!rule.next) return current;
  const next = memberAbove(current);
  const key = next && memberKey(next.node);
  return key !== undefined && (rule.next === "*" || rule.next.includes(key)) ? next : undefined;
}

function memberReads(members: Collection<any>): Leftover[] {
  const found: Leftover[] = [];
  const seen = new Set<AnyNode>();
  const visit = (member: AnyPath) => {
    if (seen.has(member.node)) return;
    seen.add(member.node);
    const key = memberKey(member.node);
    for (const rule of GLADIA_ONLY_READS) {
      const read = rule.keys[0] === key ? matchFrom(member, rule) : undefined;
      if (read) found.push({ read, base: chainBase(member), rule: rule.rule });
    }
  };
  members.forEach(visit);
  return found;
}

/** `const { result_url } = created`: single-key rules on a destructuring pattern. */
function destructuredReads(patterns: Collection<any>): Leftover[] {
  const rules = GLADIA_ONLY_READS.filter((rule) => rule.keys.length === 1 && !rule.next);
  const found: Leftover[] = [];
  patterns.forEach((pattern: AnyPath) => {
    pattern.node.properties.forEach((prop: AnyNode, i: number) => {
      const rule = rules.find((r) => r.keys[0] === propertyKey(prop));
      if (rule) found.push({ read: pattern.get("properties", i), base: pattern, rule: rule.rule });
    });
  });
  return found;
}

/** First keys of the rules: a member or pattern without one matches no rule (no path is built for it). */
const FIRST_KEYS = new Set(GLADIA_ONLY_READS.map((rule) => rule.keys[0]));

function mayMatch(node: AnyNode): boolean {
  if (node.type === "ObjectPattern") return node.properties.some((prop: AnyNode) => FIRST_KEYS.has(propertyKey(prop) as string));
  return FIRST_KEYS.has(memberKey(node) as string);
}

export function findLeftovers(ctx: JsContext): Leftover[] {
  // One walk for both (neither changes the tree). OptionalMemberExpression is a MemberExpression
  // in ast-types: `x?.result` is found too.
  const [members, patterns] = findEach(ctx.root, [ctx.j.MemberExpression, ctx.j.ObjectPattern], mayMatch);
  return [...memberReads(members), ...destructuredReads(patterns)];
}
