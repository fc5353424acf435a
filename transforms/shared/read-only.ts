// A read-only scope: code that only reads the tree (detection, collecting what to rewrite) runs
// inside `readOnly(fn)`, and caches that hold only while the tree cannot change live exactly as
// long as the outermost scope (declarations per scope node, the index of nodes by type). A step
// changes the tree only outside such a scope.
//
// Tests check that promise: with `GLADIA_TO_ASSEMBLYAI_CHECK_READ_ONLY` set (vitest.config.ts),
// each cache registered with a check runs it when the scope ends (find.ts re-walks the tree and
// throws if a node was added, removed or moved).

interface Scope {
  caches: Map<object, unknown>;
  checks: (() => void)[];
}

let current: Scope | undefined;

const CHECKING = Boolean(process.env.GLADIA_TO_ASSEMBLYAI_CHECK_READ_ONLY);

/** Runs `fn` with the read-only caches on (nested scopes share the outermost one's caches). */
export function readOnly<T>(fn: () => T): T {
  if (current) return fn();
  const scope: Scope = { caches: new Map(), checks: [] };
  current = scope;
  let result: T;
  try {
    result = fn();
  } finally {
    current = undefined;
  }
  if (CHECKING) scope.checks.forEach((check) => check());
  return result;
}

/**
 * The cache `key` of the current read-only scope, made by `create` on first use; undefined
 * outside a scope (the caller then computes afresh). `check`, run when the scope ends in tests,
 * throws if the tree changed.
 */
export function scopeCache<V>(key: object, create: () => V, check?: (cache: V) => void): V | undefined {
  if (!current) return undefined;
  if (!current.caches.has(key)) {
    const cache = create();
    current.caches.set(key, cache);
    if (check) current.checks.push(() => check(cache));
  }
  return current.caches.get(key) as V;
}
