import type { ASTPath } from "jscodeshift";
import type { JsContext } from "../shared/context.js";
import type { SdkFile } from "./model.js";
import { JS_SDK } from "../../src/mapping/sdk.js";

// Last: `@gladiaio/sdk` imports and requires become `assemblyai` ones. A Gladia specifier whose
// local name is still used (a live client, an unmapped type) stays; the rest is replaced in place.

type Node = { type: string; [key: string]: any };

export interface NeededName {
  imported: string;
  local: string;
  type: boolean;
}

/** Is `name` still used in the file outside import/require declarations? */
function isStillUsed(ctx: JsContext, name: string): boolean {
  return ctx.root
    .find(ctx.j.Identifier, { name } as any)
    .filter((p) => {
      const parent = p.parent?.node as Node;
      if (/^Import(Default|Namespace)?Specifier$/.test(parent.type)) return false;
      if ((parent.type === "ObjectProperty" || parent.type === "Property") && p.parent.parent?.node.type === "ObjectPattern") {
        const declarator = p.parent.parent.parent?.node as Node;
        if (declarator?.type === "VariableDeclarator" && declarator.init?.type === "CallExpression" && declarator.init.callee.name === "require") return false;
      }
      if (parent.type === "VariableDeclarator" && parent.id === p.node) return false;
      if ((parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") && parent.property === p.node && !parent.computed) return false;
      if (parent.type === "TSQualifiedName" && parent.right === p.node) return false;
      if ((parent.type === "ObjectProperty" || parent.type === "Property") && parent.key === p.node && !parent.shorthand) return false;
      return true;
    })
    .size() > 0;
}

/** Every `assemblyai` name the rewritten file uses, deduplicated. */
export function neededNames(sdk: SdkFile): NeededName[] {
  const names = new Map<string, NeededName>();
  for (const value of sdk.values) names.set(value, { imported: value, local: value === JS_SDK.assemblyaiClient ? sdk.clientName : sdk.name(value), type: false });
  for (const type of sdk.types) {
    if (!names.has(type)) names.set(type, { imported: type, local: type === JS_SDK.assemblyaiClient ? sdk.clientName : sdk.name(type), type: true });
  }
  return [...names.values()];
}

function importSpecifier(ctx: JsContext, name: NeededName, inlineType: boolean): Node {
  const { j } = ctx;
  const specifier = j.importSpecifier(j.identifier(name.imported), name.local !== name.imported ? j.identifier(name.local) : null) as Node;
  if (inlineType && name.type) specifier.importKind = "type";
  return specifier;
}

function buildImport(ctx: JsContext, names: NeededName[], typeStyle: "declaration" | "inline" | "plain"): Node {
  const { j } = ctx;
  const allTypes = names.every((n) => n.type);
  const declarationType = allTypes && typeStyle !== "plain";
  const declaration = j.importDeclaration(
    names.map((n) => importSpecifier(ctx, n, !declarationType && typeStyle !== "plain") as any),
    j.stringLiteral(JS_SDK.assemblyaiPackage),
  ) as Node;
  if (declarationType) declaration.importKind = "type";
  return declaration;
}

/** How the original declaration marked types: `import type {…}`, `{ type X }`, or not at all. */
function typeStyleOf(declaration: Node, typescript: boolean): "declaration" | "inline" | "plain" {
  if (!typescript) return "plain";
  if (declaration.importKind === "type") return "declaration";
  if ((declaration.specifiers ?? []).some((s: Node) => s.importKind === "type")) return "inline";
  return (declaration.specifiers ?? []).some((s: Node) => s.type === "ImportSpecifier" && s.imported.name !== JS_SDK.gladiaClient) ? "plain" : "inline";
}

function existingAssemblyaiImport(ctx: JsContext): ASTPath | undefined {
  const found = ctx.root.find(ctx.j.ImportDeclaration).filter((p) => (p.node.source as Node).value === JS_SDK.assemblyaiPackage && p.node.importKind !== "type");
  return found.size() > 0 ? found.paths()[0] : undefined;
}

function addToExisting(ctx: JsContext, existing: ASTPath, names: NeededName[]): void {
  const specifiers = (existing.node as Node).specifiers as Node[];
  for (const name of names) {
    if (specifiers.some((s) => s.type === "ImportSpecifier" && s.imported.name === name.imported)) continue;
    specifiers.push(importSpecifier(ctx, name, true));
  }
}

/** Drop the unused Gladia specifiers of one declaration; true when none is left. */
function pruneSpecifiers(ctx: JsContext, declaration: Node): boolean {
  declaration.specifiers = ((declaration.specifiers ?? []) as Node[]).filter((s) => isStillUsed(ctx, s.local.name));
  return declaration.specifiers.length === 0;
}

function rewriteEsm(ctx: JsContext, sdk: SdkFile, names: NeededName[]): void {
  const existing = existingAssemblyaiImport(ctx);
  let pending = names;
  for (const path of sdk.imports.esm) {
    const declaration = path.node as Node;
    const style = typeStyleOf(declaration, sdk.typescript);
    const empty = pruneSpecifiers(ctx, declaration);
    if (pending.length === 0) {
      if (empty) path.prune();
      continue;
    }
    if (existing) {
      addToExisting(ctx, existing, pending);
      if (empty) path.prune();
    } else {
      const replacement = buildImport(ctx, pending, style);
      if (empty) {
        replacement.comments = declaration.comments;
        path.replace(replacement);
      } else path.insertAfter(replacement);
    }
    pending = [];
  }
}

function requireCall(ctx: JsContext): Node {
  return ctx.j.callExpression(ctx.j.identifier("require"), [ctx.j.stringLiteral(JS_SDK.assemblyaiPackage)]);
}

function rewriteCjs(ctx: JsContext, sdk: SdkFile, names: NeededName[]): void {
  const { j } = ctx;
  const values = names.filter((n) => !n.type);
  const types = names.filter((n) => n.type);
  let pending = values;
  for (const path of sdk.imports.cjs) {
    const declarator = path.node as Node;
    const declaration = path.parent as ASTPath;
    const kept = declarator.id.type === "ObjectPattern"
      ? declarator.id.properties.filter((p: Node) => p.value?.type !== "Identifier" || isStillUsed(ctx, p.value.name))
      : isStillUsed(ctx, declarator.id.name) ? [declarator.id] : [];
    const pattern = j.objectPattern(
      pending.map((n) => Object.assign(j.objectProperty(j.identifier(n.imported), j.identifier(n.local)), { shorthand: n.imported === n.local })) as any[],
    );
    if (kept.length === 0 && pending.length > 0) {
      declarator.id = pattern;
      declarator.init = requireCall(ctx);
    } else if (kept.length === 0) {
      path.prune();
    } else {
      if (declarator.id.type === "ObjectPattern") declarator.id.properties = kept;
      if (pending.length > 0) {
        declaration.insertAfter(j.variableDeclaration((declaration.node as Node).kind ?? "const", [j.variableDeclarator(pattern, requireCall(ctx) as any)]));
      }
    }
    pending = [];
  }
  if (types.length > 0) ctx.root.get().node.program.body.unshift(buildImport(ctx, types, "declaration"));
}

export function rewriteImports(ctx: JsContext, sdk: SdkFile): void {
  const names = neededNames(sdk);
  if (sdk.imports.esm.length > 0) rewriteEsm(ctx, sdk, names);
  else rewriteCjs(ctx, sdk, names);
  if (sdk.imports.esm.length > 0 && sdk.imports.cjs.length > 0) rewriteCjs(ctx, sdk, []);
}
