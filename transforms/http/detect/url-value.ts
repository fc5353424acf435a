import type { JSCodeshift } from "jscodeshift";
import { isFunction, isMember, memberKey, propertyKey, staticString, unwrap, unwrapPath, type AnyPath } from "../../shared/ast.js";
import { constInit, findBinding } from "../../shared/scope.js";
import { findNodes } from "../../shared/find.js";

// A URL expression evaluated as far as the file shows: its text (unknown pieces are DYN) and the
// string literals / template pieces it is made of, so they can be rewritten where they are written.
// Handles literals, templates, `+`, constants, `process.env.X ?? "default"`, `new URL(path, base)`,
// `.href`/`.toString()`, object constants (`CONFIG.baseUrl`) and parameters of local functions.

export const DYN = "\u0000";
const MAX_DEPTH = 6;

export interface UrlValue {
  /** The URL with DYN for each piece the file does not show. */
  text: string;
  /** Literal (StringLiteral) and TemplateElement paths that make up the text. */
  owners: AnyPath[];
  /** The owner the text ends in (for a trailing slash), when the URL ends with a literal piece. */
  last?: AnyPath;
  /** Alternative values when the URL is a parameter of a local function (one per call site). */
  alternatives?: UrlValue[];
}

const dynamic = (): UrlValue => ({ text: DYN, owners: [] });

function concat(a: UrlValue, b: UrlValue): UrlValue {
  const joined: UrlValue = { text: a.text + b.text, owners: [...a.owners, ...b.owners], last: b.text === "" ? a.last : b.last };
  // A parameter's alternatives carry through: `BASE + path` is one URL per call site.
  if (a.alternatives) joined.alternatives = a.alternatives.map((alt) => concat(alt, { ...b, alternatives: undefined }));
  else if (b.alternatives) joined.alternatives = b.alternatives.map((alt) => concat(a, alt));
  return joined;
}

function literal(path: AnyPath, text: string): UrlValue {
  return { text, owners: [path], last: path };
}

function evaluateTemplate(j: JSCodeshift, path: AnyPath, depth: number): UrlValue {
  const node = path.node;
  let value: UrlValue = { text: "", owners: [] };
  node.quasis.forEach((quasi: { value: { cooked: string } }, i: number) => {
    value = concat(value, literal(path.get("quasis", i), quasi.value.cooked ?? ""));
    if (i < node.expressions.length) value = concat(value, evaluate(j, path.get("expressions", i), depth + 1));
  });
  return value;
}

/** `new URL(path, base)`: resolve like the URL class does, with DYN kept as a placeholder. */
function evaluateNewUrl(j: JSCodeshift, path: AnyPath, depth: number): UrlValue {
  const args = path.node.arguments;
  if (args.length === 0) return dynamic();
  const relative = evaluate(j, path.get("arguments", 0), depth + 1);
  if (args.length === 1) return relative;
  const base = evaluate(j, path.get("arguments", 1), depth + 1);
  const owners = [...base.owners, ...relative.owners];
  if (/^https?:/.test(relative.text)) return relative;
  const origin = /^(https?:\/\/[^/]+)/.exec(base.text)?.[1];
  if (relative.text.startsWith("/") && origin) return { text: origin + relative.text, owners, last: relative.last };
  const dir = base.text.slice(0, base.text.lastIndexOf("/") + 1);
  return { text: dir + relative.text, owners, last: relative.last };
}

/** `{ baseUrl: "…" }.baseUrl` for an object constant in the file. */
function evaluateConstMember(j: JSCodeshift, path: AnyPath, depth: number): UrlValue | undefined {
  const node = path.node;
  const key = memberKey(node);
  if (key === undefined || unwrap(node.object).type !== "Identifier") return undefined;
  const binding = findBinding(path, unwrap(node.object).name);
  const init = binding && constInit(j, binding);
  if (!init || unwrap(init.node).type !== "ObjectExpression") return undefined;
  const object = unwrap(init.node);
  const index = object.properties.findIndex((p: unknown) => propertyKey(p) === key);
  if (index < 0) return undefined;
  return evaluate(j, unwrapPath(init).get("properties", index, "value"), depth + 1);
}

/** A parameter of a local function: one alternative per call site. */
function evaluateParameter(j: JSCodeshift, id: AnyPath, depth: number): UrlValue | undefined {
  const fn = id.parent;
  if (!isFunction(fn.node)) return undefined;
  const index = fn.node.params.indexOf(id.node);
  if (index < 0) return undefined;
  const name = fn.node.id?.name ?? (fn.parent.node.type === "VariableDeclarator" ? fn.parent.node.id.name : undefined);
  if (!name) return undefined;
  const binding = findBinding(fn.parent, name);
  if (!binding) return undefined;
  const alternatives = findNodes(binding.scope, j.CallExpression, { callee: { type: "Identifier", name } })
    .paths()
    .filter((call) => call.node.arguments[index] && findBinding(call, name)?.id.node === binding.id.node)
    .map((call) => evaluate(j, call.get("arguments", index), depth + 1));
  if (alternatives.length === 0) return undefined;
  return { ...dynamic(), alternatives };
}

function evaluateIdentifier(j: JSCodeshift, path: AnyPath, depth: number): UrlValue {
  const binding = findBinding(path, path.node.name);
  if (!binding) return dynamic();
  const init = constInit(j, binding);
  if (init) return evaluate(j, init, depth + 1);
  return evaluateParameter(j, binding.id, depth) ?? dynamic();
}

export function evaluate(j: JSCodeshift, path: AnyPath, depth = 0): UrlValue {
  if (depth > MAX_DEPTH || !path?.node) return dynamic();
  const node = path.node;
  if (node.type !== unwrap(node).type) return evaluate(j, path.get("expression"), depth);
  const text = staticString(node);
  if (node.type === "StringLiteral" || node.type === "Literal") return text === undefined ? dynamic() : literal(path, text);
  switch (node.type) {
    case "TemplateLiteral":
      return evaluateTemplate(j, path, depth);
    case "BinaryExpression":
      return node.operator === "+" ? concat(evaluate(j, path.get("left"), depth + 1), evaluate(j, path.get("right"), depth + 1)) : dynamic();
    case "LogicalExpression":
      // `process.env.GLADIA_URL ?? "https://api.gladia.io"`: the default is what the file shows.
      return node.operator === "&&" ? dynamic() : evaluate(j, path.get("right"), depth + 1);
    case "Identifier":
      return evaluateIdentifier(j, path, depth);
    case "NewExpression":
      return node.callee.type === "Identifier" && node.callee.name === "URL" ? evaluateNewUrl(j, path, depth) : dynamic();
    case "CallExpression":
      // `url.toString()`
      return isMember(node.callee) && memberKey(node.callee) === "toString" ? evaluate(j, path.get("callee", "object"), depth + 1) : dynamic();
    case "MemberExpression":
    case "OptionalMemberExpression":
      if (memberKey(node) === "href") return evaluate(j, path.get("object"), depth + 1);
      return evaluateConstMember(j, path, depth) ?? dynamic();
    default:
      return dynamic();
  }
}

/** Axios `baseURL` + relative URL, ky/got `prefixUrl` + input: joined with exactly one slash. */
export function joinBase(base: UrlValue, relative: UrlValue): UrlValue {
  if (/^https?:/.test(relative.text)) return relative;
  const slash = base.text.endsWith("/") || relative.text.startsWith("/") ? "" : "/";
  const joined = concat(concat(base, { text: slash, owners: [] }), relative);
  return { ...joined, text: joined.text.replace(/([^:/])\/\/+/g, "$1/") };
}
