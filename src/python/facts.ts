import type { ItemKind } from "../mapping/result.js";
import { ITEM_FIELDS, RESULT_PATHS } from "../mapping/result.js";
import { PY_SDK, PY_SDK_METHODS } from "../mapping/sdk.js";
import { AUTH_HEADER } from "../mapping/transport.js";
import type { PyNode } from "./parse.js";
import { parametersOf } from "./calls.js";
import { callArgs, dottedName, enclosingFunction, end, start, stringValue, unwrap } from "./nodes.js";
import { endpointOf, evalUrl, isGladiaUrl, type EndpointKind, type UrlValue } from "./url.js";

// A small data-flow pass over one file: which names hold Gladia URLs, Gladia headers, HTTP
// clients, responses and parsed JSON (upload response, create response, job, items of a job),
// so that later steps rewrite only what provably belongs to Gladia.

export type HttpLib = "requests" | "httpx" | "aiohttp" | "unknown";
export type Key = string | number;
export type JsonRoot = "upload" | "create" | "job" | "callback" | `item:${ItemKind}`;

export type Fact =
  | { kind: "url"; value: UrlValue }
  | { kind: "text"; value: UrlValue }
  | { kind: "headers" }
  | { kind: "client"; lib: HttpLib; base?: UrlValue }
  | { kind: "response"; call: HttpCall }
  | { kind: "json"; root: JsonRoot; path: Key[]; attr?: boolean }
  | { kind: "sdk"; what: SdkObject; node: PyNode };

/** gladiaio_sdk objects: the client, its pre-recorded clients (sync/async) and the live ones. */
export type SdkObject = "client" | "prerecorded" | "prerecorded-async" | "live";

/** What a gladiaio_sdk pre-recorded method returns, as a JSON root read with attributes. */
const SDK_RESULTS: Record<string, JsonRoot> = {
  transcribe: "job",
  create_and_poll: "job",
  poll: "job",
  get: "job",
  upload_file: "upload",
  create: "create",
};

export interface HttpCall {
  call: PyNode;
  lib: HttpLib;
  method: string;
  urlNode?: PyNode;
  url: UrlValue;
  endpoint?: EndpointKind;
  /** A call through a local helper function (`make_request(url, headers, "POST", …)`). */
  wrapper?: Wrapper;
  gladiaHeaders: boolean;
}

export interface Wrapper {
  name: string;
  def: PyNode;
  urlParam: { index: number; name: string };
  returnsJson: boolean;
  /** The HTTP calls inside the helper. */
  inner: PyNode[];
}

const HTTP_METHODS = new Set(["get", "post", "put", "delete", "patch", "request", "head"]);
const CLIENT_CONSTRUCTORS: Record<string, HttpLib> = {
  "requests.Session": "requests",
  "requests.session": "requests",
  "httpx.Client": "httpx",
  "httpx.AsyncClient": "httpx",
  "aiohttp.ClientSession": "aiohttp",
};
const HTTP_MODULES: Record<string, HttpLib> = { requests: "requests", httpx: "httpx" };
/** Calls whose value is what the coroutine passed as their first argument returns. */
const COROUTINE_RUNNERS = { functions: new Set(["asyncio.run", "asyncio.wait_for", "asyncio.shield"]), methods: new Set(["run_until_complete"]) };

interface Binding {
  at: number;
  /** Computed on first read: a binding may use names bound anywhere in the file (a function defined further down). */
  readonly fact: Fact | undefined;
  node: PyNode;
}

/** A binding whose fact is computed once, on demand; a cycle (`x = f(x)`) reads as no fact. */
function lazyBinding(at: number, node: PyNode, compute: () => Fact | undefined): Binding {
  let state: "new" | "busy" | "done" = "new";
  let value: Fact | undefined;
  return {
    at,
    node,
    get fact() {
      if (state === "new") {
        state = "busy";
        value = compute();
        state = "done";
      }
      return value;
    },
  };
}

export class Facts {
  readonly imports = new Map<string, string>();
  readonly wrappers = new Map<string, Wrapper>();
  /** Module-level functions by name (their return values carry facts to the call sites). */
  readonly functions = new Map<string, PyNode>();
  readonly httpCalls = new Map<number, HttpCall>();
  private bindings = new Map<string, Binding[]>();
  private ordered: Binding[] = [];
  private memo = new Map<number, Fact | undefined>();
  /** Nodes currently being evaluated (guards against `x = x + …` cycles). */
  private busy = new Set<number>();

