import type { JsStep } from "../shared/context.js";
import type { AnyPath } from "../shared/ast.js";
import { locate } from "../shared/hint-locations.js";
import { rewriteTypedReads, type TypedLevel, type TypedRoot } from "../shared/typed-reads.js";
import { rewriteDeclaration } from "./declarations.js";
import { readHints } from "../../src/analysis/hints.js";
import { describeStep } from "../step-info.js";
import { createNamer } from "../shared/assemblyai-names.js";
import { importAssemblyaiTypes } from "../shared/assemblyai-imports.js";
import { dropResultUrlField } from "./created.js";

// The type pass's findings for this file (see src/analysis/): reads of values whose static type
// is a Gladia job, result, transcription, utterance or word get the result mapping, and declared
// Gladia types become the `assemblyai` ones. Plain JS files get hints too (a parameter that receives
// a Gladia value from another file). `result_url` reads of a create response: see http-polling.

export const typeHintsStep: JsStep = {
  name: "types",
  description: describeStep("types"),
  run(ctx) {
    // With the adapter strategy the runtime client hands back Gladia-shaped results: reads stay.
    const hints = readHints(ctx.options.hints);
    if (!hints || ctx.options.strategy !== "native") return false;
    const roots = hints.locations
      .filter((location) => location.level !== "create")
      .map((location) => ({ path: locate(ctx, location), level: location.level as TypedLevel }))
      .filter((root): root is TypedRoot => !!root.path);
    const declarations = hints.declarations
      .map((hint) => ({ hint, name: locate(ctx, hint) }))
      .filter((d): d is { hint: typeof d.hint; name: AnyPath } => !!d.name);
    let changed = rewriteTypedReads(ctx, roots);
    for (const { name } of declarations.filter((d) => d.hint.level === "create")) changed = dropResultUrlField(ctx, name) || changed;
    const namer = createNamer(ctx);
    const used = declarations
      .filter((d) => d.hint.level !== "create")
      .map(({ hint, name }) => rewriteDeclaration(ctx, name, hint, namer))
      .filter((t): t is string => !!t);
    if (used.length > 0) importAssemblyaiTypes(ctx, [...new Set(used)], namer);
    return changed || used.length > 0;
  },
};
