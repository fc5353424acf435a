import { createRequire } from "node:module";
import jscodeshift, { type ASTPath, type Collection } from "jscodeshift";
import type { Type } from "ast-types/lib/types.js";
import type { AnyNode, AnyPath } from "./ast.js";

// `findNodes(from, j.X, filter)` is jscodeshift's `from.find(j.X, filter)`, about five times
// faster: the same walk (ast-types' `PathVisitor`: the same fields in the same order, missing
// fields filled with their defaults as it does) over the nodes themselves, where ast-types builds
// a visitor and a NodePath for every node it passes. A path is built, through the same cached
// `path.get(…)` calls, only for a node that matches, so the result holds the very NodePath objects
// `find` returns, in the same order. No cache: every call walks the tree as it is now.

const require = createRequire(import.meta.url);
const { fromPaths } = require("jscodeshift/src/Collection") as { fromPaths: <T>(paths: AnyPath[], parent?: unknown, type?: unknown) => Collection<T> };
const matchNode = require("jscodeshift/src/matchNode") as (node: unknown, filter: unknown) => boolean;

const types = jscodeshift.types;
const hasOwn = Object.prototype.hasOwnProperty;

/** Field names per node type, as ast-types visits them (objects with no `type`: their own keys). */
const FIELDS = new Map<string, string[]>();
function fieldNames(value: AnyNode): string[] {
  if (typeof value.type !== "string") return types.getFieldNames(value);
  let names = FIELDS.get(value.type);
  if (!names) FIELDS.set(value.type, (names = types.getFieldNames(value)));
  return names;
}

/** Per type name: does a node of a given type match it (itself or one of its supertypes)? Cached. */
const MATCHES = new Map<string, Map<string, boolean>>();
function matcherFor(typeName: string): (nodeType: string) => boolean {
  let byType = MATCHES.get(typeName);
  if (!byType) MATCHES.set(typeName, (byType = new Map()));
  const known = byType;
  return (nodeType) => {
    let matches = known.get(nodeType);
    if (matches === undefined) known.set(nodeType, (matches = nodeType === typeName || supertypesOf(nodeType).includes(typeName)));
    return matches;
  };
}

/** An unknown node type matches nothing (ast-types then throws on its fields, as `find` does). */
function supertypesOf(nodeType: string): string[] {
  try {
    return types.getSupertypeNames(nodeType);
  } catch {
    return [];
  }
}

const isPlainObject = (value: unknown) => Object.prototype.toString.call(value) === "[object Object]";

/**
 * `parent.get(name)` when the child's value is known: ast-types keeps a path per child in
 * `__childCache` and makes a new one only when the cached one holds another value (getChildPath).
 */
function childPath(parent: AnyPath, name: string | number, value: AnyNode): AnyPath {
  const cached = (parent as { __childCache?: Record<string | number, AnyPath> }).__childCache?.[name];
  return cached !== undefined && cached.value === value ? cached : parent.get(name);
}

/** One search of a walk: its type test, its filter, the paths it found so far. */
interface Search {
  isOfType: (nodeType: string) => boolean;
  filter: unknown;
  found: AnyPath[];
}

/** Pushes onto each search's `found` the paths below `start` (not `start` itself) it matches, in pre-order. */
function walk(start: AnyPath, searches: Search[]): void {
  // The chain from `start` down to the node being visited: field names, and paths built lazily
  // (entries up to the current depth are always those of the current chain).
  const names: (string | number)[] = [];
  const values: AnyNode[] = [start.value];
  const paths: (AnyPath | undefined)[] = [start];
  const pathAt = (depth: number): AnyPath => {
    let d = depth;
    while (paths[d] === undefined) d--;
    for (d++; d <= depth; d++) paths[d] = childPath(paths[d - 1]!, names[d], values[d]);
    return paths[depth]!;
  };
  const visitChildren = (value: AnyNode, depth: number): void => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const child = value[i];
        if (child !== null && typeof child === "object" && hasOwn.call(value, i)) visit(child, i, depth + 1);
      }
      return;
    }
    // A node (a `type`) is a plain object; any other object is visited only if plain.
    if (typeof value.type !== "string" && !isPlainObject(value)) return;
    // Indexed loops here and in `visit`: this runs for every node of every walk, mostly still
    // interpreted in a cold process, where `for…of` (an iterator per loop) costs several times more.
    const fields = fieldNames(value);
    for (let f = 0; f < fields.length; f++) {
      const name = fields[f];
      let child = value[name];
      if (child === undefined) {
        // ast-types fills a missing field with its default before visiting it (it fills them all
        // first: the same, as a child never reads its parent's fields), and visits the default.
        if (!hasOwn.call(value, name)) value[name] = types.getFieldValue(value, name);
        child = value[name] === undefined ? types.getFieldValue(value, name) : value[name];
      }
      if (child !== null && typeof child === "object") visit(child, name, depth + 1);
    }
  };
  const visit = (value: AnyNode, name: string | number, depth: number): void => {
    names[depth] = name;
    values[depth] = value;
    paths[depth] = undefined;
    const type = value.type;
    if (typeof type === "string") {
      for (let s = 0; s < searches.length; s++) {
        const search = searches[s];
        if (search.isOfType(type) && (!search.filter || matchNode(value, search.filter))) search.found.push(pathAt(depth));
      }
    }
    visitChildren(value, depth);
  };
  if (start.value !== null && typeof start.value === "object") visitChildren(start.value, 0);
}

/** `from.find(type, filter)` (jscodeshift), for a collection or a single path. */
export function findNodes<T>(from: Collection<any> | ASTPath<any>, type: Type<T>, filter?: object | ((node: T) => boolean)): Collection<T> {
  return findEach(from, [type], filter)[0] as Collection<T>;
}

/**
 * `findNodes(from, type)` for each of `types`, in one walk: for a step that reads the tree without
 * changing it between those searches. The same collections, in the order of `types`.
 */
export function findEach(from: Collection<any> | ASTPath<any>, types: Type<any>[], filter?: object | ((node: any) => boolean)): Collection<any>[] {
  const searches: Search[] = types.map((type) => {
    // ast-types visits comments only for a visitor of comment types: not supported here.
    const isOfType = matcherFor(type.toString());
    if (isOfType("Block") || isOfType("Line")) throw new Error(`findNodes: comment types are not supported (${type})`);
    return { isOfType, filter, found: [] };
  });
  const starts: AnyPath[] = "paths" in from ? from.paths() : [from];
  for (const start of starts) walk(start, searches);
  return searches.map(({ found }, i) => fromPaths(found, "paths" in from ? from : undefined, types[i]));
}
