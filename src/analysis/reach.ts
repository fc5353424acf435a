import type { SourceFile, ts as Ts } from "ts-morph";
import { tsMorph } from "./ts-morph.js";
import { JS_SDK } from "../mapping/sdk.js";

const { ts } = tsMorph;
const K = ts.SyntaxKind;

// Which files' walk can find Gladia values. A value of a Gladia type (or of an item type reached
// from one) has a type with a property named `full_transcript`, `utterances` or `result_url` (see
// shapes.ts): some file of the program must introduce that property, in a declaration (`{
// full_transcript: string }`, `{ utterances }`, a parameter's binding pattern, an exported
// variable, a JS expando `x.result_url = …`, a string literal). Types cross files only through
// imports, so a file whose imports (transitively) reach no such file, nor anything such a file or
// a walked file imports (where item types are declared), holds no Gladia value: walking it finds
// nothing. Declarations that reach every file (a global script, `declare global`, `declare module`)
// turn this off. Reading `x.utterances` or `x["full_transcript"]` introduces nothing.

/** Property names one of which every Gladia shape has (see shapes.ts). */
export const SHAPE_KEYS = new Set(["full_transcript", "utterances", "result_url"]);
const SHAPE_KEY_TEXT = new RegExp(`\\b(${[...SHAPE_KEYS].join("|")})\\b`, "g");
const SHAPE_KEY = new RegExp(SHAPE_KEY_TEXT.source);
/** Nodes whose name declares a property of some type (a module's exports are properties too). */
const PROPERTY_NAMES = new Set([
  K.PropertySignature, K.PropertyDeclaration, K.PropertyAssignment, K.ShorthandPropertyAssignment, K.MethodDeclaration, K.MethodSignature,
  K.GetAccessor, K.SetAccessor, K.EnumMember, K.JsxAttribute, K.ExportSpecifier, K.ImportSpecifier, K.NamespaceExport,
]);
/** `declare global`, `declare module`: declarations every file sees. */
export const GLOBAL_DECLARATIONS = /\bdeclare\s+(global|module)\b/;
const JS_FILE = /\.(js|jsx|mjs|cjs)$/;

/** The innermost node whose span holds `pos`. */
function nodeAt(file: Ts.SourceFile, pos: number): Ts.Node {
  let node: Ts.Node = file;
  for (let inner: Ts.Node | undefined = file; inner; ) {
    node = inner;
    inner = ts.forEachChild(node, (child) => (child.pos <= pos && pos < child.end ? child : undefined));
  }
  return node;
}

/** `x.k = v`, `x.k++`, `delete x.k`, `[x.k] = …`: writing a member declares it (JS expando properties). */
function isWritten(access: Ts.Node): boolean {
  let node = access;
  for (let parent = node.parent; ; node = parent, parent = parent.parent) {
    if (ts.isParenthesizedExpression(parent) || ts.isArrayLiteralExpression(parent) || ts.isObjectLiteralExpression(parent)) continue;
    if (ts.isSpreadElement(parent) || ts.isSpreadAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) continue;
    if (ts.isPropertyAssignment(parent) && parent.initializer === node) continue;
    if (ts.isBinaryExpression(parent)) return parent.left === node && parent.operatorToken.kind >= K.FirstAssignment && parent.operatorToken.kind <= K.LastAssignment;
    if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) return parent.operator === K.PlusPlusToken || parent.operator === K.MinusMinusToken;
    if (ts.isForInStatement(parent) || ts.isForOfStatement(parent)) return parent.initializer === node;
    return ts.isDeleteExpression(parent);
  }
}

/** A binding pattern of a parameter gives the parameter a type with those properties. */
function isInParameter(node: Ts.Node): boolean {
  for (let at: Ts.Node | undefined = node; at; at = at.parent) {
    if (ts.isParameter(at)) return true;
    if (ts.isVariableDeclaration(at) || ts.isCatchClause(at) || ts.isBlock(at)) return false;
  }
  return false;
}

function isExported(declaration: Ts.Node): boolean {
  const statement = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  return (ts.getCombinedModifierFlags(statement as Ts.Declaration) & ts.ModifierFlags.Export) !== 0;
}

/** A string can name a property only when it is a key (not `"no utterances"`), unless it reads one. */
function declaresWithString(literal: Ts.StringLiteral | Ts.NoSubstitutionTemplateLiteral): boolean {
  if (!SHAPE_KEYS.has(literal.text)) return false;
  const parent = literal.parent;
  return !(ts.isElementAccessExpression(parent) && parent.argumentExpression === literal && !isWritten(parent));
}

/** Can the shape key at `pos` declare a property? Conservative: anything but a known read. */
function declaresKey(file: Ts.SourceFile, pos: number, javascript: boolean): boolean {
  const node = nodeAt(file, pos);
  // In a comment: JSDoc declares types in JS files only.
  if (node.getStart(file) > pos) return javascript;
  if (node.kind === K.JsxText) return false;
  const parent = node.parent;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return declaresWithString(node);
  // Part of a template: a string, unless in a template literal type.
  if (ts.isTemplateLiteralToken(node)) return ts.isTemplateLiteralTypeNode(parent) || ts.isTemplateLiteralTypeSpan(parent);
  if (node.kind !== K.Identifier) return true;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return isWritten(parent);
  if (PROPERTY_NAMES.has(parent.kind)) return true;
  if (ts.isBindingElement(parent)) return isInParameter(parent);
  // `constructor(public utterances: U[])` declares a class property.
  if (ts.isParameter(parent)) return !!parent.modifiers?.length;
  const named = ts.isVariableDeclaration(parent) || ts.isFunctionDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isEnumDeclaration(parent);
  if (named && parent.name === node) return isExported(parent);
  // A variable or parameter named so, or a reference to one: not a property.
  return false;
}

