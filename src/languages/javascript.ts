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

// jscodeshift's own parser objects (babel with its options per parser name), without recast's
// token and comment processing: checking that a text parses is twice as fast this way.
const getParser = createRequire(import.meta.url)("jscodeshift/src/getParser") as (name: string) => { parse(code: string): unknown };

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
      getParser(parserFor(path)).parse(text);
      return null;
    } catch (error) {
      return (error as Error).message.split("\n")[0];
    }
  },
};
