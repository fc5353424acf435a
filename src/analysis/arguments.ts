import type { CallExpression, Node as NodeType, ParameterDeclaration, SourceFile } from "ts-morph";
import { tsMorph } from "./ts-morph.js";
import type { HintLevel } from "./hints.js";
import type { GladiaShapes } from "./shapes.js";
import { LEVEL_PREFIX, RESULT_PATHS } from "../mapping/result.js";

const { Node, SyntaxKind } = tsMorph;
type Node = NodeType;

// Argument → parameter flow across files: a Gladia value passed to a function declared in another
// project file (often plain JS, or an untyped parameter) makes that parameter a Gladia value of the
// same level. The callee is found from the call's own expression (a symbol lookup, no reference
// search); from an untyped parameter the value is followed on through the calls it is passed to.

/** Where the findings go: a parameter that receives a Gladia value, a call that hands one over. */
export interface HintSink {
  parameter(file: SourceFile, name: Node, level: HintLevel): void;
  handoff(call: CallExpression, index: number): void;
}

type FunctionLike = Node & { getParameters(): ParameterDeclaration[] };

const RESULT_LEVELS: HintLevel[] = ["job", "result", "transcription"];

function sameKeys(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** The level of `value.k1.k2…` for a value at `level` (`job` + `result.transcription` → transcription). */
export function levelBelow(level: HintLevel, keys: string[]): HintLevel | undefined {
  if (keys.length === 0) return level;
  if (level === "utterance") return sameKeys(keys, ["words"]) ? "words" : undefined;
  if (!RESULT_LEVELS.includes(level)) return undefined;
  const full = [...LEVEL_PREFIX[level as "job"], ...keys];
  const named = RESULT_LEVELS.find((l) => sameKeys(LEVEL_PREFIX[l as "job"], full));
  if (named) return named;
  const items = RESULT_PATHS.find((rule) => rule.items && sameKeys(rule.gladia, full))?.items;
  return items === "utterance" ? "utterances" : undefined;
}

function isFunctionExpression(node: Node | undefined): node is FunctionLike {
  return !!node && (Node.isArrowFunction(node) || Node.isFunctionExpression(node));
}

/** `function f(…)`, `const f = (…) => …` / `function (…)`, `export default (…) => …`. */
function asFunction(declaration: Node): FunctionLike | undefined {
  if (Node.isFunctionDeclaration(declaration)) return declaration;
  const value = Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : Node.isExportAssignment(declaration) ? declaration.getExpression() : undefined;
  return isFunctionExpression(value) ? value : undefined;
}

/** The function a call names: `f(…)` or `ns.f(…)` for a namespace import. */
function calleeOf(call: CallExpression): FunctionLike | undefined {
  let callee = call.getExpression();
  if (Node.isPropertyAccessExpression(callee)) {
    if (!Node.isIdentifier(callee.getExpression()) || !callee.getExpression().getSymbol()?.isAlias()) return undefined;
  } else if (!Node.isIdentifier(callee)) {
    return undefined;
  }
  let symbol = callee.getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol();
  for (const declaration of symbol?.getDeclarations() ?? []) {
    const fn = asFunction(declaration);
    if (fn) return fn;
  }
  return undefined;
}

function isUntyped(parameter: ParameterDeclaration): boolean {
  const type = parameter.getType();
  return type.isAny() || type.isUnknown();
}

export class ArgumentFlow {
  private readonly followed = new Set<ParameterDeclaration>();

  constructor(
    private readonly shapes: GladiaShapes,
    private readonly isProjectFile: (file: SourceFile) => boolean,
    private readonly sink: HintSink,
  ) {}

  /** A call in a collected file: its Gladia-typed arguments flow into the callee's parameters. */
  visitCall(call: CallExpression): void {
    const args = call.getArguments();
    if (args.length === 0) return;
    const callee = calleeOf(call);
    if (!callee || !this.isProjectFile(callee.getSourceFile())) return;
    args.forEach((arg, i) => {
      if (Node.isSpreadElement(arg)) return;
      const level = this.shapes.levelOf(arg.getType());
      if (level) this.enter(call, callee, i, level);
    });
  }

  /** The value reaches parameter `index` of `callee`: a hint there (another file), then onwards. */
  private enter(call: CallExpression, callee: FunctionLike, index: number, level: HintLevel): void {
    const parameter = callee.getParameters()[index];
    if (!parameter || parameter.isRestParameter() || this.followed.has(parameter) || !isUntyped(parameter)) return;
    this.followed.add(parameter);
    // In the caller's own file the transforms follow the value into local functions themselves.
    if (callee.getSourceFile() !== call.getSourceFile()) {
      this.sink.parameter(callee.getSourceFile(), parameter.getNameNode(), level);
      this.sink.handoff(call, index);
    }
    this.followParameter(parameter, callee, level);
  }

  /** `g(param)`, `g(param.result.transcription)`: the untyped parameter passed on to another function. */
  private followParameter(parameter: ParameterDeclaration, fn: FunctionLike, level: HintLevel): void {
    const name = parameter.getNameNode();
    if (!Node.isIdentifier(name)) return;
    const symbol = name.getSymbol()?.compilerSymbol;
    for (const ref of fn.getDescendantsOfKind(SyntaxKind.Identifier)) {
      if (ref === name || ref.getText() !== name.getText() || ref.getSymbol()?.compilerSymbol !== symbol) continue;
      this.followReference(ref, level);
    }
  }

  private followReference(ref: Node, level: HintLevel): void {
    const keys: string[] = [];
    for (let node: Node = ref; ; ) {
      const parent = node.getParent();
      if (!parent) return;
      if (Node.isCallExpression(parent) && parent.getExpression() !== node) {
        const at = levelBelow(level, keys);
        const callee = at && calleeOf(parent);
        if (callee && this.isProjectFile(callee.getSourceFile())) this.enter(parent, callee, parent.getArguments().indexOf(node), at);
        return;
      }
      if (Node.isNonNullExpression(parent) || Node.isParenthesizedExpression(parent)) {
        node = parent;
        continue;
      }
      if (!Node.isPropertyAccessExpression(parent) || parent.getExpression() !== node) return;
      keys.push(parent.getName());
      node = parent;
    }
  }
}
