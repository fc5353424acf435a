// A tiny document model for code the codemod writes (request bodies, headers, patterns), rendered
// in the file's own style: one line when the original was on one line and it fits, otherwise one
// entry per line at the file's indentation, with the original trailing-comma habit.

export type Doc =
  | { kind: "raw"; text: string }
  | { kind: "string"; value: string }
  | { kind: "array"; items: Doc[] }
  | { kind: "object"; entries: DocEntry[]; style: ObjectStyle; suffix?: string };

export interface DocEntry {
  /** `key: value`; `raw` instead for a spread, a computed key or a property kept as written. */
  key?: string;
  value?: Doc;
  raw?: string;
  /** Print `{ key }` when the value is the same identifier (patterns and shorthand literals). */
  shorthand?: boolean;
  leading?: string[];
  trailing?: string[];
}

export interface ObjectStyle {
  multiline: boolean;
  bracketSpacing: boolean;
  trailingComma: boolean;
  /** Every key was quoted (`{ "audio_url": … }`): keep quoting them. */
  quotedKeys?: boolean;
  /** Length of the one-line original: a new one-liner about as long stays on one line. */
  originalLength?: number;
}

export interface RenderContext {
  /** Column where the doc starts. */
  column: number;
  /** Indentation of the line the doc starts on. */
  indent: string;
  unit: string;
  quote: "'" | '"';
  width: number;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function quoteString(value: string, quote: "'" | '"'): string {
  const escaped = value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").split(quote).join(`\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

function renderKey(key: string, rc: RenderContext, quoted: boolean): string {
  return IDENTIFIER.test(key) && !quoted ? key : quoteString(key, rc.quote);
}

/** Multi-line raw code keeps its shape, re-indented under the current line. */
function renderRaw(text: string, indent: string): string {
  const lines = text.split("\n");
  if (lines.length === 1) return text;
  const rest = lines.slice(1);
  const common = Math.min(...rest.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  return [lines[0], ...rest.map((l) => (l.trim() ? indent + l.slice(common) : ""))].join("\n");
}

function entryText(entry: DocEntry, rc: RenderContext, column: number, quoted = false): string {
  if (entry.raw !== undefined) return renderRaw(entry.raw, rc.indent);
  if (entry.shorthand && !quoted) return entry.key!;
  const key = renderKey(entry.key!, rc, quoted);
  if (entry.shorthand) return `${key}: ${entry.key}`;
  return `${key}: ${render(entry.value!, { ...rc, column: column + key.length + 2 })}`;
}

function hasComments(entries: DocEntry[]): boolean {
  return entries.some((e) => e.leading?.length || e.trailing?.length);
}

function renderFlat(open: string, close: string, parts: string[], spacing: boolean): string {
  if (parts.length === 0) return open + close;
  const pad = spacing ? " " : "";
  return `${open}${pad}${parts.join(", ")}${pad}${close}`;
}

function renderObject(doc: Extract<Doc, { kind: "object" }>, rc: RenderContext): string {
  const suffix = doc.suffix ?? "";
  const flat = renderFlat("{", "}", doc.entries.map((e) => entryText(e, { ...rc, width: Infinity }, 0, doc.style.quotedKeys)), doc.style.bracketSpacing) + suffix;
  const fits = rc.column + flat.length <= rc.width || flat.length <= (doc.style.originalLength ?? 0) + 20;
  if (!doc.style.multiline && !hasComments(doc.entries) && !flat.includes("\n") && fits) return flat;
  const inner = rc.indent + rc.unit;
  const lines = doc.entries.map((entry, i) => {
    const last = i === doc.entries.length - 1;
    const comma = !last || doc.style.trailingComma ? "," : "";
    const leading = (entry.leading ?? []).map((c) => `${inner}${c}\n`).join("");
    const trailing = (entry.trailing ?? []).map((c) => ` ${c}`).join("");
    return `${leading}${inner}${entryText(entry, { ...rc, indent: inner }, inner.length, doc.style.quotedKeys)}${comma}${trailing}`;
  });
  return `{\n${lines.join("\n")}\n${rc.indent}}${suffix}`;
}

function renderArray(doc: Extract<Doc, { kind: "array" }>, rc: RenderContext): string {
  const items = doc.items.map((item) => render(item, { ...rc, width: Infinity }));
  const flat = renderFlat("[", "]", items, false);
  if (!flat.includes("\n") && rc.column + flat.length <= rc.width) return flat;
  const inner = rc.indent + rc.unit;
  return `[\n${doc.items.map((item) => `${inner}${render(item, { ...rc, indent: inner, column: inner.length })},`).join("\n")}\n${rc.indent}]`;
}

export function render(doc: Doc, rc: RenderContext): string {
  switch (doc.kind) {
    case "raw":
      return renderRaw(doc.text, rc.indent);
    case "string":
      return quoteString(doc.value, rc.quote);
    case "array":
      return renderArray(doc, rc);
    case "object":
      return renderObject(doc, rc);
  }
}
