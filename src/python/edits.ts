// Edits are text splices on the original source, so everything the codemod does not rewrite stays
// byte-identical (formatting, comments, quotes). Ranges are UTF-16 offsets, as tree-sitter reports.

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end || b.start === b.end) return a.start > b.start && a.start < b.end || b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** True when `edit` can be added without touching a range another edit already rewrites. */
export function fits(edits: TextEdit[], edit: TextEdit): boolean {
  return !edits.some((other) => overlaps(other, edit));
}

/** Applies from the end; at one offset an insertion goes before a replacement that starts there. */
export function applyEdits(source: string, edits: TextEdit[]): string {
  const ordered = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => b.edit.start - a.edit.start || (b.edit.end - b.edit.start) - (a.edit.end - a.edit.start) || b.order - a.order);
  let text = source;
  for (const { edit } of ordered) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}
