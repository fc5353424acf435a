// Preloaded (`node --import`) into every program the equivalence harness runs. Routes the real API
// hostnames to the local emulators without touching the program:
// - fetch (global or undici): an undici Agent whose `connect` opens a plain TCP socket to the emulator;
//   `fetch` is also wrapped to pass that dispatcher explicitly, because some libraries (the Gladia SDK)
//   install their own global dispatcher;
// - node:https / node:http (axios, node-fetch, got, …): `request`/`get` are replaced by versions that send
//   routed hosts to the emulator over plain HTTP, keeping the original Host header.
// Any other non-loopback host fails fast: tests never reach the internet.
// Routes come from EQUIVALENCE_ROUTES: {"api.gladia.io": 41234, …} (hostname → port on 127.0.0.1).
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { syncBuiltinESMExports } from "node:module";
import { urlToHttpOptions } from "node:url";
import { Agent, setGlobalDispatcher } from "undici";

const routes = JSON.parse(process.env.EQUIVALENCE_ROUTES ?? "{}");
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

const blockedError = (host) =>
  Object.assign(new Error(`equivalence harness: no route to ${host} (only the emulated APIs and loopback are reachable)`), {
    code: "ENOTFOUND",
  });

function getTarget(hostname, port, protocol) {
  if (routes[hostname]) return { host: "127.0.0.1", port: routes[hostname] };
  if (LOOPBACK.has(hostname)) return { host: hostname.replace(/^\[|\]$/g, ""), port: Number(port) || (protocol === "https:" ? 443 : 80) };
  return undefined;
}

const dispatcher = new Agent({
  connect(options, callback) {
    const target = getTarget(options.hostname, options.port, options.protocol);
    if (!target) return callback(blockedError(options.hostname), null);
    const socket = net.connect(target.port, target.host);
    let settled = false;
    const settle = (error) => {
      if (settled) return;
      settled = true;
      callback(error, error ? null : socket);
    };
    socket.once("connect", () => settle(null));
    socket.once("error", settle);
  },
});
setGlobalDispatcher(dispatcher);

const originalFetch = globalThis.fetch;
globalThis.fetch = function fetch(input, init) {
  return originalFetch(input, { ...init, dispatcher });
};

// --- node:http / node:https ---------------------------------------------------------------------------

const originalHttpRequest = http.request;
const originalHttpsRequest = https.request;

/** Normalises the (url, options, callback) overloads of http(s).request into one options object. */
function normaliseArgs(args) {
  const [first, second, third] = args;
  if (typeof first === "string" || first instanceof URL) {
    const fromUrl = urlToHttpOptions(new URL(first));
    if (typeof second === "function") return { options: fromUrl, callback: second };
    return { options: { ...fromUrl, ...second }, callback: third };
  }
  return { options: { ...first }, callback: second };
}

function hostnameOf(options) {
  return options.hostname ?? (options.host ?? "localhost").replace(/:\d+$/, "");
}

function routedRequest(original, defaultProtocol) {
  return function request(...args) {
    const { options, callback } = normaliseArgs(args);
    const hostname = hostnameOf(options);
    const port = routes[hostname];
    if (port) {
      const headers = { ...options.headers };
      if (!Object.keys(headers).some((k) => k.toLowerCase() === "host")) headers.host = hostname;
      const { agent: _agent, createConnection: _cc, servername: _sn, host: _host, ...rest } = options;
      return originalHttpRequest({ ...rest, protocol: "http:", hostname: "127.0.0.1", port, headers, agent: undefined }, callback);
    }
    if (LOOPBACK.has(hostname)) return original(...args);
    // Let the request fail the way an unknown host fails: through its 'error' event.
    const lookup = (host, _opts, cb) => cb(blockedError(host));
    return original({ ...options, protocol: options.protocol ?? defaultProtocol, lookup, agent: undefined }, callback);
  };
}

function routedGet(request) {
  return function get(...args) {
    const req = request(...args);
    req.end();
    return req;
  };
}

https.request = routedRequest(originalHttpsRequest, "https:");
https.get = routedGet(https.request);
http.request = routedRequest(originalHttpRequest, "http:");
http.get = routedGet(http.request);
// `import { request } from "node:https"` sees the patched functions too.
syncBuiltinESMExports();
