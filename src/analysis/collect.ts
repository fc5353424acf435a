import type { CallExpression, Node as NodeType, SourceFile, ts as Ts, Type, TypeLiteralNode } from "ts-morph";
import { tsMorph } from "./ts-morph.js";
import type { AnalysisHints, HintLevel, HintReceiver } from "./hints.js";
import type { GladiaShapes } from "./shapes.js";
import type { ArgumentFlow } from "./arguments.js";
import { GLADIA_LEVEL_KEYS, ITEM_FIELDS, RESULT_PATHS } from "../mapping/result.js";
import { JS_SDK, JS_SDK_METHODS } from "../mapping/sdk.js";

const { Node, SyntaxKind, ts } = tsMorph;
type Node = NodeType;

// One walk per file yields the locations the transforms need: declaring identifiers and
// destructuring patterns of Gladia values, the outermost Gladia expression of each member read
// whose root is not such a binding, declared Gladia types, and SDK clients used across files.

/** Property names worth a type query: every key a Gladia value or item has. */
const GLADIA_KEYS = new Set([
  ...Object.values(GLADIA_LEVEL_KEYS).flat(),
  ...RESULT_PATHS.flatMap((rule) => rule.gladia),
  ...Object.values(ITEM_FIELDS).flatMap((fields) => Object.keys(fields)),
]);
const CLIENT_MEMBERS = new Set([...Object.keys(JS_SDK_METHODS), ...JS_SDK.preRecordedFactories]);
/** A member read `visitAccess` looks at: an SDK client's method or a Gladia key. */
const isUsedKey = (key: string) => CLIENT_MEMBERS.has(key) || GLADIA_KEYS.has(key);
const SDK_CLIENT_TYPES: Record<string, HintReceiver["kind"]> = { GladiaClient: "client", PreRecordedV2Client: "prerecorded" };

function span(node: Node): { start: number; end: number } {
  return { start: node.getStart(), end: node.getEnd() };
}

function isAccess(node: Node): node is Node & { getExpression(): Node } {
  return Node.isPropertyAccessExpression(node) || Node.isElementAccessExpression(node);
}

function accessKey(node: Node): string | undefined {
  if (Node.isPropertyAccessExpression(node)) return node.getName();
  if (Node.isElementAccessExpression(node)) {
    const argument = node.getArgumentExpression();
    return argument && Node.isStringLiteral(argument) ? argument.getLiteralValue() : undefined;
  }
  return undefined;
}

/** An identifier whose declaration is in this file: its binding is followed from the declaration. */
function isLocalBinding(node: Node, file: SourceFile): boolean {
  if (!Node.isIdentifier(node)) return false;
  return node.getSymbol()?.getDeclarations().some((d) => d.getSourceFile() === file && !Node.isImportSpecifier(d)) ?? false;
}

function sdkClientKind(type: Type): HintReceiver["kind"] | undefined {
  const symbol = type.getNonNullableType().getSymbol();
  const kind = symbol && SDK_CLIENT_TYPES[symbol.getName()];
  const fromSdk = symbol?.getDeclarations().some((d) => d.getSourceFile().getFilePath().includes(`/${JS_SDK.gladiaPackage}/`));
  return kind && fromSdk ? kind : undefined;
}

export class FileCollector {
  readonly hints: AnalysisHints = { locations: [], declarations: [], receivers: [], handoffs: [] };
  private readonly seen = new Set<string>();

  constructor(
    readonly file: SourceFile,
    private readonly shapes: GladiaShapes,
    private readonly flow?: ArgumentFlow,
  ) {}

