// fetch() wrapper for emulator tests: adds the auth header (override with `key`, drop with `key: null`)
// and serialises `json` bodies.
export type CallInit = RequestInit & { key?: string | null; json?: unknown };

export function createApiCaller(baseUrl: () => string, authHeader: string, apiKey: string) {
  return (path: string, init: CallInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (init.key !== null) headers.set(authHeader, init.key ?? apiKey);
    if (init.json !== undefined) headers.set("content-type", "application/json");
    const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
    return fetch(`${baseUrl()}${path}`, { ...init, headers, body });
  };
}
