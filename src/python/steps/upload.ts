import type { PyContext } from "../context.js";
import type { HttpCall } from "../facts.js";
import type { PyNode } from "../parse.js";
import { callArgs, dottedName, enclosingFunction, enclosingStatement, end, lineStartAt, start, stringValue, unwrap } from "../nodes.js";
import type { PyStep } from "./step.js";
import { describePyStep } from "../../languages/python-info.js";

// Mapping §1 upload: Gladia's multipart `files={"audio": (name, f, mime)}` becomes AssemblyAI's raw
// body (`data=f`; httpx `content=f`), and a JSON `{audio_url}` re-hosting upload gets a marker.

const GLADIA_UPLOAD_FIELD = "audio";

/** The file object inside `{"audio": (name, f, mime)}`, `[("audio", (name, f, mime))]` or `{"audio": f}`. */
function fileOfFiles(node: PyNode): PyNode | undefined {
  const value = unwrap(node);
  let entry: PyNode | undefined;
  if (value.kind() === "dictionary") {
    const pairs = value.namedChildren().filter((c) => c.kind() !== "comment");
    if (pairs.length !== 1 || pairs[0].kind() !== "pair" || stringValue(pairs[0].field("key")) !== GLADIA_UPLOAD_FIELD) return undefined;
    entry = pairs[0].field("value") ?? undefined;
  } else if (value.kind() === "list" || value.kind() === "tuple") {
    const items = value.namedChildren().filter((c) => c.kind() !== "comment");
    const tuple = items.length === 1 ? unwrap(items[0]) : undefined;
    const parts = tuple?.kind() === "tuple" ? tuple.namedChildren() : [];
    if (parts.length !== 2 || stringValue(parts[0]) !== GLADIA_UPLOAD_FIELD) return undefined;
    entry = parts[1];
  }
  if (!entry) return undefined;
  const inner = unwrap(entry);
  if (inner.kind() !== "tuple") return inner;
  const parts = inner.namedChildren();
  return parts.length >= 2 ? parts[1] : undefined;
}

interface FilesSource {
  file: PyNode;
  /** The `files = {…}` statement, when the name is used nowhere else (it can go). */
  removable?: PyNode;
  /** The literal that holds the file object. */
  literal: PyNode;
}

/** Reads of the name that see this very binding (assignment targets excluded). */
export function readsOfBinding(ctx: PyContext, name: string, binding: PyNode): PyNode[] {
  const scope = enclosingFunction(binding) ?? ctx.root;
  return scope.findAll({ rule: { kind: "identifier", regex: `^${name}$` } }).filter((id) => {
    const parent = id.parent();
    if (parent?.kind() === "assignment" && parent.field("left")?.id() === id.id()) return false;
    if (parent?.kind() === "keyword_argument" && parent.field("name")?.id() === id.id()) return false;
    return ctx.facts.lookup(name, id)?.node.id() === binding.id();
  });
}

function resolveFiles(ctx: PyContext, value: PyNode): FilesSource | undefined {
  const inner = unwrap(value);
  if (inner.kind() !== "identifier") {
    const file = fileOfFiles(inner);
    return file ? { file, literal: inner } : undefined;
  }
  const binding = ctx.facts.lookup(inner.text(), inner);
  const assignment = binding?.node.kind() === "assignment" ? binding.node : undefined;
  const right = assignment?.field("right");
  const file = right ? fileOfFiles(right) : undefined;
  if (!assignment || !right || !file) return undefined;
  const statement = enclosingStatement(assignment);
  const onlyHere = readsOfBinding(ctx, inner.text(), assignment).length === 1 && statement?.kind() === "expression_statement";
  return { file, literal: right, ...(onlyHere ? { removable: statement } : {}) };
}

/** Removes a whole statement line (indentation and newline included). */
export function removeStatement(ctx: PyContext, statement: PyNode): boolean {
  const from = lineStartAt(ctx.source, start(statement));
  const newline = ctx.source.indexOf("\n", end(statement));
  const to = newline === -1 ? ctx.source.length : newline + 1;
  if (ctx.source.slice(from, start(statement)).trim() || ctx.source.slice(end(statement), to).trim()) return false;
  return ctx.replace({ start: from, end: to }, "");
}

function rawBodyKeyword(lib: HttpCall["lib"]): string {
  return lib === "httpx" ? "content" : "data";
}

/** Is `node` a file opened with `open(...)` (a call, or a name bound to one)? */
function isOpenedFile(ctx: PyContext, node: PyNode): boolean {
  const isOpen = (n: PyNode | null | undefined) => n?.kind() === "call" && dottedName(n.field("function")) === "open";
  if (isOpen(node)) return true;
  if (node.kind() !== "identifier") return false;
  const binding = ctx.facts.lookup(node.text(), node)?.node;
  if (binding?.kind() === "as_pattern") return isOpen(binding.namedChildren()[0]);
  return binding?.kind() === "assignment" && isOpen(binding.field("right"));
}

