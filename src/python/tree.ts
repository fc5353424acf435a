import type { NapiConfig, Range, SgNode } from "@ast-grep/napi";

// One parsed Python file as the steps read it. Every ast-grep call crosses into native code and
// returns fresh wrapper objects (freed only when JS collects them), and the steps ask the same
// nodes the same questions many times. The tree never changes (edits are text splices on the
// source), so each node is wrapped once (by id) and remembers what it was asked: its kind, range,
// text, parent, children, fields and searches, until the file is done (`PyTree.dispose`).

/**
 * The kinds the steps search for: one native search of the file finds them all (in document
 * order), and each search for some of these kinds (of the file or below a node) filters that list.
 * Speed only: a search for another kind, or with more than kinds in its rule, goes to ast-grep.
 */
const INDEXED_KINDS = new Set([
  "function_definition", "lambda", "class_definition", "import_statement", "import_from_statement",
  "assignment", "named_expression", "as_pattern", "for_statement", "for_in_clause", "expression_statement",
  "return_statement", "call", "attribute", "subscript", "string", "pair", "comparison_operator", "ERROR",
]);

const INDEX_SELECTOR = [...INDEXED_KINDS].join(", ");

/** The kinds a rule asks for when it asks only for kinds (`{kind}` or `{any: [{kind}, …]}`). */
function kindsOf(rule: NapiConfig): string[] | undefined {
  const top = rule.rule as { kind?: string; any?: { kind?: string }[] } | undefined;
  if (!top) return undefined;
  const parts = top.any ?? [top];
  const only = (part: object) => Object.keys(part).length === 1 && typeof (part as { kind?: unknown }).kind === "string";
  if (Object.keys(rule).length !== 1 || Object.keys(top).length !== 1 || !parts.every(only)) return undefined;
  return parts.map((part) => part.kind!);
}

export class PyTree {
  private readonly nodes = new Map<number, PyNode>();
  private indexed?: readonly PyNode[];
  readonly root: PyNode;

  constructor(root: SgNode) {
    this.root = this.wrap(root);
  }

  /** Every node of an indexed kind in the file, in document order; undefined when nothing parses (the root is an ERROR). */
  index(): readonly PyNode[] | undefined {
    if (this.root.kind() !== "module") return undefined;
    // One `kind` selector list (`call, string, …`) rather than `any` of 19 `{kind}` rules: the same
    // nodes in the same order, but ast-grep reads a rule object property by property across napi,
    // and the 19 objects cost more than the search itself.
    return (this.indexed ??= this.root.searchNative({ rule: { kind: INDEX_SELECTOR } }));
  }

  /**
   * Called when the file is done. The tree is garbage then anyway, but a part of it that the GC
   * already moved to the old generation would keep every young native wrapper it reaches alive,
   * and copied at each minor GC, until the next full GC: cutting the links lets them die young.
   */
  dispose(): void {
    for (const node of this.nodes.values()) node.release();
    this.nodes.clear();
    this.indexed = undefined;
  }

  wrap(sg: SgNode): PyNode;
  wrap(sg: SgNode | null): PyNode | null;
  wrap(sg: SgNode | null): PyNode | null {
    if (!sg) return null;
    const id = sg.id();
    let node = this.nodes.get(id);
    if (!node) {
      node = new PyNode(this, sg, id);
      this.nodes.set(id, node);
    }
    return node;
  }
}

export class PyNode {
  private cachedKind?: string;
  private cachedRange?: Range;
  private cachedText?: string;
  private cachedNamed?: boolean;
  private cachedParent?: PyNode | null;
  private cachedChildren?: readonly PyNode[];
  private cachedNamedChildren?: readonly PyNode[];
  private fields?: Map<string, PyNode | null>;
  private searches?: Map<string, readonly PyNode[]>;

  constructor(
    private readonly tree: PyTree,
    private sg: SgNode | undefined,
    private readonly nodeId: number,
  ) {}

  private get native(): SgNode {
    if (!this.sg) throw new Error("a Python node was read after its file was done");
    return this.sg;
  }

