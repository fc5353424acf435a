import type { JsStep } from "../shared/context.js";
import type { AnyPath } from "../shared/ast.js";
import { locate } from "../shared/hint-locations.js";
import { rewriteTypedReads } from "../shared/typed-reads.js";
import type { HintLevel } from "../../src/analysis/hints.js";
import { rewriteDeclaration } from "./declarations.js";
import { readHints } from "../../src/analysis/hints.js";
import { describeStep } from "../step-info.js";
import { createNamer } from "../shared/assemblyai-names.js";
import { importAssemblyaiTypes } from "../shared/assemblyai-imports.js";

// The type pass's findings for this file (see src/analysis/): reads of values whose static type
// is a Gladia job, result, transcription, utterance or word get the result mapping, and declared
// Gladia types become the `assemblyai` ones.

export const typeHintsStep: JsStep = {
  name: "types",
  description: describeStep("types"),
  run(ctx) {
    // With the adapter strategy the runtime client hands back Gladia-shaped results: reads stay.
    const hints = readHints(ctx.options.hints);
    if (!hints || ctx.options.strategy !== "native" || !/\.(ts|tsx|mts|cts)$/.test(ctx.path)) return false;
    const roots = hints.locations
      .map((location) => ({ path: locate(ctx, location), level: location.level }))
      .filter((root): root is { path: AnyPath; level: HintLevel } => !!root.path);
    const declarations = hints.declarations
      .map((hint) => ({ hint, name: locate(ctx, hint) }))
      .filter((d): d is { hint: typeof d.hint; name: AnyPath } => !!d.name);
    const changed = rewriteTypedReads(ctx, roots);
    const namer = createNamer(ctx);
    const used = declarations.map(({ hint, name }) => rewriteDeclaration(ctx, name, hint, namer)).filter((t): t is string => !!t);
    if (used.length > 0) importAssemblyaiTypes(ctx, [...new Set(used)], namer);
    return changed || used.length > 0;
  },
};