export const isGladiaSdkFile = (fileName: string) => fileName.includes(`/${JS_SDK.gladiaPackage}/`);
/** Does the text hold a shape key at all (in a comment, a string, a name)? */
export const hasShapeKeyText = (text: string) => SHAPE_KEY.test(text);

/** Does this file give some type a property named as a Gladia shape key (or is it the SDK's)? */
export function declaresShapeKey(file: Ts.SourceFile): boolean {
  if (isGladiaSdkFile(file.fileName)) return true;
  const javascript = JS_FILE.test(file.fileName);
  for (const match of file.text.matchAll(SHAPE_KEY_TEXT)) {
    if (declaresKey(file, match.index!, javascript)) return true;
  }
  return false;
}

/** Declarations every file sees: a global script (no import or export), `declare global`, `declare module`. */
function declaresGlobally(file: Ts.SourceFile & { commonJsModuleIndicator?: unknown }): boolean {
  // A JS file that requires or exports is a CommonJS module (an internal flag: without it, a script).
  const isModule = ts.isExternalModule(file) || (JS_FILE.test(file.fileName) && !!file.commonJsModuleIndicator);
  return !isModule || GLOBAL_DECLARATIONS.test(file.text);
}

/**
 * Files a file imports (also `import()` types, `require`, re-exports), as the checker resolves its
 * module specifiers (`imports`, the list ts-morph reads too); undefined if the compiler has no list.
 */
function importsOf(file: Ts.SourceFile & { imports?: readonly Ts.StringLiteralLike[] }, checker: Ts.TypeChecker): Ts.SourceFile[] | undefined {
  if (!file.imports) return undefined;
  const found = new Set<Ts.SourceFile>();
  for (const literal of file.imports) {
    if (literal.pos < 0) continue; // an import the compiler adds (JSX runtime): no type from it can be Gladia's
    for (const declaration of checker.getSymbolAtLocation(literal)?.declarations ?? []) found.add(declaration.getSourceFile());
  }
  return [...found];
}

/** `from` and every file reached along `edges`. */
function closure(from: Iterable<Ts.SourceFile>, edges: (file: Ts.SourceFile) => Ts.SourceFile[]): Set<Ts.SourceFile> {
  const found = new Set(from);
  for (const queue = [...found]; queue.length > 0; ) {
    for (const next of edges(queue.pop()!)) {
      if (found.has(next)) continue;
      found.add(next);
      queue.push(next);
    }
  }
  return found;
}

/**
 * Of `files` (in order), those whose walk can find Gladia values, and `tainted`: every file whose
 * types a walked file can see (where item types may be declared). All of `files` when a global
 * declaration can carry a Gladia type (or the compiler lists no imports): `everywhere` then.
 */
export function filesToWalk(files: SourceFile[], program: Ts.Program): { walk: SourceFile[]; tainted: Set<Ts.SourceFile>; everywhere: boolean } {
  const checker = program.getTypeChecker();
  const sources = program.getSourceFiles().filter((file) => !program.isSourceFileDefaultLibrary(file));
  const imports = new Map<Ts.SourceFile, Ts.SourceFile[]>();
  const importers = new Map<Ts.SourceFile, Ts.SourceFile[]>();
  for (const file of sources) {
    const imported = importsOf(file, checker);
    if (!imported) return { walk: files, tainted: new Set(sources), everywhere: true };
    imports.set(file, imported);
    imported.forEach((target) => (importers.get(target) ?? importers.set(target, []).get(target)!).push(file));
  }
  const importsOfFile = (file: Ts.SourceFile) => imports.get(file) ?? [];
  const importersOf = (file: Ts.SourceFile) => importers.get(file) ?? [];
  const walkOf = (seeing: Set<Ts.SourceFile>) => files.filter((file) => seeing.has(file.compilerNode));
  let tainted = closure(sources.filter(declaresShapeKey), importsOfFile);
  let seeing = closure(tainted, importersOf);
  let walk = walkOf(seeing);
  // What walked files import may declare item types: files seeing those are walked too.
  for (let size = 0; tainted.size > size; ) {
    size = tainted.size;
    tainted = closure([...tainted, ...walk.map((file) => file.compilerNode)], importsOfFile);
    seeing = closure(tainted, importersOf);
    walk = walkOf(seeing);
  }
  const everywhere = sources.some((file) => seeing.has(file) && declaresGlobally(file));
  return { walk: everywhere ? files : walk, tainted, everywhere };
}

/**
 * Can only a file that sees `tainted` hold a value of this item type? Its declaration is in
 * `tainted` and it is no instantiation of a generic type (any file can write `Record<string,
 * unknown>`). Types of an earlier program (before files were added) answer no: that only costs time.
 */
export function isAnchored(type: Ts.Type, tainted: Set<Ts.SourceFile>): boolean {
  const reference = type as Ts.TypeReference;
  const isInstance = (type.flags & ts.TypeFlags.Object) !== 0 && (reference.objectFlags & ts.ObjectFlags.Reference) !== 0 && reference.target !== type;
  if (isInstance || (type.aliasTypeArguments?.length ?? 0) > 0) return false;
  const paths = new Set([...tainted].map((file) => file.fileName));
  return (type.aliasSymbol ?? type.symbol)?.declarations?.some((declaration) => paths.has(declaration.getSourceFile().fileName)) ?? false;
}
