import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Options } from "prettier";

// Prettier runs only on files the codemod changed, only when the target project has a prettier
// config (found from the file's own directory upward), and then with that config. Whether a config
// exists is checked here first, synchronously and cached per directory: most projects have none,
// and importing prettier plus its async config search costs ~0.1-0.2 s per run for nothing.

/** The files prettier 3's config search looks for, in each directory up to the root. */
const CONFIG_FILES = new Set([
  ".prettierrc", ".prettierrc.json", ".prettierrc.yml", ".prettierrc.yaml", ".prettierrc.json5",
  ".prettierrc.js", "prettier.config.js", ".prettierrc.ts", "prettier.config.ts", ".prettierrc.mjs",
  "prettier.config.mjs", ".prettierrc.mts", "prettier.config.mts", ".prettierrc.cjs", "prettier.config.cjs",
  ".prettierrc.cts", "prettier.config.cts", ".prettierrc.toml",
]);

/** package.json / package.yaml count only when they have a `prettier` key. */
const PACKAGE_FILES: Record<string, (text: string) => boolean> = {
  "package.json": (text) => {
    try {
      return Boolean(JSON.parse(text)?.prettier);
    } catch {
      return false;
    }
  },
  "package.yaml": (text) => /^["']?prettier["']?\s*:/m.test(text),
};

const configInDir = new Map<string, boolean>();

function dirHasConfig(dir: string): boolean {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return false;
  }
  return names.some((name) => {
    if (CONFIG_FILES.has(name)) return true;
    const hasKey = PACKAGE_FILES[name];
    if (!hasKey) return false;
    try {
      return hasKey(readFileSync(join(dir, name), "utf8"));
    } catch {
      return false;
    }
  });
}

/** Whether prettier could find a config for a file in `dir` (this directory or any parent). */
export function hasPrettierConfig(dir: string): boolean {
  const cached = configInDir.get(dir);
  if (cached !== undefined) return cached;
  const parent = dirname(dir);
  const found = dirHasConfig(dir) || (parent !== dir && hasPrettierConfig(parent));
  configInDir.set(dir, found);
  return found;
}

/** The formatted text, or undefined when the project has no prettier config or prettier fails. */
export async function formatWithProjectConfig(text: string, absPath: string): Promise<string | undefined> {
  if (!hasPrettierConfig(dirname(absPath))) return undefined;
  const prettier = await import("prettier");
  const config = await prettier.resolveConfig(absPath, { editorconfig: false });
  if (!config) return undefined;
  // Keep the file's own line endings unless the project says otherwise.
  const options: Options = { ...config, filepath: absPath, endOfLine: config.endOfLine ?? "auto" };
  try {
    return await prettier.format(text, options);
  } catch {
    return undefined; // a syntax prettier does not know: keep the codemod's own output
  }
}
