import type { JsContext } from "../context.js";
import type { AnyNode } from "../ast.js";
import type { ObjectStyle } from "./doc.js";

// Docs from existing nodes: their code as written, their comments, the style of an object literal.

const DEFAULT_STYLE: ObjectStyle = { multiline: false, bracketSpacing: true, trailingComma: false };

function fileQuote(ctx: JsContext): "single" | "double" {
  return (ctx.source.match(/'/g) ?? []).length > (ctx.source.match(/"/g) ?? []).length ? "single" : "double";
}

/** The code of a node as it will print (original text when untouched), without its comments. */
export function nodeText(ctx: JsContext, node: AnyNode): string {
  const comments = node.comments;
  node.comments = null;
  try {
    return ctx.j(node).toSource({ quote: fileQuote(ctx) });
  } finally {
    node.comments = comments;
  }
}


function commentText(comment: { type: string; value: string }): string {
  return comment.type === "CommentLine" || comment.type === "Line" ? `//${comment.value}` : `/*${comment.value}*/`;
}

/** Leading and trailing comments of a node, as source text. */
export function commentsOf(node: AnyNode): { leading: string[]; trailing: string[] } {
  const comments: { type: string; value: string; leading?: boolean; trailing?: boolean }[] = node?.comments ?? [];
  return {
    leading: comments.filter((c) => !c.trailing).map(commentText),
    trailing: comments.filter((c) => c.trailing).map(commentText),
  };
}

/** The original source text of a node from the file (undefined for new nodes). */
function originalText(node: AnyNode): string | undefined {
  const loc = node?.loc;
  return loc?.lines ? loc.lines.slice(loc.start, loc.end).toString() : undefined;
}

/** How an object literal (or pattern) from the file is laid out; defaults for new ones. */
export function objectStyle(_ctx: JsContext, node: AnyNode): ObjectStyle {
  const text = originalText(node);
  if (text === undefined) return DEFAULT_STYLE;
  const multiline = node.loc.start.line !== node.loc.end.line;
  const empty = (node.properties ?? []).length === 0;
  const keys = (node.properties ?? []).filter((p: AnyNode) => /Property$/.test(p.type) && !p.computed).map((p: AnyNode) => p.key.type);
  return {
    multiline,
    bracketSpacing: empty || /^\{\s/.test(text),
    trailingComma: multiline && node.extra?.trailingComma !== undefined,
    quotedKeys: keys.length > 0 && keys.every((t: string) => t === "StringLiteral"),
    originalLength: multiline ? undefined : text.length,
  };
}


