// A small seeded PRNG (mulberry32) with the helpers the generator needs.
// Deterministic across runs and machines: no Math.random, no clock.

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(table: ReadonlyArray<readonly [T, number]>): T;
  logNormal(mu: number, sigma: number): number;
}

export function hashSeed(text: string): number {
  // FNV-1a, 32 bits: turns a corpus name into a seed.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (table) => {
      const total = table.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of table) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return table[table.length - 1][0];
    },
    logNormal: (mu, sigma) => {
      // Box-Muller; 1 - next() avoids log(0).
      const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return Math.exp(mu + sigma * normal);
    },
  };
}
