import type { JsContext } from "./context.js";
import type { AnyNode, AnyPath } from "./ast.js";
import { appendStatement, parseStatement, prependStatement, quoteString, styleOf } from "./print.js";
import { createNamer } from "./assemblyai-names.js";
import { findNodes } from "./find.js";

// Type-only names from "assemblyai" for code that now uses them: added to the file's `assemblyai`
// import when there is one, else a new `import type { … } from "assemblyai"` after the imports.

const PACKAGE = "assemblyai";

function assemblyaiImport(ctx: JsContext): AnyPath | undefined {
  return findNodes(ctx.root, ctx.j.ImportDeclaration).filter((p: AnyPath) => p.node.source.value === PACKAGE).paths()[0];
}

/**
 * Import the `assemblyai` types `exported` under the local names `name` gives them (call last:
 * the new import statement is parsed with its neighbour, which replaces that neighbour's node).
 */
export function importAssemblyaiTypes(ctx: JsContext, exported: string[], name = createNamer(ctx)): void {
  const locals = new Map(exported.map((e) => [e, name(e)]));
  const existing = assemblyaiImport(ctx);
  const specifiers: AnyNode[] = existing?.node.specifiers ?? [];
  const missing = exported.filter((e) => !specifiers.some((s) => s.type === "ImportSpecifier" && s.imported.name === e));
  if (missing.length === 0) return;
  if (existing) {
    for (const e of missing) {
      const specifier = ctx.j.importSpecifier(ctx.j.identifier(e), ctx.j.identifier(locals.get(e)!)) as AnyNode;
      if (existing.node.importKind !== "type") specifier.importKind = "type";
      specifiers.push(specifier);
    }
    return;
  }
  const list = missing.map((e) => (locals.get(e) === e ? e : `${e} as ${locals.get(e)}`)).join(", ");
  const code = `import type { ${list} } from ${quoteString(PACKAGE, styleOf(ctx))};`;
  const imports = findNodes(ctx.root, ctx.j.ImportDeclaration).paths();
  if (imports.length > 0) return appendStatement(ctx, imports[imports.length - 1], code);
  const body = ctx.root.get("program", "body");
  if (body.value.length === 0) body.value.push(parseStatement(ctx, code));
  else prependStatement(ctx, body.get(0), code);
}