  constructor(readonly root: PyNode) {
    this.scopes = root
      .findAll({ rule: { any: [{ kind: "function_definition" }, { kind: "lambda" }, { kind: "class_definition" }] } })
      .map((n) => ({ start: start(n), end: n.range().end.index, id: n.id(), kind: n.kind() as string, name: n.field("name")?.text() ?? "" }))
      .sort((a, b) => a.start - b.start);
    this.readImports();
    for (const def of root.findAll({ rule: { kind: "function_definition" } })) {
      const name = def.field("name")?.text();
      if (name && !enclosingFunction(def)) this.functions.set(name, def);
    }
    this.findWrappers();
    this.bindAll();
    // In source order, as the program runs; a read of a binding further down computes that one first.
    for (const binding of this.ordered) void binding.fact;
    for (const call of root.findAll({ rule: { kind: "call" } })) this.factOf(call);
  }

  /** `hx.Client` → `httpx.Client` through the file's imports. */
  qualify(name: string | undefined): string | undefined {
    if (!name) return undefined;
    const [head, ...rest] = name.split(".");
    const target = this.imports.get(head);
    return target ? [target, ...rest].join(".") : name;
  }

  private readImports(): void {
    for (const stmt of this.root.findAll({ rule: { any: [{ kind: "import_statement" }, { kind: "import_from_statement" }] } })) {
      const module = stmt.kind() === "import_from_statement" ? stmt.field("module_name")?.text() : undefined;
      for (const child of stmt.namedChildren()) {
        if (child === stmt.field("module_name") || child.range().start.index === stmt.field("module_name")?.range().start.index) continue;
        if (child.kind() === "dotted_name") {
          const name = child.text();
          this.imports.set(module ? name : name.split(".")[0], module ? `${module}.${name}` : name.split(".")[0]);
        } else if (child.kind() === "aliased_import") {
          const name = child.field("name")?.text();
          const alias = child.field("alias")?.text();
          if (name && alias) this.imports.set(alias, module ? `${module}.${name}` : name);
        }
      }
    }
  }

  /** Function and class bodies by source range (innermost last), to find a node's scope without walking up. */
  private scopes: { start: number; end: number; id: number; kind: string; name: string }[] = [];

  private innermost(node: PyNode, kinds: string[]): { id: number; kind: string; name: string } | undefined {
    const at = start(node);
    let found: (typeof this.scopes)[number] | undefined;
    for (const scope of this.scopes) {
      if (scope.start > at) break;
      if (at < scope.end && kinds.includes(scope.kind) && scope.start !== at) found = scope;
    }
    return found;
  }

  private scopeKey(node: PyNode, name: string): string {
    const fn = name.includes(".") ? undefined : this.innermost(node, ["function_definition", "lambda"]);
    return `${fn ? fn.id : "module"}:${name}`;
  }

  bind(name: string, node: PyNode, binding: Binding): void {
    const key = this.scopeKey(node, name);
    const list = this.bindings.get(key) ?? [];
    list.push(binding);
    this.bindings.set(key, list);
  }

  private lookupIn(key: string, at: number): Binding | undefined {
    const list = this.bindings.get(key);
    if (!list?.length) return undefined;
    const before = list.filter((b) => b.at < at);
    return before.length ? before[before.length - 1] : list[list.length - 1];
  }

  lookup(name: string, at: PyNode): Binding | undefined {
    const local = this.lookupIn(this.scopeKey(at, name), start(at));
    return local ?? this.lookupIn(`module:${name}`, start(at));
  }

  /** Every binding of `name` in the scope of `at` (all assignments of a body variable, say). */
  bindingsOf(name: string, at: PyNode): PyNode[] {
    const local = this.bindings.get(this.scopeKey(at, name));
    return (local ?? this.bindings.get(`module:${name}`) ?? []).map((b) => b.node);
  }

