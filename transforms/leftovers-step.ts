import type { JsStep } from "./shared/context.js";
import type { AnyPath } from "./shared/ast.js";
import { hasMarker } from "./shared/markers.js";
import { findBinding } from "./shared/scope.js";
import { findLeftovers } from "./leftovers/reads.js";
import { foreignValues, isForeign } from "./leftovers/provenance.js";
import { readHints } from "../src/analysis/hints.js";
import { describeStep } from "./step-info.js";

// The safety net, last: in a file the run migrates (it names Gladia, or the type pass sent hints),
// a Gladia-only read no step could follow (the value came from somewhere the codemod cannot see)
// gets a marker, once per statement, unless the value provably comes from another API.

/**
 * One marker per statement: a statement marked already (by a step, or by this net) is not silent,
 * nor a read of a binding marked where it is declared (`const { payload } = body` of a callback).
 */
function isMarked(read: AnyPath, base: AnyPath): boolean {
  if (hasMarker(read)) return true;
  const binding = base.node.type === "Identifier" ? findBinding(base, base.node.name) : undefined;
  return binding !== undefined && isVariable(binding.id) && hasMarker(binding.id);
}

const PATTERN_PARTS = new Set(["ObjectProperty", "Property", "ObjectPattern", "ArrayPattern", "AssignmentPattern", "RestElement"]);

/** Declared by `const`/`let`/`var` (a parameter's marker would be on its whole function). */
function isVariable(id: AnyPath): boolean {
  let current = id.parent;
  while (current && PATTERN_PARTS.has(current.node.type)) current = current.parent;
  return current?.node.type === "VariableDeclarator";
}

export const leftoversStep: JsStep = {
  name: "leftovers",
  description: describeStep("leftovers"),
  run(ctx) {
    // With the adapter strategy results keep Gladia's shape: these reads are right as they are.
    if (ctx.options.strategy !== "native") return false;
    if (!/gladia/i.test(ctx.source) && !readHints(ctx.options.hints)) return false;
    const leftovers = findLeftovers(ctx);
    if (leftovers.length === 0) return false;
    const foreign = foreignValues(ctx);
    for (const { read, base, rule } of leftovers) {
      if (!isForeign(foreign, base) && !isMarked(read, base)) ctx.mark(read, rule);
    }
    return false;
  },
};
