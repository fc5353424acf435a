import type { ASTPath } from "jscodeshift";
import type { JsContext, JsStep } from "./shared/context.js";
import { JS_SDK, JS_SDK_ADAPTER } from "../src/mapping/sdk.js";
import { describeStep } from "./step-info.js";
import { setStringValue } from "./shared/literals.js";
import { findNodes } from "./shared/find.js";

// `--strategy adapter`: every place that names the module "@gladiaio/sdk" (import/export, type
// import, require, dynamic import, `import x = require()`, `import("…").T` types, test mocks) names
// "gladia-to-assemblyai/runtime" instead. Nothing else in the file changes.

type Node = { type: string; [key: string]: any };

const isStringLiteral = (node: Node) => node.type === "StringLiteral" || (node.type === "Literal" && typeof node.value === "string");

/** `require`, `jest.mock`, … as the dotted name of a callee. */
function calleeName(callee: Node): string | undefined {
  if (callee.type === "Identifier") return callee.name;
  if (callee.type === "MemberExpression" && !callee.computed && callee.object.type === "Identifier" && callee.property.type === "Identifier") {
    return `${callee.object.name}.${callee.property.name}`;
  }
  return undefined;
}

/** Is `node` (a string literal) the module name of its parent? */
const MODULE_POSITIONS: Record<string, (parent: Node, node: Node) => boolean> = {
  ImportDeclaration: (parent, node) => parent.source === node,
  ExportNamedDeclaration: (parent, node) => parent.source === node,
  ExportAllDeclaration: (parent, node) => parent.source === node,
  ImportExpression: (parent, node) => parent.source === node,
  TSExternalModuleReference: (parent, node) => parent.expression === node,
  TSImportType: (parent, node) => parent.argument === node,
  TSLiteralType: (parent, node) => parent.literal === node, // `import("…")` type argument in newer Babel ASTs
  CallExpression: (parent, node) =>
    parent.arguments[0] === node &&
    (parent.callee.type === "Import" || (JS_SDK_ADAPTER.moduleCalls as readonly string[]).includes(calleeName(parent.callee) ?? "")),
};

function isModuleName(path: ASTPath): boolean {
  const parent = path.parent?.node as Node | undefined;
  return parent !== undefined && MODULE_POSITIONS[parent.type]?.(parent, path.node as Node) === true;
}

/** Names an import/export takes from the module that the runtime client does not provide. */
function unsupportedNames(declaration: Node): string[] {
  const names = (declaration.specifiers ?? []).map((s: Node) => s.imported?.name ?? s.local?.name ?? s.exported?.name);
  return names.filter((name: string | undefined) => name !== undefined && JS_SDK_ADAPTER.unsupportedName.test(name));
}

/** Local names of `GladiaClient`: import specifiers and `const { GladiaClient: X } = require(…)`. */
function clientNames(ctx: JsContext): Set<string> {
  const { j, root } = ctx;
  const names = new Set<string>([JS_SDK.gladiaClient]);
  findNodes(root, j.ImportSpecifier).forEach((path) => {
    const node = path.node as Node;
    if (node.imported.name === JS_SDK.gladiaClient) names.add(node.local?.name ?? node.imported.name);
  });
  findNodes(root, j.ObjectPattern).forEach((path) => {
    for (const property of (path.node as Node).properties as Node[]) {
      if (property.key?.name === JS_SDK.gladiaClient && property.value?.type === "Identifier") names.add(property.value.name);
    }
  });
  return names;
}

/** `new GladiaClient(…)` (or `new ns.GladiaClient(…)`) under any of its local names. */
function isNewClient(node: Node | null | undefined, names: Set<string>): boolean {
  if (node?.type !== "NewExpression") return false;
  const callee = node.callee as Node;
  return (callee.type === "Identifier" && names.has(callee.name)) || (callee.type === "MemberExpression" && callee.property?.name === JS_SDK.gladiaClient);
}

/** Calls of `live()` / `liveV2()` on a Gladia client built in this file. */
function findLiveCalls(ctx: JsContext): ASTPath[] {
  const { j, root } = ctx;
  const names = clientNames(ctx);
  const clients = new Set<string>();
  findNodes(root, j.VariableDeclarator).forEach((path) => {
    const node = path.node as Node;
    if (node.id.type === "Identifier" && isNewClient(node.init, names)) clients.add(node.id.name);
  });
  const isClient = (node: Node) => (node.type === "Identifier" && clients.has(node.name)) || isNewClient(node, names);
  return findNodes(root, j.CallExpression)
    .filter((path) => {
      const callee = path.node.callee as Node;
      return callee.type === "MemberExpression" && (JS_SDK.liveFactories as readonly string[]).includes(callee.property?.name) && isClient(callee.object);
    })
    .paths();
}

/** New module name, keeping the literal's original quotes. */
function findModuleNames(ctx: JsContext): ASTPath[] {
  const { j, root } = ctx;
  return findNodes(root, j.Literal) // StringLiteral too (a Literal subtype in ast-types)
    .filter((path) => isStringLiteral(path.node as Node) && (path.node as Node).value === JS_SDK.gladiaPackage && isModuleName(path))
    .paths();
}

function pointAtRuntime(ctx: JsContext, moduleNames: ASTPath[]): boolean {
  for (const path of moduleNames) {
    setStringValue(path.node as Node, JS_SDK_ADAPTER.runtimeModule);
    ctx.note("sdk-adapter", path);
  }
  return moduleNames.length > 0;
}

/**
 * Live transcription is not in the runtime client: a file that uses it (a `live()` call or a
 * `LiveV2*` import) keeps `@gladiaio/sdk` everywhere, so one client never mixes both, and each use
 * gets a marker.
 */
function keepGladiaForLive(ctx: JsContext, moduleNames: ASTPath[]): boolean {
  const liveCalls = findLiveCalls(ctx);
  const liveImports = moduleNames.filter((path) => unsupportedNames(path.parent.node as Node).length > 0);
  for (const path of liveCalls.length > 0 ? liveCalls : liveImports) ctx.mark(path, "sdk-live");
  return liveCalls.length > 0 || liveImports.length > 0;
}

export const sdkAdapterStep: JsStep = {
  name: "sdk-adapter",
  description: describeStep("sdk-adapter"),
  run(ctx) {
    if (ctx.options.strategy !== "adapter" || !ctx.source.includes(JS_SDK.gladiaPackage)) return false;
    const moduleNames = findModuleNames(ctx);
    if (keepGladiaForLive(ctx, moduleNames)) return false;
    const changed = pointAtRuntime(ctx, moduleNames);
    if (changed) ctx.shared.set("sdk-adapter", true);
    return changed;
  },
};
