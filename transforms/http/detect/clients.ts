import type { JSCodeshift } from "jscodeshift";
import { isCall, isMember, memberKey, staticString, unwrap, type AnyNode, type AnyPath } from "../../shared/ast.js";
import { constInit, findBinding } from "../../shared/scope.js";
import { methodOf, propertyValue, resolveObject } from "./objects.js";
import { findNodes } from "../../shared/find.js";

// HTTP client calls the codemod understands: `fetch` (global, node-fetch, undici, cross-fetch…),
// `axios` (calls, method helpers, `axios.create` instances), `ky` and `got` (calls, helpers,
// `create`/`extend` instances with `prefixUrl`).

export type ClientName = "fetch" | "axios" | "ky" | "got";

/** Module → client, and whether its default export (or a named `fetch`) is the client. */
const CLIENT_MODULES: Record<string, ClientName> = {
  "node-fetch": "fetch",
  "cross-fetch": "fetch",
  "isomorphic-fetch": "fetch",
  "isomorphic-unfetch": "fetch",
  undici: "fetch",
  axios: "axios",
  ky: "ky",
  "ky-universal": "ky",
  got: "got",
};
/** Globals that are the client when nothing in the file binds the name. */
const GLOBAL_CLIENTS: Record<string, ClientName> = { fetch: "fetch", axios: "axios", ky: "ky" };
const INSTANCE_FACTORIES: Record<ClientName, string[]> = { fetch: [], axios: ["create"], ky: ["create", "extend"], got: ["extend"] };
const AXIOS_NO_DATA = new Set(["get", "delete", "head", "options"]);
const AXIOS_WITH_DATA = new Set(["post", "put", "patch", "postForm", "putForm", "patchForm"]);
const KY_METHODS = new Set(["get", "post", "put", "patch", "delete", "head"]);

export interface ClientRef {
  client: ClientName;
  /** `axios.create({ baseURL, headers })` / `ky.create({ prefixUrl, headers })` config. */
  config?: AnyPath;
}

export interface HttpCall {
  path: AnyPath;
  client: ClientName;
  /** Upper-case method; undefined when the code computes it. */
  method: string | undefined;
  url: AnyPath | undefined;
  /** fetch init / axios config / ky options, as an object literal when the file shows one. */
  options: AnyPath | undefined;
  /** axios `data` argument (or `config.data`). */
  data: AnyPath | undefined;
  instance: ClientRef;
}

function moduleOfBinding(declaring: AnyPath): string | undefined {
  const parent = declaring.parent?.node;
  if (/Import(Default|Namespace)?Specifier/.test(parent?.type ?? "")) {
    if (parent.type === "ImportSpecifier" && !["fetch", "default"].includes(parent.imported?.name ?? parent.imported?.value)) return undefined;
    return declaring.parent.parent.node.source.value;
  }
  if (parent?.type === "VariableDeclarator" && parent.id === declaring.node) {
    let init = unwrap(parent.init);
    if (isMember(init) && memberKey(init) === "default") init = unwrap(init.object);
    if (isCall(init) && init.callee.type === "Identifier" && init.callee.name === "require") return staticString(init.arguments[0]);
  }
  if (parent?.type === "ObjectProperty" && ["fetch", "default"].includes(parent.key?.name)) {
    const declarator = declaring.parent.parent.parent?.node;
    const init = declarator?.type === "VariableDeclarator" ? unwrap(declarator.init) : undefined;
    if (isCall(init) && init.callee.name === "require") return staticString(init.arguments[0]);
  }
  return undefined;
}

/** `axios.create({...})`-style instance creation, or undefined. */
function instanceOf(j: JSCodeshift, init: AnyPath): ClientRef | undefined {
  const node = unwrap(init.node);
  if (!isCall(node) || !isMember(node.callee)) return undefined;
  const factory = memberKey(node.callee);
  const base = clientOf(j, init.get("callee", "object"));
  if (!base || !factory || !INSTANCE_FACTORIES[base.client].includes(factory)) return undefined;
  return { client: base.client, config: resolveObject(j, init.get("arguments", 0)) };
}

/** `this.http` where the class sets `this.http = axios.create(…)` or declares `http = axios.create(…)`. */
function thisMemberClient(j: JSCodeshift, path: AnyPath): ClientRef | undefined {
  const key = memberKey(path.node);
  let cls: AnyPath | null = path.parent;
  while (cls && cls.node.type !== "ClassBody") cls = cls.parent;
  if (!cls || !key) return undefined;
  const declared = findNodes(cls, j.ClassProperty, { key: { name: key } }).paths()[0];
  if (declared?.node.value) return instanceOf(j, declared.get("value"));
  const assigned = findNodes(cls, j.AssignmentExpression, { left: { object: { type: "ThisExpression" }, property: { name: key } } })
    .paths()[0];
  return assigned ? instanceOf(j, assigned.get("right")) : undefined;
}

/** The client an expression names: an import, a global, an instance binding, `this.http`. */
export function clientOf(j: JSCodeshift, path: AnyPath): ClientRef | undefined {
  const node = unwrap(path.node);
  if (isMember(node) && node.object.type === "ThisExpression") return thisMemberClient(j, path);
  if (node?.type !== "Identifier") return undefined;
  const binding = findBinding(path, node.name);
  if (!binding) return GLOBAL_CLIENTS[node.name] ? { client: GLOBAL_CLIENTS[node.name] } : undefined;
  const module = moduleOfBinding(binding.id);
  if (module) return CLIENT_MODULES[module] ? { client: CLIENT_MODULES[module] } : undefined;
  const init = constInit(j, binding);
  return init ? instanceOf(j, init) : undefined;
}