  add(node: Node, level: HintLevel): void {
    const key = `${node.getStart()}:${node.getEnd()}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.hints.locations.push({ ...span(node), level });
  }

  /** Argument `index` of `call` is followed into another file (see ArgumentFlow). */
  addHandoff(call: CallExpression, index: number): void {
    this.hints.handoffs!.push({ ...span(call), index });
  }

  /** Declared interfaces and type aliases with a Gladia shape. */
  collectDeclarations(): void {
    for (const declaration of [...this.file.getInterfaces(), ...this.file.getTypeAliases()]) {
      if (declaration.getTypeParameters().length > 0) continue;
      const level = this.shapes.levelOf(declaration.getType());
      if (level) this.hints.declarations.push({ ...span(declaration.getNameNode()), name: declaration.getName(), level });
    }
  }

  /** `const job = …`, `(job: GladiaJob)`, `{ job }: Props`, `const { result } = job`. */
  private visitBinding(name: Node): void {
    const level = this.shapes.levelOf(name.getType());
    if (level) this.add(name, level);
  }

  /** `x.result…` where `x` is not a local binding (those are followed from their declaration). */
  private visitAccess(access: Node & { getExpression(): Node }): void {
    const key = accessKey(access);
    const object = access.getExpression();
    if (key && CLIENT_MEMBERS.has(key)) this.visitReceiver(object);
    if (!key || !GLADIA_KEYS.has(key) || isLocalBinding(object, this.file)) return;
    const level = this.shapes.levelOf(object.getType());
    if (!level) return;
    // The outermost Gladia expression of a chain is the root: `a.result` under a Gladia `a` is not.
    if (isAccess(object) && this.shapes.levelOf(object.getExpression().getType())) return;
    this.add(object, level);
  }

  private visitReceiver(object: Node): void {
    const kind = sdkClientKind(object.getType());
    if (kind) this.hints.receivers.push({ ...span(object), kind });
  }

  /** `const { result } = await getJob()`: the pattern receives a Gladia value from an expression. */
  private visitPatternInitializer(declaration: Node): void {
    if (!Node.isVariableDeclaration(declaration) || !Node.isObjectBindingPattern(declaration.getNameNode())) return;
    const initializer = declaration.getInitializer();
    if (!initializer || isLocalBinding(initializer, this.file)) return;
    const level = this.shapes.levelOf(initializer.getType());
    if (level) this.add(initializer, level);
  }

  /**
   * One pass over the compiler's nodes (in the order ts-morph's forEachDescendant visits them):
   * only the nodes a visitor can use get a ts-morph wrapper, most nodes of a file never do.
   */
  collectLocations(): void {
    const visit = (node: Ts.Node): undefined => {
      this.visitNode(node);
      return ts.forEachChild(node, visit);
    };
    ts.forEachChild(this.file.compilerNode, visit);
  }

  /** ts-morph's own wrapper of a node of this file (internal, but the one its navigation returns: same identity). */
  private wrap<T extends Node>(node: Ts.Node): T {
    return (this.file as unknown as { _getNodeFromCompilerNode(node: Ts.Node): T })._getNodeFromCompilerNode(node);
  }

  /** Per kind, the visitor's own early return read on the compiler node (a member read must name a key, a call pass arguments), then the visit. */
  private visitNode(node: Ts.Node): void {
    switch (node.kind) {
      case SyntaxKind.VariableDeclaration:
      case SyntaxKind.Parameter:
      case SyntaxKind.BindingElement:
        this.visitDeclaration(this.wrap(node));
        return;
      case SyntaxKind.PropertyAccessExpression:
        if (isUsedKey((node as Ts.PropertyAccessExpression).name.text)) this.visitAccess(this.wrap(node));
        return;
      case SyntaxKind.ElementAccessExpression: {
        const argument = (node as Ts.ElementAccessExpression).argumentExpression;
        if (ts.isStringLiteral(argument) && isUsedKey(argument.text)) this.visitAccess(this.wrap(node));
        return;
      }
      case SyntaxKind.CallExpression:
        if (this.flow && (node as Ts.CallExpression).arguments.length > 0) this.flow.visitCall(this.wrap<CallExpression>(node));
        return;
      case SyntaxKind.TypeLiteral:
        this.visitCreateLiteral(this.wrap<TypeLiteralNode>(node));
        return;
    }
  }

  private visitDeclaration(declaration: Node & { getNameNode(): Node }): void {
    const name = declaration.getNameNode();
    if (Node.isIdentifier(name)) this.visitBinding(name);
    else if (Node.isObjectBindingPattern(name)) this.visitGladiaPattern(name);
    this.visitPatternInitializer(declaration);
  }

  /** `Promise<{ id: string; result_url: string }>`: an inline create response type (by its member names). */
  private visitCreateLiteral(literal: TypeLiteralNode): void {
    const names = new Set(literal.getProperties().map((p) => p.getName()));
    if (names.has("result_url") && names.has("id") && !names.has("result")) this.hints.declarations.push({ ...span(literal), name: "", level: "create" });
  }

  /** A pattern that destructures a Gladia value is a root itself (its elements are not). */
  private visitGladiaPattern(pattern: Node): void {
    const level = this.shapes.levelOf(pattern.getType());
    if (!level) return;
    this.add(pattern, level);
    for (const element of pattern.getDescendantsOfKind(SyntaxKind.BindingElement)) this.seen.add(`${element.getNameNode().getStart()}:${element.getNameNode().getEnd()}`);
  }
}
