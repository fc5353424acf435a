import { detectSemicolons } from "../style.js";

// recast's printer ends every statement it prints itself with `;` (a whole `return` statement is
// reprinted when anything inside it changes, a statement that gains comments is printed anew…).
// In a file written without semicolons, take that `;` off the lines recast wrote — unless the
// next line starts with a character that would join the two statements (`(`, `[`, `` ` ``, …).

const ASI_HAZARD = /^[([`+\-/]/;
const COMMENT = /^(\/\/|\/\*|\*)/;

function nextCode(lines: string[], index: number): string {
  for (let i = index + 1; i < lines.length; i++) {
    const text = lines[i].trim();
    if (text && !COMMENT.test(text)) return text;
  }
  return "";
}

export function keepSemicolonStyle(source: string, printed: string): string {
  if (detectSemicolons(source)) return printed;
  const original = new Set(source.split("\n").map((l) => l.trim()));
  const lines = printed.split("\n");
  return lines
    .map((line, i) => {
      const text = line.trim();
      const isNew = /;$/.test(text) && !COMMENT.test(text) && !original.has(text);
      return isNew && !ASI_HAZARD.test(nextCode(lines, i)) ? line.replace(/;(\s*)$/, "$1") : line;
    })
    .join("\n");
}
