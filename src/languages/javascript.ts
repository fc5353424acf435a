import jscodeshift from "jscodeshift";
import type { LanguagePlugin, TransformInput, TransformOutput } from "../core/types.js";
import { createContext } from "../../transforms/shared/context.js";
import { JS_STEPS } from "../../transforms/index.js";

const EXTENSIONS = /\.(js|jsx|mjs|cjs|ts|tsx|mts|cts)$/;

/** jscodeshift parser per extension: `ts` cannot take JSX (`<T>x` casts), `babylon` takes JS+JSX. */
export function parserFor(path: string): "ts" | "tsx" | "babylon" {
  if (/\.tsx$/.test(path)) return "tsx";
  if (/\.(ts|mts|cts)$/.test(path)) return "ts";
  return "babylon";
}

/** The quote most string literals in the file use, for literals the codemod prints. */
function detectQuote(text: string): "single" | "double" {
  const single = (text.match(/'/g) ?? []).length;
  const double = (text.match(/"/g) ?? []).length;
  return single > double ? "single" : "double";
}

export function transformJs(input: TransformInput): TransformOutput {
  const j = jscodeshift.withParser(parserFor(input.path));
  const root = j(input.text);
  const ctx = createContext(j, root, input.path, input.text, input.options);
  const steps = JS_STEPS.filter((s) => !input.options.transforms || input.options.transforms.includes(s.name));
  const applied = steps.filter((step) => step.run(ctx)).map((s) => s.name);
  const unchanged = applied.length === 0 && ctx.markersInserted === 0;
  return {
    text: unchanged ? input.text : root.toSource({ quote: detectQuote(input.text), lineTerminator: "\n" }),
    steps: applied,
    followUps: ctx.followUps,
    secretLines: ctx.secretLines,
  };
}

export const javascript: LanguagePlugin = {
  name: "javascript",
  matches: (path) => EXTENSIONS.test(path) && !/\.min\.(c|m)?js$/.test(path) && !/\.d\.(c|m)?ts$/.test(path),
  mayConcern: (text) => /gladia/i.test(text),
  transform: transformJs,
  parseError(text, path) {
    try {
      jscodeshift.withParser(parserFor(path))(text);
      return null;
    } catch (error) {
      return (error as Error).message.split("\n")[0];
    }
  },
  prettier: true,
  steps: JS_STEPS.map(({ name, description }) => ({ name, description })),
};
