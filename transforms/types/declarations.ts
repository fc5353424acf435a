import type { JsContext } from "../shared/context.js";
import type { AnyNode, AnyPath } from "../shared/ast.js";
import { propertyKey } from "../shared/ast.js";
import { parseStatement, replaceStatement } from "../shared/print.js";
import { ASSEMBLYAI_TYPE_FOR, GLADIA_LEVEL_KEYS, ITEM_FIELDS, matchResultPath, type ResultLevel } from "../../src/mapping/result.js";
import type { HintDeclaration } from "../../src/analysis/hints.js";

// A declared Gladia type (recognised by the type pass) becomes the `assemblyai` type: an alias
// when it declares nothing but Gladia fields, otherwise field by field (each Gladia field becomes
// its AssemblyAI counterpart, typed from the AssemblyAI type; the program's own fields stay).

type Level = HintDeclaration["level"];
const RESULT_LEVELS = new Set<Level>(["job", "result", "transcription"]);

/** The members of an interface, an alias of an object type, or a type literal. */
export function membersOf(node: AnyNode): AnyNode[] | undefined {
  if (node.type === "TSTypeLiteral") return node.members;
  if (node.type === "TSInterfaceDeclaration") return node.body.body;
  if (node.type === "TSTypeAliasDeclaration" && node.typeAnnotation.type === "TSTypeLiteral") return node.typeAnnotation.members;
  return undefined;
}

function gladiaKeys(level: Level): string[] {
  return RESULT_LEVELS.has(level) ? GLADIA_LEVEL_KEYS[level as ResultLevel] : Object.keys(ITEM_FIELDS[level as "utterance" | "word"] ?? {});
}

function isGladiaField(member: AnyNode, level: Level): boolean {
  const key = member.type === "TSPropertySignature" ? propertyKey({ ...member, type: "ObjectProperty" }) : undefined;
  return key !== undefined && gladiaKeys(level).includes(key);
}

interface MappedField {
  key: string;
  optional: boolean;
}

/** Inline object members of a field's type (`result?: { transcription: { … } }`), through `| null`. */
function inlineMembers(member: AnyNode): AnyNode[] | undefined {
  let type = member.typeAnnotation?.typeAnnotation;
  if (type?.type === "TSUnionType") {
    const objects = type.types.filter((t: AnyNode) => t.type === "TSTypeLiteral");
    type = objects.length === 1 ? objects[0] : undefined;
  }
  return type?.type === "TSTypeLiteral" ? type.members : undefined;
}

/**
 * The AssemblyAI fields a Gladia field stands for: itself when a rule maps it, or the mapped
 * leaves of an inline nested type (`result: { transcription: { full_transcript } }` → `text`).
 * Fields with no equivalent go to `dropped`.
 */
function mapField(level: Level, member: AnyNode, prefix: string[], optional: boolean, dropped: string[]): MappedField[] {
  const key = propertyKey({ ...member, type: "ObjectProperty" })!;
  const keys = [...prefix, key];
  const isOptional = optional || Boolean(member.optional);
  if (!RESULT_LEVELS.has(level)) {
    const rule = ITEM_FIELDS[level as "utterance" | "word"]?.[key];
    if (!rule || rule.rule === "utterance-language") {
      dropped.push(key);
      return [];
    }
    return [{ key: rule.to ?? key, optional: isOptional }];
  }
  const match = matchResultPath(level as ResultLevel, keys);
  if (match?.rule.assemblyai && match.rest.length === 0) return [{ key: match.rule.assemblyai[0], optional: isOptional }];
  const nested = inlineMembers(member);
  if (!match && nested) return nested.flatMap((m: AnyNode) => (m.type === "TSPropertySignature" ? mapField(level, m, keys, isOptional, dropped) : []));
  dropped.push(keys.join("."));
  return [];
}

function fieldText(field: MappedField, typeName: string): string {
  return `${field.key}${field.optional ? "?" : ""}: ${typeName}["${field.key}"];`;
}

/** The member list, field by field; the program's own members keep their text. */
function rewriteFields(ctx: JsContext, path: AnyPath, members: AnyNode[], level: Level, typeName: string): void {
  const dropped: string[] = [];
  const seen = new Set<string>();
  const next: AnyNode[] = [];
  for (const member of members) {
    if (!isGladiaField(member, level)) {
      next.push(member);
      continue;
    }
    for (const field of mapField(level, member, [], false, dropped)) {
      if (seen.has(field.key)) continue;
      seen.add(field.key);
      const parsed = parseStatement(ctx, `interface _ { ${fieldText(field, typeName)} }`);
      next.push(parsed.body.body[0]);
    }
  }
  members.splice(0, members.length, ...next);
  if (dropped.length > 0) ctx.mark(path, "type-fields-dropped", dropped.join(", "));
}

/** `interface GladiaJob { … }` → `type GladiaJob = Transcript;` (its export and comments stay). */
function replaceWithAlias(ctx: JsContext, path: AnyPath, name: string, typeName: string): void {
  const code = `type ${name} = ${typeName};`;
  // An alias keeps its statement (recast would glue a new one to a reprinted neighbour).
  if (path.node.type === "TSTypeAliasDeclaration") {
    path.node.typeAnnotation = parseStatement(ctx, code).typeAnnotation;
    return;
  }
  replaceStatement(ctx, path, code);
}

/** Rewrites one declaration; returns the `assemblyai` type it now uses (to import), if any. */
export function rewriteDeclaration(ctx: JsContext, nameNode: AnyPath, hint: HintDeclaration, name: (exported: string) => string): string | undefined {
  const path = nameNode.parent as AnyPath;
  const members = membersOf(path.node);
  const exported = ASSEMBLYAI_TYPE_FOR[hint.level as keyof typeof ASSEMBLYAI_TYPE_FOR];
  if (!members || !exported || nameNode.node !== path.node.id) return undefined;
  const typeName = name(exported);
  const ownOnly = members.every((m) => isGladiaField(m, hint.level)) && !(path.node.extends?.length > 0);
  if (ownOnly) replaceWithAlias(ctx, path, hint.name, typeName);
  else rewriteFields(ctx, path, members, hint.level, typeName);
  return exported;
}
