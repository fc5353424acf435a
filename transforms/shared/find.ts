import { createRequire } from "node:module";
import jscodeshift, { type ASTPath, type Collection } from "jscodeshift";
import type { Type } from "ast-types/lib/types.js";
import type { AnyNode, AnyPath } from "./ast.js";
import { scopeCache } from "./read-only.js";

// `findNodes(from, j.X, filter)` is jscodeshift's `from.find(j.X, filter)`, about five times
// faster: the same walk (ast-types' `PathVisitor`: the same fields in the same order, missing
// fields filled with their defaults as it does) over the nodes themselves, where ast-types builds
// a visitor and a NodePath for every node it passes. A path is built, through the same cached
// `path.get(…)` calls, only for a node that matches, so the result holds the very NodePath objects
// `find` returns, in the same order.
// Outside a read-only scope (read-only.ts) every call walks the tree as it is now. Inside one, the
// first call walks the whole tree once into an index (every object the walk passes, in its order,
// and the nodes per type) and later calls read their answer from it: the tree cannot change there.

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

/**
 * Walks the objects below `start` (not `start` itself) in ast-types' order, calling `onVisit` with
 * each one, its field name or index, and the depth (1 for `start`'s children).
 */
function walkValues(start: AnyNode, onVisit: (value: AnyNode, name: string | number, depth: number) => void): void {
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
    for (const name of fieldNames(value)) {
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
    onVisit(value, name, depth);
    visitChildren(value, depth);
  };
  if (start !== null && typeof start === "object") visitChildren(start, 0);
}

/** Pushes onto `found` the paths below `start` (not `start` itself) whose node matches, in pre-order. */
function walk(start: AnyPath, isOfType: (nodeType: string) => boolean, filter: unknown, found: AnyPath[]): void {
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
  walkValues(start.value, (value, name, depth) => {
    names[depth] = name;
    values[depth] = value;
    paths[depth] = undefined;
    if (typeof value.type === "string" && isOfType(value.type) && (!filter || matchNode(value, filter))) found.push(pathAt(depth));
  });
}

/**
 * One walk of a whole tree (from its top path): every object visited, in order, with its field
 * name, its parent entry (-1: the top), the end of its subtree, and its path once built.
 */
interface TreeIndex {
  top: AnyPath;
  values: AnyNode[];
  names: (string | number)[];
  parents: number[];
  ends: number[];
  paths: (AnyPath | undefined)[];
  /** Entries per node type, in order. */
  byType: Map<string, number[]>;
  /** Entries per queried type (the node types that match it, merged in order). */
  byQuery: Map<string, number[]>;
  /** The entry of each object, made on the first query from below the top; -1 for an object met twice (a query from it walks). */
  entryOf?: Map<object, number>;
}

function buildIndex(top: AnyPath): TreeIndex {
  const index: TreeIndex = { top, values: [], names: [], parents: [], ends: [], paths: [], byType: new Map(), byQuery: new Map() };
  const open: number[] = []; // the entries on the chain to the current one, by depth - 1
  walkValues(top.value, (value, name, depth) => {
    const entry = index.values.length;
    while (open.length >= depth) index.ends[open.pop()!] = entry;
    index.values.push(value);
    index.names.push(name);
    index.parents.push(depth === 1 ? -1 : open[open.length - 1]);
    index.paths.push(undefined);
    index.ends.push(-1);
    open.push(entry);
    if (typeof value.type === "string") {
      const list = index.byType.get(value.type);
      if (list) list.push(entry);
      else index.byType.set(value.type, [entry]);
    }
  });
  for (const entry of open) index.ends[entry] = index.values.length;
  return index;
}

function indexPath(index: TreeIndex, entry: number): AnyPath {
  let path = index.paths[entry];
  if (path === undefined) {
    const parent = index.parents[entry];
    path = childPath(parent === -1 ? index.top : indexPath(index, parent), index.names[entry], index.values[entry]);
    index.paths[entry] = path;
  }
  return path;
}

function entriesOfType(index: TreeIndex, typeName: string, isOfType: (nodeType: string) => boolean): number[] {
  let entries = index.byQuery.get(typeName);
  if (!entries) {
    const lists = [...index.byType].filter(([nodeType]) => isOfType(nodeType)).map(([, list]) => list);
    entries = lists.length === 1 ? lists[0] : lists.flat().sort((a, b) => a - b);
    index.byQuery.set(typeName, entries);
  }
  return entries;
}

/** The first position in `sorted` whose value is >= `value`. */
function lowerBound(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * `walk` answered from the index: the entries between `start`'s and the end of its subtree. False
 * when `start` is not a path of the indexed tree (then the caller walks).
 */
function findInIndex(index: TreeIndex, start: AnyPath, typeName: string, isOfType: (nodeType: string) => boolean, filter: unknown, found: AnyPath[]): boolean {
  let from = 0;
  let to = index.values.length;
  if (start !== index.top) {
    if (!index.entryOf) {
      const entryOf = new Map<object, number>();
      index.values.forEach((value, entry) => entryOf.set(value, entryOf.has(value) ? -1 : entry));
      index.entryOf = entryOf;
    }
    const entry = index.entryOf.get(start.value);
    if (entry === undefined || entry === -1 || indexPath(index, entry) !== start) return false;
    from = entry + 1;
    to = index.ends[entry];
  }
  const entries = entriesOfType(index, typeName, isOfType);
  for (let i = lowerBound(entries, from); i < entries.length && entries[i] < to; i++) {
    const entry = entries[i];
    if (!filter || matchNode(index.values[entry], filter)) found.push(indexPath(index, entry));
  }
  return true;
}

function topOf(path: AnyPath): AnyPath {
  let top = path;
  while (top.parentPath) top = top.parentPath;
  return top;
}

/** Tests: the tree indexed in a read-only scope must hold the same objects in the same places at its end. */
function checkUnchanged(indexes: Map<AnyPath, TreeIndex>): void {
  for (const [top, index] of indexes) {
    const now = buildIndex(top);
    const same = now.values.length === index.values.length && now.values.every((value, i) => (typeof value.type !== "string" || value === index.values[i]) && now.names[i] === index.names[i]);
    if (!same) throw new Error("findNodes: the tree changed inside a read-only scope");
  }
}

const INDEXES = {};

/** `from.find(type, filter)` (jscodeshift), for a collection or a single path. */
export function findNodes<T>(from: Collection<any> | ASTPath<any>, type: Type<T>, filter?: object | ((node: T) => boolean)): Collection<T> {
  // ast-types visits comments only for a visitor of comment types: not supported here.
  const isOfType = matcherFor(type.toString());
  if (isOfType("Block") || isOfType("Line")) throw new Error(`findNodes: comment types are not supported (${type})`);
  const starts: AnyPath[] = "paths" in from ? from.paths() : [from];
  const indexes = scopeCache(INDEXES, () => new Map<AnyPath, TreeIndex>(), checkUnchanged);
  const found: AnyPath[] = [];
  for (const start of starts) {
    if (!indexes) {
      walk(start, isOfType, filter, found);
      continue;
    }
    // Only a whole file is indexed (a small detached tree, e.g. `j(node)`, is walked once anyway).
    const top = topOf(start);
    let index = indexes.get(top);
    if (!index && top.value?.type === "File") indexes.set(top, (index = buildIndex(top)));
    if (!index || !findInIndex(index, start, type.toString(), isOfType, filter, found)) walk(start, isOfType, filter, found);
  }
  return fromPaths<T>(found, "paths" in from ? from : undefined, type);
}