  /** Records every binding site; each fact is computed on first read (a use above the definition included). */
  private bindAll(): void {
    const kinds = ["assignment", "named_expression", "as_pattern", "for_statement", "for_in_clause"].map((kind) => ({ kind }));
    for (const node of this.root.findAll({ rule: { any: kinds } })) {
      const kind = node.kind();
      if (kind === "assignment" || kind === "named_expression") {
        const left = node.field(kind === "assignment" ? "left" : "name");
        const right = node.field(kind === "assignment" ? "right" : "value");
        if (left && right) this.bindTarget(left, node, end(node), () => this.valueFact(right));
      } else if (kind === "as_pattern" && node.parent()?.kind() === "with_item") {
        const value = node.namedChildren()[0];
        const alias = node.field("alias");
        const target = alias?.namedChildren()[0] ?? alias;
        if (value && target) this.bindTarget(target, node, end(node), () => this.valueFact(value));
      } else if (kind === "for_statement" || kind === "for_in_clause") {
        const left = node.field("left");
        const right = node.field("right");
        if (left && right) {
          this.bindTarget(left, node, end(right), () => {
            const fact = this.factOf(right);
            return fact?.kind === "json" ? this.advance(fact, 0) : undefined;
          });
        }
      }
    }
  }

  /** `visibleFrom`: where reads start to see the new value (after `x = x + …` is read whole). */
  private bindTarget(left: PyNode, at: PyNode, visibleFrom: number, compute: () => Fact | undefined): void {
    const name = dottedName(left);
    if (!name) return;
    const binding = lazyBinding(visibleFrom, at, compute);
    this.bind(name, at, binding);
    this.ordered.push(binding);
    // A class attribute (`class Settings: URL = …`) is read as `Settings.URL`.
    const owner = this.innermost(at, ["class_definition", "function_definition", "lambda"]);
    if (owner?.kind === "class_definition" && !name.includes(".")) this.bind(`${owner.name}.${name}`, at, binding);
  }

  /** The fact for a bound value: anything factOf knows, or a constant string. */
  private valueFact(node: PyNode): Fact | undefined {
    const fact = this.factOf(node);
    if (fact) return fact;
    const value = evalUrl(node, (n) => this.urlLookup(n));
    if (isGladiaUrl(value.text)) return { kind: "url", value };
    return value.text !== "{}" && value.pieces.length > 0 ? { kind: "text", value } : undefined;
  }

  urlLookup(node: PyNode): UrlValue | undefined {
    const fact = this.factOf(node);
    if (fact?.kind === "url" || fact?.kind === "text") return fact.value;
    if (fact?.kind === "json" && fact.root === "create" && fact.path.length === 1 && fact.path[0] === "result_url") {
      return { text: "https://api.gladia.io/v2/pre-recorded/{}", pieces: [] };
    }
    return undefined;
  }

  evalUrl(node: PyNode): UrlValue {
    return evalUrl(node, (n) => this.urlLookup(n));
  }

  factOf(input: PyNode): Fact | undefined {
    const node = unwrap(input);
    const id = node.id();
    if (this.memo.has(id)) return this.memo.get(id);
    if (this.busy.has(id)) return undefined;
    this.busy.add(id);
    const fact = this.computeFact(node);
    this.busy.delete(id);
    this.memo.set(id, fact);
    return fact;
  }

  private computeFact(node: PyNode): Fact | undefined {
    switch (node.kind()) {
      case "identifier":
      case "attribute": {
        const name = dottedName(node);
        if (name) {
          const bound = this.lookup(name, node);
          if (bound) return bound.fact;
        }
        if (node.kind() === "attribute") return this.attributeFact(node);
        return undefined;
      }
      case "await":
        return node.namedChildren()[0] ? this.factOf(node.namedChildren()[0]) : undefined;
      case "call":
        return this.callFact(node);
      case "subscript":
        return this.subscriptFact(node);
      case "dictionary":
        return isGladiaHeaders(node) ? { kind: "headers" } : undefined;
      case "string":
      case "concatenated_string":
      case "binary_operator":
      case "boolean_operator": {
        const value = this.evalUrl(node);
        return isGladiaUrl(value.text) ? { kind: "url", value } : undefined;
      }
      default:
        return undefined;
    }
  }

