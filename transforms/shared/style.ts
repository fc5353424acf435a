// The file's own style, for code the codemod prints.

export interface CodeStyle {
  quote: "single" | "double";
  /** One level of indentation: two or four spaces, or a tab. */
  indent: string;
  /** Multi-line literals end with a comma. */
  trailingComma: boolean;
  /** Statements end with `;`. */
  semicolons: boolean;
}

const COMMENTS = /\/\*[\s\S]*?\*\/|\/\/[^\n]*/g;

/** The quote most string literals in the file use (comments, with their apostrophes, aside). */
export function detectQuote(text: string): "single" | "double" {
  const code = text.replace(COMMENTS, "");
  const single = (code.match(/'[^'\n]*'/g) ?? []).length;
  const double = (code.match(/"[^"\n]*"/g) ?? []).length;
  return single > double ? "single" : "double";
}

/** The indentation step: tabs if most indented lines use them, else the smallest space step. */
export function detectIndent(text: string): string {
  const indents = text.split("\n").map((line) => /^[ \t]+(?=\S)/.exec(line)?.[0]).filter((i): i is string => !!i);
  const tabs = indents.filter((i) => i.startsWith("\t")).length;
  if (tabs > indents.length / 2) return "\t";
  const widths = indents.filter((i) => !i.includes("\t")).map((i) => i.length);
  const step = [2, 4, 3, 8].find((w) => widths.some((n) => n === w)) ?? 2;
  return " ".repeat(widths.length > 0 ? Math.min(step, ...widths) : 2);
}

export function detectTrailingComma(text: string): boolean {
  const withComma = (text.match(/,[ \t]*\n\s*[}\])]/g) ?? []).length;
  const without = (text.match(/[^,;{[(\s][ \t]*\n\s*[}\]]/g) ?? []).length;
  return withComma > without;
}

/** Most statement-ending lines end with `;` (a file written without them gets none). */
export function detectSemicolons(text: string): boolean {
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("//") && !l.startsWith("*"));
  const withSemicolon = lines.filter((l) => l.endsWith(";")).length;
  const without = lines.filter((l) => /[\w)\]'"`]$/.test(l) && !/^(if|for|while|else|try|do|switch|function|class|export default)\b/.test(l)).length;
  return withSemicolon >= without / 2;
}

export function detectStyle(text: string): CodeStyle {
  return { quote: detectQuote(text), indent: detectIndent(text), trailingComma: detectTrailingComma(text), semicolons: detectSemicolons(text) };
}
