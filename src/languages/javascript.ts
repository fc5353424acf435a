import { createRequire } from "node:module";
import jscodeshift, { type JSCodeshift } from "jscodeshift";
import type { LanguagePlugin, TransformInput, TransformOutput } from "../core/types.js";
import { createContext } from "../../transforms/shared/context.js";
import { JS_STEPS } from "../../transforms/index.js";
import { javascriptInfo } from "./javascript-info.js";
import { detectQuote } from "../../transforms/shared/style.js";

/** jscodeshift parser per extension: `ts` cannot take JSX (`<T>x` casts), `babylon` takes JS+JSX. */
export function parserFor(path: string): "ts" | "tsx" | "babylon" {
  if (/\.tsx$/.test(path)) return "tsx";
  if (/\.(ts|mts|cts)$/.test(path)) return "ts";
  return "babylon";
}

// Checking that a text parses: jscodeshift's parsers (jscodeshift/parser/{babylon,ts,tsx}.js)
// are @babel/parser with fixed options. We call the same @babel/parser (resolved from
// jscodeshift) with the same options, without recast, and with two switches off that only shape
// the tree babel returns, never what parses: `tokens` (a token list for recast; babel never reads
// it back) and `attachComment` (copying comments onto nodes; that code raises no error). Building
// them costs as much as the rest of the check. test/languages/javascript.test.ts checks the
// options against jscodeshift's, and the verdicts against its parsers'.
const jscodeshiftRequire = createRequire(createRequire(import.meta.url).resolve("jscodeshift"));
const babel = jscodeshiftRequire("@babel/parser") as { parse(code: string, options: object): unknown };
const TS_OPTIONS = jscodeshiftRequire("./parser/tsOptions.js") as { plugins: unknown[] };
const BABYLON_PLUGINS = [
  ["flow", { all: true }], "flowComments", "jsx", "asyncGenerators", "bigInt", "classProperties", "classPrivateProperties",
  "classPrivateMethods", ["decorators", { decoratorsBeforeExport: false }], "doExpressions", "dynamicImport", "exportDefaultFrom",
  "exportNamespaceFrom", "functionBind", "functionSent", "importMeta", "logicalAssignment", "nullishCoalescingOperator",
  "numericSeparator", "objectRestSpread", "optionalCatchBinding", "optionalChaining", ["pipelineOperator", { proposal: "minimal" }],
  "throwExpressions",
];
const BABYLON_OPTIONS = { sourceType: "module", allowImportExportEverywhere: true, allowReturnOutsideFunction: true, startLine: 1, tokens: true, plugins: BABYLON_PLUGINS };
/** jscodeshift's babel options per parser name (`babylon`'s are not exported: copied, and tested equal). */
export const JSCODESHIFT_OPTIONS: Record<ReturnType<typeof parserFor>, object> = {
  babylon: BABYLON_OPTIONS,
  ts: TS_OPTIONS,
  tsx: { ...TS_OPTIONS, plugins: ["jsx", ...TS_OPTIONS.plugins] },
};
const CHECK_OPTIONS = Object.fromEntries(Object.entries(JSCODESHIFT_OPTIONS).map(([name, options]) => [name, { ...options, tokens: false, attachComment: false }]));

// One jscodeshift API per parser, made once: `withParser` copies every type and builder onto a
// new function (about 0.3 ms, as much as the steps of a small file); the API holds no state.
const withParser = new Map<string, JSCodeshift>();
function jscodeshiftFor(path: string): JSCodeshift {
  const parser = parserFor(path);
  if (!withParser.has(parser)) withParser.set(parser, jscodeshift.withParser(parser));
  return withParser.get(parser)!;
}

export function transformJs(input: TransformInput): TransformOutput {
  const j = jscodeshiftFor(input.path);
  const root = j(input.text);
  const ctx = createContext(j, root, input.path, input.text, input.options);
  const steps = JS_STEPS.filter((s) => !input.options.transforms || input.options.transforms.includes(s.name));
  const applied = steps.filter((step) => step.run(ctx)).map((s) => s.name);
  const unchanged = applied.length === 0 && ctx.markersInserted === 0;
  if (!unchanged) ctx.beforePrint.forEach((pass) => pass());
  const printed = unchanged ? input.text : root.toSource({ quote: detectQuote(input.text), lineTerminator: "\n", wrapColumn: 100 });
  return {
    text: ctx.afterPrint.reduce((text, pass) => pass(text), printed),
    steps: applied,
    followUps: ctx.followUps,
    secretLines: ctx.secretLines,
  };
}

/** The heavy half: parsing and the steps. The registry imports this module only when a file needs it. */
export const javascript: LanguagePlugin = {
  ...javascriptInfo,
  transform: transformJs,
  parseError(text, path) {
    try {
      babel.parse(text, CHECK_OPTIONS[parserFor(path)]);
      return null;
    } catch (error) {
      return (error as Error).message.split("\n")[0];
    }
  },
};