  private attributeFact(node: PyNode): Fact | undefined {
    const object = node.field("object");
    const attr = node.field("attribute")?.text();
    if (!object || !attr) return undefined;
    const base = this.factOf(object);
    if (base?.kind === "json" && base.attr) return this.advance(base, attr);
    if (base?.kind === "response" && attr === "text") return undefined;
    return undefined;
  }

  private subscriptFact(node: PyNode): Fact | undefined {
    const value = node.field("value");
    const key = literalKey(node.field("subscript"));
    if (!value || key === undefined) return undefined;
    const base = this.factOf(value);
    return base?.kind === "json" && !base.attr ? this.advance(base, key) : undefined;
  }

  /** Reading `key` below a JSON value. */
  advance(fact: Extract<Fact, { kind: "json" }>, key: Key): Fact {
    return normalise({ ...fact, path: [...fact.path, key] });
  }

  private callFact(call: PyNode): Fact | undefined {
    const fn = call.field("function");
    if (!fn) return undefined;
    const name = this.qualify(dottedName(fn));
    if (name && CLIENT_CONSTRUCTORS[name]) {
      const base = callArgs(call).keywords.get("base_url");
      return { kind: "client", lib: CLIENT_CONSTRUCTORS[name], ...(base ? { base: this.evalUrl(base) } : {}) };
    }
    if (name === `${PY_SDK.gladiaModule}.GladiaClient`) return { kind: "sdk", what: "client", node: call };
    const runsCoroutine = (name && COROUTINE_RUNNERS.functions.has(name)) || (fn.kind() === "attribute" && COROUTINE_RUNNERS.methods.has(fn.field("attribute")!.text()));
    if (runsCoroutine) {
      const coroutine = callArgs(call).positional[0];
      return coroutine ? this.factOf(coroutine) : undefined;
    }
    if (fn.kind() === "attribute") {
      const attr = fn.field("attribute")!.text();
      const object = fn.field("object")!;
      const sdk = this.sdkCall(call, object, attr);
      if (sdk) return sdk;
      if (attr === "json" && callArgs(call).positional.length === 0) {
        const response = this.factOf(object);
        if (response?.kind === "response") return jsonOfResponse(response.call);
        return undefined;
      }
      if (attr === "get") {
        const base = this.factOf(object);
        const key = literalKey(callArgs(call).positional[0]);
        if (base?.kind === "json" && !base.attr && key !== undefined) return this.advance(base, key);
        if (base?.kind === "json") return undefined;
      }
      if (HTTP_METHODS.has(attr)) {
        const http = this.httpCall(call, object, attr);
        if (http) return { kind: "response", call: http };
      }
    }
    // `from requests import post` / `from httpx import get`
    const [module, method] = name?.split(".") ?? [];
    if (fn.kind() === "identifier" && name?.split(".").length === 2 && HTTP_MODULES[module] && HTTP_METHODS.has(method)) {
      const http = this.httpCall(call, fn, method, HTTP_MODULES[module]);
      if (http) return { kind: "response", call: http };
    }
    if (name === "json.loads") {
      const arg = callArgs(call).positional[0];
      const inner = arg ? unwrap(arg) : undefined;
      const source = inner?.kind() === "attribute" ? inner.field("object") : inner?.kind() === "await" ? inner : undefined;
      const target = source?.kind() === "await" ? unwrap(source.namedChildren()[0]).field("function")?.field("object") : source;
      const response = target ? this.factOf(target) : undefined;
      return response?.kind === "response" ? jsonOfResponse(response.call) : undefined;
    }
    if (fn.kind() === "identifier" && this.functions.has(fn.text()) && !this.wrappers.has(fn.text())) return this.returnFact(this.functions.get(fn.text())!);
    if (fn.kind() === "identifier" && this.wrappers.has(fn.text())) {
      const http = this.wrapperCall(call, this.wrappers.get(fn.text())!);
      if (!http) return undefined;
      return this.wrappers.get(fn.text())!.returnsJson ? jsonOfResponse(http) : { kind: "response", call: http };
    }
    return undefined;
  }

  /** What a local function returns, when every `return value` agrees (a Gladia job, say). */
  private returnFact(def: PyNode): Fact | undefined {
    const returns = def.findAll({ rule: { kind: "return_statement" } }).filter((r) => enclosingFunction(r)?.id() === def.id());
    const facts = returns.map((r) => r.namedChildren()[0]).filter((v) => v !== undefined).map((v) => this.factOf(v));
    const first = facts[0];
    if (first?.kind !== "json" || !facts.every((f) => f?.kind === "json" && f.root === first.root && f.path.join(".") === first.path.join("."))) return undefined;
    return first;
  }

