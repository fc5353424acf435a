import type { JsContext } from "../shared/context.js";
import type { SdkFile } from "./model.js";
import { bindingOf, getReferences } from "../shared/scope.js";
import { JS_SDK, JS_SDK_METHODS } from "../../src/mapping/sdk.js";
import { findNodes } from "../shared/find.js";

// A client or sub-client that leaves the file's own calls (exported, passed, stored elsewhere) is
// now an AssemblyAI client, and code we do not see may still call Gladia methods on it. In
// TypeScript the type pass follows it across files; in JavaScript it gets a marker.

type Node = { type: string; [key: string]: any };

const METHODS: Record<string, readonly string[]> = {
  client: [...JS_SDK.preRecordedFactories],
  prerecorded: Object.keys(JS_SDK_METHODS),
};

/** `ref.method(…)` with a method of its kind, or the init of a variable that is itself tracked. */
function isKnownUse(sdk: SdkFile, ref: { node: Node; parent: any }, kind: string): boolean {
  const parent = ref.parent.node as Node;
  if (parent.type === "MemberExpression" && parent.object === ref.node && !parent.computed) {
    return METHODS[kind].includes(parent.property.name) && ref.parent.parent?.node.type === "CallExpression";
  }
  return parent.type === "VariableDeclarator" && parent.init === ref.node && sdk.receivers.bindings.has(parent.id);
}

/** `export const client = …` (the declarator's statement is an export). */
function isExportedDeclaration(id: { parent: any }): boolean {
  return id.parent?.parent?.parent?.node.type === "ExportNamedDeclaration";
}

export function markEscapes(ctx: JsContext, sdk: SdkFile): void {
  if (sdk.typescript) return;
  findNodes(ctx.root, ctx.j.Identifier).forEach((path) => {
    const kind = sdk.receivers.bindings.get(path.node as Node);
    if (kind !== "client" && kind !== "prerecorded") return;
    const binding = bindingOf(path);
    if (!binding || binding.id.node !== path.node) return;
    if (isExportedDeclaration(path)) ctx.mark(path, "sdk-client-escapes");
    for (const ref of getReferences(ctx.j, binding)) {
      if (!isKnownUse(sdk, ref as any, kind)) ctx.mark(ref, "sdk-client-escapes");
    }
  });
}
