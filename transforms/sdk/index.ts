import type { JsContext, JsStep } from "../shared/context.js";
import type { SdkFile } from "./model.js";
import { collectReceivers, type ReceiverKind } from "./receivers.js";
import { readHints } from "../../src/analysis/hints.js";
import { locate } from "../shared/hint-locations.js";
import { findGladiaImports, hasGladiaImports } from "./imports.js";
import { markLiveUse, rewriteConstructors, unwrapFactories } from "./client.js";
import { markReexports } from "./imports.js";
import { rewriteMethodCalls } from "./calls.js";
import { collectTypedValues, mapTypedRequests, markUnmappedTypes, plannedTypeNames, renameTypeReferences } from "./types.js";
import { rewriteImports } from "./rewrite-imports.js";
import { markEscapes } from "./escapes.js";
import { createNamer } from "../shared/assemblyai-names.js";
import { rewriteTypedReads } from "../shared/typed-reads.js";
import { JS_SDK } from "../../src/mapping/sdk.js";
import { describeStep } from "../step-info.js";

// `@gladiaio/sdk` → `assemblyai` (mapping §5), in the order the edits depend on each other:
// calls are rewritten while their receivers are still recognisable, the factories and
// constructors after, then the result reads, the error checks, the type names and the imports.

function isTypeScript(path: string): boolean {
  return /\.(ts|tsx|mts|cts)$/.test(path);
}

/** SDK clients the type pass found in this file (imported from another module of the project). */
function hintedReceivers(ctx: JsContext): Map<any, ReceiverKind> {
  const receivers = readHints(ctx.options.hints)?.receivers ?? [];
  const located = receivers.map((r) => [locate(ctx, r)?.node, r.kind] as const).filter(([node]) => !!node);
  return new Map(located);
}

function createSdkFile(ctx: JsContext): SdkFile | undefined {
  const hinted = hintedReceivers(ctx);
  if (!ctx.source.includes(JS_SDK.gladiaPackage) && hinted.size === 0) return undefined;
  const imports = findGladiaImports(ctx);
  if (!hasGladiaImports(imports) && hinted.size === 0) return undefined;
  const name = createNamer(ctx);
  return {
    imports,
    receivers: collectReceivers(ctx, imports, hinted),
    typescript: isTypeScript(ctx.path),
    clientName: name(JS_SDK.assemblyaiClient),
    name,
    uses: new Map(),
    replaced: new Set(),
    mapped: new Set(),
    pending: [],
  };
}

export const sdkStep: JsStep = {
  name: "sdk",
  description: describeStep("sdk"),
  run(ctx) {
    if (ctx.options.strategy !== "native") return false;
    if (ctx.source.includes(JS_SDK.gladiaPackage)) markReexports(ctx);
    const sdk = createSdkFile(ctx);
    if (!sdk) return false;
    const typed = collectTypedValues(ctx, sdk);
    markLiveUse(ctx, sdk);
    markEscapes(ctx, sdk);
    const calls = rewriteMethodCalls(ctx, sdk);
    const requests = mapTypedRequests(ctx, sdk, typed.requests);
    const factories = unwrapFactories(ctx, sdk);
    const constructors = rewriteConstructors(ctx, sdk);
    const reads = rewriteTypedReads(ctx, typed.roots);
    for (const edit of sdk.pending) edit();
    const plan = plannedTypeNames(sdk, sdk.name, sdk.receivers.liveClients.size > 0);
    for (const local of plan.keys()) sdk.replaced.add(local);
    markUnmappedTypes(ctx, sdk, plan);
    const types = renameTypeReferences(ctx, sdk, plan);
    const changed = calls || requests || factories || constructors || reads || types;
    if (changed) rewriteImports(ctx, sdk);
    return changed;
  },
};
