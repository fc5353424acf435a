import type { JsContext } from "./context.js";
import { JS_SDK } from "../../src/mapping/sdk.js";
import { findNodes } from "./find.js";

// Local names for `assemblyai` exports: the export's own name unless the file already uses it for
// something else (then `AssemblyAI<Name>`), and reuse of what the file already imports from it.

type Node = { type: string; [key: string]: any };

/** `assemblyai` export → local name, from imports the file already has. */
export function existingAssemblyaiImports(ctx: JsContext): Map<string, string> {
  const { j, root } = ctx;
  const names = new Map<string, string>();
  findNodes(root, j.ImportDeclaration).forEach((p) => {
    if ((p.node.source as Node).value !== JS_SDK.assemblyaiPackage) return;
    for (const specifier of (p.node.specifiers ?? []) as Node[]) {
      if (specifier.type === "ImportSpecifier") names.set(specifier.imported.name, specifier.local?.name ?? specifier.imported.name);
    }
  });
  return names;
}

export function createNamer(ctx: JsContext): (exported: string) => string {
  const existing = existingAssemblyaiImports(ctx);
  const used = new Set<string>();
  findNodes(ctx.root, ctx.j.Identifier).forEach((p) => {
    used.add((p.node as Node).name);
  });
  const chosen = new Map<string, string>();
  return (exported) => {
    const known = existing.get(exported) ?? chosen.get(exported);
    if (known) return known;
    const name = !used.has(exported) ? exported : exported === JS_SDK.assemblyaiClient ? "AssemblyAIClient" : `AssemblyAI${exported}`;
    chosen.set(exported, name);
    return name;
  };
}