  /** `GladiaClient(...).prerecorded()`, `prerecorded.transcribe(...)`, … */
  private sdkCall(call: PyNode, object: PyNode, attr: string): Fact | undefined {
    const owner = this.factOf(object);
    if (owner?.kind !== "sdk") return undefined;
    if (owner.what === "client") {
      const factories: [readonly string[], SdkObject][] = [[PY_SDK.preRecordedFactories, "prerecorded"], [PY_SDK.asyncFactories, "prerecorded-async"], [PY_SDK.liveFactories, "live"]];
      const what = factories.find(([names]) => names.includes(attr))?.[1];
      return what ? { kind: "sdk", what, node: call } : undefined;
    }
    if ((owner.what === "prerecorded" || owner.what === "prerecorded-async") && PY_SDK_METHODS[attr] && SDK_RESULTS[attr]) {
      return { kind: "json", root: SDK_RESULTS[attr], path: [], attr: true };
    }
    return undefined;
  }

  /** `requests.post(url, …)`, `session.get(url)`, `client.request("POST", url)`, … */
  private httpCall(call: PyNode, object: PyNode, attr: string, imported?: HttpLib): HttpCall | undefined {
    const known = this.httpCalls.get(call.id());
    if (known) return known;
    const objectName = imported ? undefined : this.qualify(dottedName(object));
    const objectFact = imported ? undefined : this.factOf(object);
    const lib: HttpLib | undefined = imported ?? (objectName && HTTP_MODULES[objectName] ? HTTP_MODULES[objectName] : objectFact?.kind === "client" ? objectFact.lib : undefined);
    const { positional, keywords } = callArgs(call);
    const isRequest = attr === "request";
    const method = isRequest ? (stringValue(positional[0] ?? keywords.get("method"))?.toUpperCase() ?? "?") : attr.toUpperCase();
    const urlNode = (isRequest ? positional[1] : positional[0]) ?? keywords.get("url");
    if (!urlNode) return undefined;
    let url = this.evalUrl(urlNode);
    if (objectFact?.kind === "client" && objectFact.base && !/^https?:/.test(url.text)) {
      url = { text: objectFact.base.text.replace(/\/$/, "") + "/" + url.text.replace(/^\//, ""), pieces: [...objectFact.base.pieces, ...url.pieces] };
    }
    const headers = keywords.get("headers");
    const gladiaHeaders = (headers ? this.factOf(headers)?.kind === "headers" : false) || (objectFact?.kind === "client" && objectFact.base !== undefined && isGladiaUrl(objectFact.base.text));
    const endpoint = endpointOf(url.text);
    if (!lib && !endpoint && !gladiaHeaders) return undefined;
    if (!endpoint && !gladiaHeaders) return undefined;
    const http: HttpCall = { call, lib: lib ?? "unknown", method, urlNode, url, endpoint, gladiaHeaders };
    this.httpCalls.set(call.id(), http);
    return http;
  }

  private wrapperCall(call: PyNode, wrapper: Wrapper): HttpCall | undefined {
    const known = this.httpCalls.get(call.id());
    if (known) return known;
    const { positional, keywords } = callArgs(call);
    const urlNode = positional[wrapper.urlParam.index] ?? keywords.get(wrapper.urlParam.name);
    if (!urlNode) return undefined;
    const url = this.evalUrl(urlNode);
    const endpoint = endpointOf(url.text);
    const gladiaHeaders = [...positional, ...keywords.values()].some((a) => this.factOf(a)?.kind === "headers");
    if (!endpoint && !gladiaHeaders) return undefined;
    const says = (m: string) => [...positional, ...keywords.values()].some((a) => stringValue(a)?.toUpperCase() === m);
    const method = says("POST") || keywords.has("files") || keywords.has("data") || keywords.has("json") ? "POST" : says("DELETE") ? "DELETE" : "GET";
    const http: HttpCall = { call, lib: "unknown", method, urlNode, url, endpoint, wrapper, gladiaHeaders };
    this.httpCalls.set(call.id(), http);
    return http;
  }

  /** The name an HTTP call on a client passes as its URL (`requests.get(url)`), wherever the call is. */
  private clientUrlName(call: PyNode): string | undefined {
    const fn = call.field("function");
    if (fn?.kind() !== "attribute" || !HTTP_METHODS.has(fn.field("attribute")!.text())) return undefined;
    const lib = this.qualify(dottedName(fn.field("object")));
    if (!lib || (HTTP_MODULES[lib] === undefined && !/session|client/i.test(lib))) return undefined;
    const { positional, keywords } = callArgs(call);
    const url = (fn.field("attribute")!.text() === "request" ? positional[1] : positional[0]) ?? keywords.get("url");
    return url?.kind() === "identifier" ? url.text() : undefined;
  }

  /**
   * Module-level helpers whose URL parameter goes straight into an HTTP call. The file's HTTP calls
   * with a name for URL are found once; only those few are then placed in each `def` (placing a
   * node reads its range: one costly native call per node).
   */
  private findWrappers(): void {
    const candidates = this.root
      .findAll({ rule: { kind: "call" } })
      .map((call) => ({ call, url: this.clientUrlName(call) }))
      .filter((candidate) => candidate.url !== undefined);
    if (!candidates.length) return;
    for (const def of this.root.findAll({ rule: { kind: "function_definition" } })) {
      const name = def.field("name")?.text();
      if (!name) continue;
      const parameters = parametersOf(def);
      const mine = candidates.filter(({ call, url }) => parameters.some((p) => p.name === url) && def.contains(call));
      if (!mine.length) continue;
      const urlName = mine[0].url!;
      const returnsJson = def.findAll({ rule: { kind: "return_statement" } }).some((r) => /\.json\(\)\s*$/.test(r.text()));
      const index = parameters.find((p) => p.name === urlName)!.index;
      this.wrappers.set(name, { name, def, urlParam: { index, name: urlName }, returnsJson, inner: mine.map(({ call }) => call) });
    }
  }

  /** Does the file read utterances from a Gladia job anywhere? */
  readsUtterances(): boolean {
    for (const fact of this.memo.values()) {
      if (fact?.kind === "json" && fact.root === "item:utterance") return true;
      if (fact?.kind === "json" && fact.root === "job" && fact.path.includes("utterances")) return true;
    }
    return false;
  }
}

function jsonOfResponse(http: HttpCall): Fact | undefined {
  const root = jsonRootOf(http);
  return root ? { kind: "json", root, path: [] } : undefined;
}

function jsonRootOf(http: HttpCall): JsonRoot | undefined {
  if (http.endpoint === "upload") return "upload";
  if (http.endpoint === "create") return http.method === "POST" ? "create" : undefined;
  if (http.endpoint === "job") return http.method === "GET" ? "job" : undefined;
  if (!http.endpoint && http.gladiaHeaders && http.method === "GET") return "job";
  return undefined;
}

/** A read below an array of items (`utterances[0]`) becomes a read of the item. */
export function normalise(fact: Extract<Fact, { kind: "json" }>): Extract<Fact, { kind: "json" }> {
  const { root, path } = fact;
  if (root === "job") {
    for (const rule of RESULT_PATHS) {
      if (!rule.items || path.length <= rule.gladia.length) continue;
      if (rule.gladia.every((k, i) => path[i] === k) && typeof path[rule.gladia.length] === "number") {
        return normalise({ ...fact, root: `item:${rule.items}`, path: path.slice(rule.gladia.length + 1) });
      }
    }
  } else if (root.startsWith("item:") && path.length >= 2 && typeof path[1] === "number") {
    const items = ITEM_FIELDS[root.slice(5) as ItemKind][path[0] as string]?.items;
    if (items) return normalise({ ...fact, root: `item:${items}`, path: path.slice(2) });
  }
  return fact;
}

export function literalKey(node: PyNode | null | undefined): Key | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (inner.kind() === "integer") return Number(inner.text());
  return stringValue(inner);
}

export function isGladiaHeaders(dict: PyNode): boolean {
  return dict.namedChildren().some((pair) => pair.kind() === "pair" && stringValue(pair.field("key"))?.toLowerCase() === AUTH_HEADER.gladia);
}