function axiosCall(j: JSCodeshift, path: AnyPath, instance: ClientRef, helper: string | undefined): HttpCall | undefined {
  const args = path.node.arguments;
  const arg = (i: number) => (args[i] ? path.get("arguments", i) : undefined);
  if (helper === undefined || helper === "request") {
    // axios(config) / axios(url, config) / axios.request(config)
    const configFirst = resolveObject(j, arg(0));
    const config = configFirst ?? resolveObject(j, arg(1));
    return {
      path, client: "axios", instance, options: config, method: methodOf(config, "GET"),
      url: configFirst ? propertyValue(config, "url") : arg(0), data: propertyValue(config, "data"),
    };
  }
  if (AXIOS_NO_DATA.has(helper)) {
    return { path, client: "axios", instance, url: arg(0), options: resolveObject(j, arg(1)), data: undefined, method: helper.toUpperCase() };
  }
  if (AXIOS_WITH_DATA.has(helper)) {
    const method = helper.replace(/Form$/, "").toUpperCase();
    return { path, client: "axios", instance, url: arg(0), data: arg(1), options: resolveObject(j, arg(2)), method };
  }
  return undefined;
}

/** The name a callee starts with: `fetch`, `axios.post` → axios, `this.http.get` → http. */
export function calleeRootName(callee: AnyNode): string | undefined {
  let node = unwrap(callee);
  while (isMember(node) && node.object.type !== "ThisExpression") node = unwrap(node.object);
  if (isMember(node)) return memberKey(node);
  return node?.type === "Identifier" ? node.name : undefined;
}

/**
 * Names that can be a client in this file: globals, bindings imported/required from a client
 * module, instances made from those, `this.x` members set to an instance. A cheap pre-filter so
 * only those calls are resolved. `imports`, `calls`: every import declaration and call expression of the file.
 */
export function clientNames(imports: AnyPath[], calls: AnyPath[]): Set<string> {
  const names = new Set(Object.keys(GLOBAL_CLIENTS));
  imports.forEach((p: AnyPath) => {
    if (!CLIENT_MODULES[p.node.source.value]) return;
    for (const spec of p.node.specifiers ?? []) names.add(spec.local.name);
  });
  calls.filter((p) => p.node.callee.type === "Identifier" && p.node.callee.name === "require").forEach((p: AnyPath) => {
    if (!CLIENT_MODULES[staticString(p.node.arguments[0]) ?? ""]) return;
    let owner: AnyPath = p.parent;
    while (owner && owner.node.type !== "VariableDeclarator") owner = owner.parent;
    if (owner?.node.id.type === "Identifier") names.add(owner.node.id.name);
    if (owner?.node.id.type === "ObjectPattern") for (const prop of owner.node.id.properties) if (prop.value?.type === "Identifier") names.add(prop.value.name);
  });
  // Instances, repeatedly (an instance of an instance): `const api = axios.create(…)`, `this.http = axios.create(…)`.
  const factories = calls.filter((p) => isMember(p.node.callee) && ["create", "extend"].includes(memberKey(p.node.callee) ?? ""));
  for (let size = -1; size !== names.size; ) {
    size = names.size;
    factories.forEach((p: AnyPath) => {
      const callee = p.node.callee;
      if (!names.has(calleeRootName(callee.object) ?? "")) return;
      const owner = p.parent.node;
      if (owner.type === "VariableDeclarator" && owner.id.type === "Identifier") names.add(owner.id.name);
      if ((owner.type === "AssignmentExpression" && isMember(owner.left)) || owner.type === "ClassProperty") {
        names.add(owner.type === "ClassProperty" ? owner.key.name : memberKey(owner.left) ?? "");
      }
    });
  }
  return names;
}

/** The HTTP request a call expression makes, when it is one the codemod understands. */
export function httpCallOf(j: JSCodeshift, path: AnyPath): HttpCall | undefined {
  const callee = path.node.callee as AnyNode;
  const direct = clientOf(j, path.get("callee"));
  const viaHelper = !direct && isMember(callee) ? clientOf(j, path.get("callee", "object")) : undefined;
  const instance = direct ?? viaHelper;
  if (!instance) return undefined;
  const helper = viaHelper ? memberKey(callee) : undefined;
  if (viaHelper && !helper) return undefined;
  if (instance.client === "axios") return axiosCall(j, path, instance, helper);
  const options = resolveObject(j, path.node.arguments[1] ? path.get("arguments", 1) : undefined);
  const url = path.node.arguments[0] ? path.get("arguments", 0) : undefined;
  if (instance.client === "fetch") {
    return helper ? undefined : { path, client: "fetch", instance, url, options, data: undefined, method: methodOf(options, "GET") };
  }
  if (helper && !KY_METHODS.has(helper)) return undefined;
  return { path, client: instance.client, instance, url, options, data: undefined, method: helper ? helper.toUpperCase() : methodOf(options, "GET") };
}

/** `prefixUrl` (ky/got) or `baseURL` (axios) of an instance config. */
export function instanceBase(ref: ClientRef): AnyPath | undefined {
  return propertyValue(ref.config, ref.client === "axios" ? "baseURL" : "prefixUrl");
}
