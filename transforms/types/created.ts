import type { JsContext } from "../shared/context.js";
import { propertyKey, type AnyNode, type AnyPath } from "../shared/ast.js";
import { locate } from "../shared/hint-locations.js";
import { followValue, keyReads } from "../shared/flow.js";
import { deferDoc } from "../shared/print/deferred.js";
import { readHints } from "../../src/analysis/hints.js";
import { membersOf } from "./declarations.js";

// Gladia's create response `{ id, result_url }` as the type pass sees it across files: the value
// (a binding or an expression typed so, e.g. what an imported `startTranscription()` returns) and
// its declared types. AssemblyAI's create response is the queued transcript: no `result_url`.

const RESULT_URL = "result_url";

/** `result_url` reads (member reads and destructured bindings) of values typed as a create response. */
export function hintedResultUrlReads(ctx: JsContext): AnyPath[] {
  const hints = readHints(ctx.options.hints);
  if (!hints || ctx.options.strategy !== "native") return [];
  const roots = hints.locations.filter((l) => l.level === "create").map((l) => locate(ctx, l)).filter((p): p is AnyPath => !!p);
  if (roots.length === 0) return [];
  const { members, destructured } = keyReads(followValue(ctx.j, roots), RESULT_URL);
  return [...members, ...destructured];
}

/** The literal's text without one member (member spans include their `;`/`,`), in its own layout. */
function textWithout(source: string, literal: AnyNode, index: number): string {
  const members = literal.members;
  const member = members[index];
  const [start, end] = [literal.start, literal.end];
  if (index < members.length - 1) return source.slice(start, member.start) + source.slice(members[index + 1].start, end);
  const previous = members[index - 1];
  const separated = /[;,]$/.test(source.slice(member.start, member.end));
  const cut = separated ? previous.end : previous.end - (/[;,]$/.test(source.slice(previous.start, previous.end)) ? 1 : 0);
  return source.slice(start, cut) + source.slice(member.end, end);
}

/** `{ id: string; result_url: string }` → `{ id: string }` (a type literal, or the declaration a name names). */
export function dropResultUrlField(ctx: JsContext, path: AnyPath): boolean {
  const node = path.node.type === "Identifier" ? path.parent.node : path.node;
  const members = membersOf(node);
  const index = members?.findIndex((m) => m.type === "TSPropertySignature" && propertyKey({ ...m, type: "ObjectProperty" }) === RESULT_URL) ?? -1;
  if (index < 0 || members!.length < 2) return false;
  // An inline literal keeps its layout (recast would print a changed one over several lines).
  if (node.type === "TSTypeLiteral" && typeof node.start === "number") {
    path.replace(ctx.j.tsTypeReference(deferDoc(ctx, { kind: "raw", text: textWithout(ctx.source, node, index) })));
  } else {
    members!.splice(index, 1);
  }
  return true;
}