/**
 * The raw body: requests and aiohttp stream a file object; httpx's AsyncClient cannot take a
 * blocking file, so httpx gets the bytes (`f.read()`), which both of its clients accept.
 */
function rawBody(ctx: PyContext, lib: HttpCall["lib"], file: PyNode): string {
  const text = ctx.textOf(file);
  return lib === "httpx" && isOpenedFile(ctx, file) ? `${text}.read()` : text;
}

/** aiohttp: `form = aiohttp.FormData()` + `form.add_field("audio", f, …)` → the file object `f`. */
function resolveFormData(ctx: PyContext, value: PyNode): { file: PyNode; statements: PyNode[] } | undefined {
  const inner = unwrap(value);
  if (inner.kind() !== "identifier") return undefined;
  const binding = ctx.facts.lookup(inner.text(), inner)?.node;
  const right = binding?.kind() === "assignment" ? binding.field("right") : undefined;
  if (!binding || !right || ctx.facts.qualify(dottedName(right.field("function"))) !== "aiohttp.FormData") return undefined;
  const reads = readsOfBinding(ctx, inner.text(), binding).filter((id) => id.id() !== inner.id());
  const adds = reads.map((id) => id.parent()?.parent()).filter((call): call is PyNode => call?.kind() === "call" && call.field("function")?.field("attribute")?.text() === "add_field");
  if (reads.length !== 1 || adds.length !== 1) return undefined;
  const [field, file] = callArgs(adds[0]).positional;
  const statements = [enclosingStatement(binding), enclosingStatement(adds[0])];
  if (stringValue(field) !== GLADIA_UPLOAD_FIELD || !file || statements.some((s) => s?.kind() !== "expression_statement")) return undefined;
  return { file, statements: statements as PyNode[] };
}

function migrateFormUpload(ctx: PyContext, http: HttpCall, data: PyNode): boolean {
  const form = resolveFormData(ctx, data);
  if (!form) {
    ctx.mark(http.call, "upload-multipart");
    return false;
  }
  const changed = ctx.replace(data, ctx.textOf(form.file));
  if (changed) for (const statement of form.statements) removeStatement(ctx, statement);
  return changed;
}

function migrateDirectUpload(ctx: PyContext, http: HttpCall): boolean {
  const { keywords, keywordNodes } = callArgs(http.call);
  const files = keywords.get("files");
  if (!files && keywords.has("data") && http.lib !== "requests" && http.lib !== "httpx") return migrateFormUpload(ctx, http, keywords.get("data")!);
  if (!files) return false;
  const source = resolveFiles(ctx, files);
  const keyword = keywordNodes.find((k) => k.field("name")?.text() === "files")!;
  if (!source || keywords.has("data") || keywords.has("content")) {
    ctx.mark(http.call, "upload-multipart");
    return false;
  }
  const changed = ctx.replace(keyword, `${rawBodyKeyword(http.lib)}=${rawBody(ctx, http.lib, source.file)}`);
  if (changed && source.removable) removeStatement(ctx, source.removable);
  return changed;
}

/** `make_request(url, headers, "POST", files=files)`: the helper passes `files=` on; it now sends raw bytes. */
function migrateWrapperUpload(ctx: PyContext, http: HttpCall): boolean {
  const wrapper = http.wrapper!;
  const files = callArgs(http.call).keywords.get("files");
  if (!files) return false;
  const source = resolveFiles(ctx, files);
  const calls = ctx.root.findAll({ rule: { kind: "call" } }).filter((call) => call.field("function")?.text() === wrapper.name);
  const allGladia = calls.every((call) => ctx.facts.httpCalls.has(call.id()));
  const inner = wrapper.inner.map((call) => ({ call, args: callArgs(call) })).filter(({ args }) => args.keywords.has("files"));
  if (!source || !allGladia || inner.length === 0 || inner.some(({ args }) => args.keywords.has("data") || args.keywords.has("content"))) {
    ctx.mark(http.call, "upload-multipart");
    return false;
  }
  let changed = ctx.replace(source.literal, ctx.textOf(source.file));
  for (const { call, args } of inner) {
    const keyword = args.keywordNodes.find((k) => k.field("name")?.text() === "files")!;
    const lib = ctx.facts.qualify(call.field("function")?.field("object")?.text()) === "httpx" ? "httpx" : "requests";
    changed = ctx.replace(keyword, `${rawBodyKeyword(lib)}=${ctx.textOf(keyword.field("value")!)}`) || changed;
  }
  return changed;
}

function markRehosting(ctx: PyContext, http: HttpCall): void {
  if (callArgs(http.call).keywords.has("json")) ctx.mark(http.call, "upload-url-rehost");
}

export const uploadStep: PyStep = {
  name: "py-upload",
  description: describePyStep("py-upload"),
  run(ctx) {
    let changed = false;
    for (const http of ctx.facts.httpCalls.values()) {
      if (http.endpoint !== "upload") continue;
      markRehosting(ctx, http);
      changed = (http.wrapper ? migrateWrapperUpload(ctx, http) : migrateDirectUpload(ctx, http)) || changed;
    }
    return changed;
  },
};
