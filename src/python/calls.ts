import type { PyNode } from "./parse.js";
import { callArgs } from "./nodes.js";

// Who calls a module-level function of this file, and what each call passes for one parameter:
// lets a value (a request body) be followed from the call sites into the function.

export interface Parameter {
  name: string;
  /** Position in a call, or -1 for a keyword-only parameter (after `*` / `*args`). */
  index: number;
  default?: PyNode;
  /** `*args` / `**kwargs`. */
  splat: boolean;
}

const NAMED_PARAMETERS = new Set(["typed_parameter", "default_parameter", "typed_default_parameter"]);
const SPLAT_PARAMETERS = new Set(["list_splat_pattern", "dictionary_splat_pattern"]);

function parameterName(node: PyNode): string {
  if (node.kind() === "identifier") return node.text();
  return node.field("name")?.text() ?? node.namedChildren().find((c) => c.kind() === "identifier")?.text() ?? "";
}

/** The parameters of a `def`, in order (`/` and `*` separators skipped). */
export function parametersOf(def: PyNode): Parameter[] {
  const out: Parameter[] = [];
  let keywordOnly = false;
  for (const node of def.field("parameters")?.namedChildren() ?? []) {
    const kind = node.kind() as string;
    if (kind === "keyword_separator") keywordOnly = true;
    if (kind !== "identifier" && !NAMED_PARAMETERS.has(kind) && !SPLAT_PARAMETERS.has(kind)) continue;
    const splat = SPLAT_PARAMETERS.has(kind);
    const value = kind.includes("default") ? node.field("value") : null;
    out.push({ name: parameterName(node), index: keywordOnly || splat ? -1 : out.length, splat, ...(value ? { default: value } : {}) });
    if (splat) keywordOnly = true;
  }
  return out;
}

/** A plain `def` at module level (not a method, not nested, not decorated: a decorator may call it its own way). */
export function isModuleFunction(def: PyNode): boolean {
  return def.kind() === "function_definition" && def.parent()?.kind() === "module";
}

/** Is `identifier` a use of a name (not an attribute of something else, a keyword name or a `def` name)? */
function isNameUse(identifier: PyNode): boolean {
  const parent = identifier.parent();
  if (!parent) return true;
  const is = (field: string) => parent.field(field)?.id() === identifier.id();
  if (parent.kind() === "attribute") return !is("attribute");
  if (parent.kind() === "keyword_argument") return !is("name");
  if (parent.kind() === "function_definition" || parent.kind() === "class_definition") return !is("name");
  return true;
}

/**
 * Every call of a module-level function in the file, or undefined when its name is used any other
 * way (passed as a value, rebound, imported over): then its callers are not all known.
 */
export function callSitesOf(root: PyNode, def: PyNode): PyNode[] | undefined {
  const name = def.field("name")?.text();
  if (!name || !isModuleFunction(def)) return undefined;
  const calls: PyNode[] = [];
  for (const use of root.findAll({ rule: { kind: "identifier", regex: `^${name}$` } }).filter(isNameUse)) {
    const call = use.parent();
    if (call?.kind() !== "call" || call.field("function")?.id() !== use.id()) return undefined;
    calls.push(call);
  }
  return calls;
}

/** What `call` passes for `parameter`: the argument, else the default; undefined when not provable (`*args` at the call). */
export function argumentFor(call: PyNode, parameter: Parameter): PyNode | undefined {
  if (parameter.splat) return undefined;
  const { positional, keywords, splat } = callArgs(call);
  if (splat) return undefined;
  if (parameter.index >= 0 && parameter.index < positional.length) return positional[parameter.index];
  return keywords.get(parameter.name) ?? parameter.default;
}