  /** Forgets the native node and every node this one reached (see PyTree.dispose). */
  release(): void {
    this.sg = undefined;
    this.cachedParent = undefined;
    this.cachedChildren = undefined;
    this.cachedNamedChildren = undefined;
    this.fields = undefined;
    this.searches = undefined;
  }

  id(): number {
    return this.nodeId;
  }

  kind(): string {
    return (this.cachedKind ??= this.native.kind() as string);
  }

  range(): Range {
    return (this.cachedRange ??= this.native.range());
  }

  text(): string {
    return (this.cachedText ??= this.native.text());
  }

  isNamed(): boolean {
    return (this.cachedNamed ??= this.native.isNamed());
  }

  parent(): PyNode | null {
    if (this.cachedParent === undefined) this.cachedParent = this.tree.wrap(this.native.parent());
    return this.cachedParent;
  }

  /** Every child, anonymous tokens (`(`, `string_start`, …) included. */
  children(): readonly PyNode[] {
    if (!this.cachedChildren) {
      const children = this.native.children().map((child) => this.tree.wrap(child));
      for (const child of children) child.cachedParent ??= this;
      this.cachedChildren = children;
    }
    return this.cachedChildren;
  }

  /**
   * The named children. Asked of ast-grep directly unless every child is known already: most
   * callers never read the anonymous tokens (`(`, `,`, `=`), and each one costs a wrapper and two
   * crossings (its id and whether it is named).
   */
  namedChildren(): readonly PyNode[] {
    if (!this.cachedNamedChildren) {
      if (this.cachedChildren) {
        this.cachedNamedChildren = this.cachedChildren.filter((child) => child.isNamed());
      } else {
        const named = this.native.namedChildren().map((child) => this.tree.wrap(child));
        for (const child of named) {
          child.cachedNamed = true;
          child.cachedParent ??= this;
        }
        this.cachedNamedChildren = named;
      }
    }
    return this.cachedNamedChildren;
  }

  field(name: string): PyNode | null {
    this.fields ??= new Map();
    let child = this.fields.get(name);
    if (child === undefined) {
      child = this.tree.wrap(this.native.field(name as never) as SgNode | null);
      if (child) child.cachedParent ??= this;
      this.fields.set(name, child);
    }
    return child;
  }

  /** Parent first, up to the module. */
  ancestors(): PyNode[] {
    const out: PyNode[] = [];
    for (let current = this.parent(); current; current = current.parent()) out.push(current);
    return out;
  }

  searchNative(rule: NapiConfig): readonly PyNode[] {
    return this.native.findAll(rule).map((node) => this.tree.wrap(node));
  }

  /** Is `node` this node or one below it? */
  contains(node: PyNode): boolean {
    if (node === this) return true;
    const outer = this.range();
    const inner = node.range();
    if (inner.start.index < outer.start.index || inner.end.index > outer.end.index) return false;
    // Ranges nest: a non-empty node strictly inside this one is below it. An empty (MISSING) node
    // or one with the very same range (a parent with one child) can be on either side.
    const empty = inner.start.index === inner.end.index;
    const same = inner.start.index === outer.start.index && inner.end.index === outer.end.index;
    return (!empty && !same) || node.ancestors().includes(this);
  }

  /** The siblings after this node, in order. */
  nextAll(): readonly PyNode[] {
    const siblings = this.parent()?.children() ?? [];
    return siblings.slice(siblings.indexOf(this) + 1);
  }

  /** ast-grep's search below (and including) this node, in document order; asked once per rule. */
  findAll(rule: NapiConfig): readonly PyNode[] {
    const key = JSON.stringify(rule);
    this.searches ??= new Map();
    let found = this.searches.get(key);
    if (!found) {
      const kinds = kindsOf(rule);
      const index = kinds?.every((kind) => INDEXED_KINDS.has(kind)) ? this.tree.index() : undefined;
      if (index) {
        const ofKinds = index.filter((node) => kinds!.includes(node.kind()));
        found = this === this.tree.root ? ofKinds : ofKinds.filter((node) => this.contains(node));
      } else {
        found = this.searchNative(rule);
      }
      this.searches.set(key, found);
    }
    return found;
  }
}
