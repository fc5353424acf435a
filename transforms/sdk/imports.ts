import type { ASTPath } from "jscodeshift";
import type { JsContext } from "../shared/context.js";
import { JS_SDK } from "../../src/mapping/sdk.js";
import { findNodes } from "../shared/find.js";

type Node = { type: string; [key: string]: any };

/** How a file reaches `@gladiaio/sdk`: ESM imports (named, aliased, namespace) or `require`. */
export interface GladiaSdkImports {
  /** Local names bound to the `GladiaClient` class. */
  clientClass: Set<string>;
  /** `import * as g` / `import g from` / `const g = require(…)`: `g.GladiaClient`. */
  namespaces: Set<string>;
  /** Local type name → exported Gladia type name. */
  types: Map<string, string>;
  esm: ASTPath[];
  cjs: ASTPath[];
}

export function isSdkSource(node: Node | null | undefined): boolean {
  return !!node && (node.type === "StringLiteral" || node.type === "Literal") && node.value === JS_SDK.gladiaPackage;
}

export function isRequireOfSdk(node: Node | null | undefined): boolean {
  if (!node) return false;
  if (node.type === "AwaitExpression") return isRequireOfSdk(node.argument);
  return (
    node.type === "CallExpression" &&
    ((node.callee.type === "Identifier" && node.callee.name === "require") || node.callee.type === "Import") &&
    isSdkSource(node.arguments[0])
  );
}

function addEsm(imports: GladiaSdkImports, path: ASTPath<any>): void {
  const declaration = path.node;
  imports.esm.push(path);
  for (const specifier of declaration.specifiers ?? []) {
    const local = specifier.local.name;
    if (specifier.type !== "ImportSpecifier") {
      imports.namespaces.add(local);
      continue;
    }
    const typeOnly = declaration.importKind === "type" || specifier.importKind === "type";
    if (specifier.imported.name === JS_SDK.gladiaClient && !typeOnly) imports.clientClass.add(local);
    else imports.types.set(local, specifier.imported.name);
  }
}

function addCjs(imports: GladiaSdkImports, path: ASTPath<any>): void {
  const id = path.node.id;
  imports.cjs.push(path);
  if (id.type === "Identifier") {
    imports.namespaces.add(id.name);
    return;
  }
  if (id.type !== "ObjectPattern") return;
  for (const property of id.properties) {
    if (property.key?.type !== "Identifier" || property.value?.type !== "Identifier") continue;
    if (property.key.name === JS_SDK.gladiaClient) imports.clientClass.add(property.value.name);
  }
}

/** `const GladiaClient = require("@gladiaio/sdk").GladiaClient`. */
function addCjsMember(imports: GladiaSdkImports, path: ASTPath<any>): void {
  const { id, init } = path.node;
  if (id.type !== "Identifier" || init.property?.name !== JS_SDK.gladiaClient) return;
  imports.cjs.push(path);
  imports.clientClass.add(id.name);
}

export function findGladiaImports(ctx: JsContext): GladiaSdkImports {
  const { j, root } = ctx;
  const imports: GladiaSdkImports = { clientClass: new Set(), namespaces: new Set(), types: new Map(), esm: [], cjs: [] };
  findNodes(root, j.ImportDeclaration).filter((p) => isSdkSource(p.node.source as Node)).forEach((p) => addEsm(imports, p));
  findNodes(root, j.VariableDeclarator).forEach((p) => {
    const init = p.node.init as Node | null;
    if (isRequireOfSdk(init)) addCjs(imports, p);
    else if (init?.type === "MemberExpression" && isRequireOfSdk(init.object)) addCjsMember(imports, p);
  });
  return imports;
}

/** `export { GladiaClient } from "@gladiaio/sdk"`: a barrel other modules import the SDK through. */
export function markReexports(ctx: JsContext): void {
  const { j, root } = ctx;
  const reexports = [...findNodes(root, j.ExportNamedDeclaration).paths(), ...findNodes(root, j.ExportAllDeclaration).paths()];
  for (const path of reexports) {
    if (isSdkSource((path.node as Node).source)) ctx.mark(path, "sdk-reexport");
  }
}

export function hasGladiaImports(imports: GladiaSdkImports): boolean {
  return imports.esm.length > 0 || imports.cjs.length > 0;
}

/** `GladiaClient` (an imported local) or `ns.GladiaClient`. */
export function isClientClass(imports: GladiaSdkImports, node: Node | null | undefined): boolean {
  if (!node) return false;
  if (node.type === "Identifier") return imports.clientClass.has(node.name);
  return (
    node.type === "MemberExpression" &&
    !node.computed &&
    node.object.type === "Identifier" &&
    imports.namespaces.has(node.object.name) &&
    node.property.name === JS_SDK.gladiaClient
  );
}

/** The Gladia type a type name refers to: `PreRecordedV2Response`, an alias of it, or `ns.X`. */
export function gladiaTypeName(imports: GladiaSdkImports, typeName: Node | null | undefined): string | undefined {
  if (!typeName) return undefined;
  if (typeName.type === "Identifier") {
    if (imports.clientClass.has(typeName.name)) return JS_SDK.gladiaClient;
    return imports.types.get(typeName.name);
  }
  if (typeName.type === "TSQualifiedName" && typeName.left.type === "Identifier" && imports.namespaces.has(typeName.left.name)) {
    return typeName.right.name;
  }
  return undefined;
}
