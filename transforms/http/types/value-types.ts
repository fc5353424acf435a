import type { JsContext } from "../../shared/context.js";
import { isCall, isMember, type AnyNode, type AnyPath } from "../../shared/ast.js";
import { followValue } from "../../shared/flow.js";
import { findNodes } from "../../shared/find.js";

// TypeScript types the file gives a Gladia response: `x as T`, `const x: T = …`, `.json<T>()`,
// the request's own type argument (`axios.post<T>(…)`), where T is an inline type literal or an
// interface / type alias declared in this file.

/** Member lists (interface bodies, type literals) describing the value. */
export function typeMembers(ctx: JsContext, starts: AnyPath[]): AnyPath[] {
  const found = new Map<AnyNode, AnyPath>();
  const add = (type: AnyPath | undefined) => {
    for (const members of membersOf(ctx, type)) found.set(members.node, members);
  };
  for (const expr of followValue(ctx.j, starts).exprs) {
    const parent = expr.parent;
    if (parent.node.type === "TSAsExpression" || parent.node.type === "TSSatisfiesExpression") add(parent.get("typeAnnotation"));
    if (parent.node.type === "VariableDeclarator" && parent.node.init === expr.node && parent.node.id.typeAnnotation) {
      add(parent.get("id", "typeAnnotation", "typeAnnotation"));
    }
    const node = expr.node;
    const args = node.typeParameters ?? node.typeArguments;
    if (isCall(node) && isMember(node.callee) && args?.params?.length === 1) add(typeArgument(expr));
  }
  return [...found.values()];
}

/** `axios.post<T>(…)`, `axios<T>(…)`: the first type argument of the request call is its body type. */
export function callTypeMembers(ctx: JsContext, calls: AnyPath[]): AnyPath[] {
  return calls.flatMap((call) => membersOf(ctx, typeArgument(call)));
}

function typeArgument(call: AnyPath): AnyPath | undefined {
  const node = call.node;
  const field = node.typeParameters ? "typeParameters" : "typeArguments";
  return node[field]?.params?.length ? call.get(field, "params", 0) : undefined;
}

/** `{ … }` → its members; `Name` → the members of `interface Name` / `type Name = { … }` in this file. */
function membersOf(ctx: JsContext, type: AnyPath | undefined): AnyPath[] {
  const node = type?.node;
  if (!node) return [];
  if (node.type === "TSTypeLiteral") return [type!];
  if (node.type !== "TSTypeReference" || node.typeName.type !== "Identifier") return [];
  const name = node.typeName.name;
  const { j, root } = ctx;
  const interfaces = findNodes(root, j.TSInterfaceDeclaration, { id: { name } }).paths().map((p: AnyPath) => p.get("body"));
  const aliases = findNodes(root, j.TSTypeAliasDeclaration, { id: { name } })
    .paths()
    .filter((p: AnyPath) => p.node.typeAnnotation.type === "TSTypeLiteral")
    .map((p: AnyPath) => p.get("typeAnnotation"));
  return [...interfaces, ...aliases];
}

/** The property signatures of a member list, by key. */
export function memberSignatures(members: AnyPath): { key: string; path: AnyPath }[] {
  const list: AnyNode[] = members.node.type === "TSInterfaceBody" ? members.node.body : members.node.members;
  const field = members.node.type === "TSInterfaceBody" ? "body" : "members";
  return list
    .map((m: AnyNode, i: number) => ({ m, i }))
    .filter(({ m }) => m.type === "TSPropertySignature" && !m.computed && (m.key.type === "Identifier" || m.key.type === "StringLiteral"))
    .map(({ m, i }) => ({ key: m.key.type === "Identifier" ? m.key.name : m.key.value, path: members.get(field, i) }));
}
