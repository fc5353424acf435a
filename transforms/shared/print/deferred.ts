import type { JsContext } from "../context.js";
import type { AnyNode } from "../ast.js";
import { render, type Doc } from "./doc.js";

// Code the codemod writes is put in the tree as a placeholder identifier and rendered after recast
// has printed the file, where its column and indentation are known (recast would print every new
// object literal one property per line with blank lines around multi-line values).

const PREFIX = "__gladia_to_assemblyai_deferred_";
const KEY = "print:deferred";
const WIDTH = 100;

interface Deferred {
  docs: Doc[];
}

function state(ctx: JsContext): Deferred {
  let deferred = ctx.shared.get(KEY) as Deferred | undefined;
  if (!deferred) {
    deferred = { docs: [] };
    ctx.shared.set(KEY, deferred);
    ctx.afterPrint.push((text) => applyDeferred(ctx, text, deferred!));
  }
  return deferred;
}

/** A placeholder node that will print as `doc`. */
export function deferDoc(ctx: JsContext, doc: Doc): AnyNode {
  const deferred = state(ctx);
  const node = ctx.j.identifier(`${PREFIX}${deferred.docs.length}__`);
  deferred.docs.push(doc);
  return node;
}


function indentUnit(text: string): string {
  if (/^\t/m.test(text)) return "\t";
  const widths = [...text.matchAll(/^( +)\S/gm)].map((m) => m[1].length);
  const smallest = Math.min(...widths.filter((w) => w > 0));
  return " ".repeat(Number.isFinite(smallest) && smallest <= 8 ? smallest : 2);
}

function quoteOf(text: string): "'" | '"' {
  return (text.match(/'/g) ?? []).length > (text.match(/"/g) ?? []).length ? "'" : '"';
}

function applyDeferred(ctx: JsContext, printed: string, deferred: Deferred): string {
  const unit = indentUnit(ctx.source);
  const quote = quoteOf(ctx.source);
  let text = printed;
  const pattern = new RegExp(`${PREFIX}(\\d+)__`);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const lineStart = text.lastIndexOf("\n", match.index) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const rendered = render(deferred.docs[Number(match[1])], { column: match.index - lineStart, indent, unit, quote, width: WIDTH });
    text = text.slice(0, match.index) + rendered + text.slice(match.index + match[0].length);
  }
  return text;
}
