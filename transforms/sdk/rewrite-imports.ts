import type { ASTPath } from "jscodeshift";
import type { JsContext } from "../shared/context.js";
import type { AssemblyaiName, SdkFile } from "./model.js";
import { JS_SDK } from "../../src/mapping/sdk.js";
import { hasGladiaImports } from "./imports.js";
import { importAssemblyaiTypes } from "../shared/assemblyai-imports.js";
import { appendStatement, parseStatement, quoteString, replaceStatement, styleOf } from "../shared/print.js";
import { findNodes } from "../shared/find.js";

// Last: `@gladiaio/sdk` imports and requires become `assemblyai` ones. A Gladia specifier whose
// local name is still used (a live client, an unmapped type) stays; the rest is replaced in place.

type Node = { type: string; [key: string]: any };

type NeededName = AssemblyaiName;

/** Is `name` still used in the file outside import/require declarations? */
function isStillUsed(ctx: JsContext, name: string): boolean {
  return findNodes(ctx.root, ctx.j.Identifier, { name } as any)
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


function importSpecifier(ctx: JsContext, name: NeededName, inlineType: boolean): Node {
  const { j } = ctx;
  const specifier = j.importSpecifier(j.identifier(name.imported), j.identifier(name.local)) as Node;
  if (inlineType && name.type) specifier.importKind = "type";
  return specifier;
}

function specifierText(name: NeededName, inlineType: boolean): string {
  const alias = name.local !== name.imported ? ` as ${name.local}` : "";
  return `${inlineType && name.type ? "type " : ""}${name.imported}${alias}`;
}

function importText(ctx: JsContext, names: NeededName[], typeStyle: "declaration" | "inline" | "plain"): string {
  const declarationType = names.every((n) => n.type) && typeStyle !== "plain";
  const specifiers = names.map((n) => specifierText(n, !declarationType && typeStyle !== "plain")).join(", ");
  const source = quoteString(JS_SDK.assemblyaiPackage, styleOf(ctx));
  return `import ${declarationType ? "type " : ""}{ ${specifiers} } from ${source};`;
}


/** How the original declaration marked types: `import type {…}`, `{ type X }`, or not at all. */
function typeStyleOf(declaration: Node, typescript: boolean): "declaration" | "inline" | "plain" {
  if (!typescript) return "plain";
  if (declaration.importKind === "type") return "declaration";
  if ((declaration.specifiers ?? []).some((s: Node) => s.importKind === "type")) return "inline";
  return (declaration.specifiers ?? []).some((s: Node) => s.type === "ImportSpecifier" && s.imported.name !== JS_SDK.gladiaClient) ? "plain" : "inline";
}

function existingAssemblyaiImport(ctx: JsContext): ASTPath | undefined {
  const found = findNodes(ctx.root, ctx.j.ImportDeclaration).filter((p) => (p.node.source as Node).value === JS_SDK.assemblyaiPackage && p.node.importKind !== "type");
  return found.size() > 0 ? found.paths()[0] : undefined;
}

function addToExisting(ctx: JsContext, existing: ASTPath, names: NeededName[]): void {
  const specifiers = (existing.node as Node).specifiers as Node[];
  for (const name of names) {
    if (specifiers.some((s) => s.type === "ImportSpecifier" && s.imported.name === name.imported)) continue;
    specifiers.push(importSpecifier(ctx, name, true));
  }
}

/** Drop the replaced or unused Gladia specifiers of one declaration; true when none is left. */
function pruneSpecifiers(ctx: JsContext, sdk: SdkFile, declaration: Node): boolean {
  const specifiers = (declaration.specifiers ?? []) as Node[];
  const kept = specifiers.filter((s) => !sdk.replaced.has(s.local.name) && isStillUsed(ctx, s.local.name));
  if (kept.length !== specifiers.length) declaration.specifiers = kept;
  return kept.length === 0;
}

function rewriteEsm(ctx: JsContext, sdk: SdkFile, names: NeededName[]): void {
  const existing = existingAssemblyaiImport(ctx);
  let pending = names;
  for (const path of sdk.imports.esm) {
    const declaration = path.node as Node;
    const style = typeStyleOf(declaration, sdk.typescript);
    const empty = pruneSpecifiers(ctx, sdk, declaration);
    if (pending.length === 0) {
      if (empty) path.prune();
      continue;
    }
    if (existing) {
      addToExisting(ctx, existing, pending);
      if (empty) path.prune();
    } else {
      const code = importText(ctx, pending, style);
      if (empty) {
        replaceStatement(ctx, path, code);
      } else appendStatement(ctx, path, code);
    }
    pending = [];
  }
}

/** `const { AssemblyAI } = require("assemblyai")`, or `await import(…)` where the original was one. */
function requireText(ctx: JsContext, kind: string, names: NeededName[], init: Node): string {
  const properties = names.map((n) => (n.local === n.imported ? n.imported : `${n.imported}: ${n.local}`)).join(", ");
  const source = quoteString(JS_SDK.assemblyaiPackage, styleOf(ctx));
  const load = init.type === "AwaitExpression" ? `await import(${source})` : `require(${source})`;
  return `${kind} { ${properties} } = ${load};`;
}

function rewriteCjs(ctx: JsContext, sdk: SdkFile, names: NeededName[]): void {
  const values = names.filter((n) => !n.type);
  const types = names.filter((n) => n.type);
  let pending = values;
  for (const path of sdk.imports.cjs) {
    const declarator = path.node as Node;
    const declaration = path.parent as ASTPath;
    const kept = declarator.id.type === "ObjectPattern"
      ? declarator.id.properties.filter((p: Node) => p.value?.type !== "Identifier" || (!sdk.replaced.has(p.value.name) && isStillUsed(ctx, p.value.name)))
      : isStillUsed(ctx, declarator.id.name) ? [declarator.id] : [];
    const code = pending.length > 0 ? requireText(ctx, (declaration.node as Node).kind ?? "const", pending, declarator.init) : undefined;
    const single = (declaration.node as Node).declarations.length === 1;
    if (kept.length === 0 && code && single) {
      replaceStatement(ctx, declaration, code);
    } else if (kept.length === 0) {
      path.prune();
      if (code) appendStatement(ctx, declaration, code);
    } else {
      if (declarator.id.type === "ObjectPattern" && kept.length !== declarator.id.properties.length) declarator.id.properties = kept;
      if (code) appendStatement(ctx, declaration, code);
    }
    pending = [];
  }
  if (types.length > 0) ctx.root.get().node.program.body.unshift(parseStatement(ctx, importText(ctx, types, "declaration")));
}

export function rewriteImports(ctx: JsContext, sdk: SdkFile): void {
  const names = [...sdk.uses.values()];
  if (!hasGladiaImports(sdk.imports)) {
    // Calls on clients from another module: only types may be needed here.
    const types = names.filter((n) => n.type).map((n) => n.imported);
    if (types.length > 0) importAssemblyaiTypes(ctx, types);
    return;
  }
  if (sdk.imports.esm.length > 0) rewriteEsm(ctx, sdk, names);
  else rewriteCjs(ctx, sdk, names);
  if (sdk.imports.esm.length > 0 && sdk.imports.cjs.length > 0) rewriteCjs(ctx, sdk, []);
}
