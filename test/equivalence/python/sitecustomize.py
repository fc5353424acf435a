"""Loaded automatically (PYTHONPATH) by every Python program the equivalence harness runs.

Routes the real API hostnames to the local emulators without touching the program: requests,
httpx (sync and async) and aiohttp requests to a routed host go to http://127.0.0.1:<port>, with the
original Host header. Routes come from EQUIVALENCE_ROUTES: {"api.gladia.io": 41234, ...}.
Each library is patched right after the program imports it (importing all three up front costs ~1 s).
"""
import importlib.util
import json
import os
import sys
from urllib.parse import urlsplit, urlunsplit

ROUTES = json.loads(os.environ.get("EQUIVALENCE_ROUTES", "{}"))


def _route(url):
    """Returns (routed_url, original_host) for a routed URL, else (url, None)."""
    parts = urlsplit(str(url))
    port = ROUTES.get(parts.hostname or "")
    if not port:
        return str(url), None
    return urlunsplit(("http", "127.0.0.1:%d" % port, parts.path, parts.query, parts.fragment)), parts.hostname


def _patch_requests(adapters):
    original_send = adapters.HTTPAdapter.send

    def send(self, request, *args, **kwargs):
        routed, host = _route(request.url)
        if host:
            request.url = routed
            request.headers["Host"] = host
        return original_send(self, request, *args, **kwargs)

    adapters.HTTPAdapter.send = send


def _patch_httpx(httpx):
    def rewrite(request):
        routed, host = _route(request.url)
        if host:
            request.url = httpx.URL(routed)
            request.headers["Host"] = host

    original_sync = httpx.HTTPTransport.handle_request
    original_async = httpx.AsyncHTTPTransport.handle_async_request

    def handle_request(self, request):
        rewrite(request)
        return original_sync(self, request)

    async def handle_async_request(self, request):
        rewrite(request)
        return await original_async(self, request)

    httpx.HTTPTransport.handle_request = handle_request
    httpx.AsyncHTTPTransport.handle_async_request = handle_async_request


def _patch_aiohttp(aiohttp):
    session = aiohttp.ClientSession
    original_request = session._request
    # aiohttp >= 3.8 resolves URLs (and a session base_url) in _build_url: route there.
    original_build = getattr(session, "_build_url", None)

    def absolute(self, str_or_url):
        return original_build(self, str_or_url) if original_build else str_or_url

    if original_build:

        def _build_url(self, str_or_url):
            url = original_build(self, str_or_url)
            routed, host = _route(url)
            return type(url)(routed) if host else url

        session._build_url = _build_url

    async def _request(self, method, str_or_url, **kwargs):
        _, host = _route(absolute(self, str_or_url))
        if host:
            headers = dict(kwargs.get("headers") or {})
            headers["Host"] = host
            kwargs["headers"] = headers
            if not original_build:
                str_or_url = _route(str_or_url)[0]
        return await original_request(self, method, str_or_url, **kwargs)

    session._request = _request


# Module name -> patch applied once that module has executed.
_PATCHES = {"requests.adapters": _patch_requests, "httpx": _patch_httpx, "aiohttp": _patch_aiohttp}


class _PatchAfterImport:
    """A meta-path finder that lets the normal finders locate a module, then patches it after it runs."""

    def __init__(self):
        self._busy = set()

    def find_spec(self, name, path=None, target=None):
        if name not in _PATCHES or name in self._busy:
            return None
        self._busy.add(name)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            self._busy.discard(name)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_patch(module):
            exec_module(module)
            _PATCHES[name](module)

        spec.loader.exec_module = exec_and_patch
        return spec


if ROUTES:
    sys.meta_path.insert(0, _PatchAfterImport())
