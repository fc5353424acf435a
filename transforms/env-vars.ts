import type { JsContext, JsStep } from "./shared/context.js";
import { ENV_VAR_RE, ENV_VAR_RENAMES, renameEnvVar } from "../src/mapping/transport.js";
import { describeStep } from "./step-info.js";
import type { Collection } from "jscodeshift";
import { findEach } from "./shared/find.js";

// `process.env.GLADIA_API_KEY`, `import.meta.env.VITE_GLADIA_API_KEY`, `process.env["GLADIA_API_KEY"]`,
// and destructuring `const { GLADIA_API_KEY } = process.env` get the AssemblyAI names.

function newName(name: string): string | undefined {
  const renamed = ENV_VAR_RENAMES[name] ?? renameEnvVar(name);
  return renamed === name ? undefined : renamed;
}

function isEnvObject(node: { type: string; [k: string]: any }): boolean {
  // process.env / import.meta.env / Deno.env-like `<x>.env`
  return node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier" && node.property.name === "env";
}

/** `<x>.env.NAME` / `<x>.env["NAME"]`, or `const { … } = <x>.env`. */
function readsEnv(node: { type: string; [k: string]: any }): boolean {
  return node.type === "VariableDeclarator" ? node.id.type === "ObjectPattern" && !!node.init && isEnvObject(node.init) : isEnvObject(node.object);
}

/** `members`: reads on `<x>.env` (see readsEnv). */
function renameMemberReads(ctx: JsContext, members: Collection<any>): boolean {
  const { j } = ctx;
  let changed = false;
  members.forEach((path) => {
    const node = path.node as any;
    if (!node.computed && node.property.type === "Identifier") {
      const renamed = newName(node.property.name);
      if (renamed) {
        node.property = j.identifier(renamed);
        changed = true;
      }
    } else if (node.computed && typeof node.property.value === "string") {
      const renamed = newName(node.property.value);
      if (renamed) {
        node.property = j.stringLiteral(renamed);
        changed = true;
      }
    }
  });
  return changed;
}

/** `declarators`: `const { … } = <x>.env` (see readsEnv). */
function renameDestructured(ctx: JsContext, declarators: Collection<any>): boolean {
  const { j } = ctx;
  let changed = false;
  declarators.forEach((path) => {
    const node = path.node as any;
    for (const prop of node.id.properties) {
      if (prop.type !== "ObjectProperty" && prop.type !== "Property") continue;
      if (prop.key.type !== "Identifier") continue;
      const renamed = newName(prop.key.name);
      if (!renamed) continue;
      const local = prop.value.type === "Identifier" ? prop.value.name : undefined;
      // Keep the local name the rest of the file uses: `{ ASSEMBLYAI_API_KEY: GLADIA_API_KEY }`.
      prop.key = j.identifier(renamed);
      prop.shorthand = false;
      if (local === undefined) continue;
      prop.value = j.identifier(local);
      changed = true;
    }
  });
  return changed;
}

export const envVarsStep: JsStep = {
  name: "env-vars",
  description: describeStep("env-vars"),
  run(ctx) {
    if (!ENV_VAR_RE.test(ctx.source) && !Object.keys(ENV_VAR_RENAMES).some((k) => ctx.source.includes(k))) return false;
    ENV_VAR_RE.lastIndex = 0;
    // One walk for both: renaming a member read only swaps its key (a name or a string literal,
    // built complete) for another, which adds or removes no declarator.
    // Only reads on `<x>.env` are kept (no path is built for the others); a rename never makes or
    // unmakes one, so testing it in the walk is testing it when renaming.
    const [memberReads, declarators] = findEach(ctx.root, [ctx.j.MemberExpression, ctx.j.VariableDeclarator], readsEnv);
    const members = renameMemberReads(ctx, memberReads);
    const destructured = renameDestructured(ctx, declarators);
    return members || destructured;
  },
};
