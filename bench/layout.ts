// The shape of a synthetic monorepo: packages of different kinds, folders, file names, and how
// many constructs each file holds (a long-tailed size spread like real code).

import type { Rng } from "./prng.js";
import { jsSource, type JsFlavor } from "./templates-js.js";
import { dataJson, markdown, packageJson, pythonSource } from "./templates-other.js";
import { adjective, kebab, noun, pascal, snake, verb } from "./vocabulary.js";

type FileKind = JsFlavor | "py" | "json" | "md";

interface PackageKind {
  prefix: string;
  areas: readonly string[];
  mix: ReadonlyArray<readonly [FileKind, number]>;
}

const PACKAGE_KINDS: ReadonlyArray<readonly [PackageKind, number]> = [
  [{ prefix: "packages", areas: ["utils", "services", "models", "lib", "api", "store", "types", "config", "adapters"],
    mix: [["ts", 70], ["test", 12], ["tsx", 5], ["js", 5], ["json", 5], ["md", 3]] }, 40],
  [{ prefix: "apps", areas: ["components", "hooks", "pages", "features", "lib", "api", "store", "layouts"],
    mix: [["tsx", 55], ["ts", 25], ["test", 8], ["json", 7], ["js", 3], ["md", 2]] }, 25],
  [{ prefix: "services", areas: ["routes", "handlers", "jobs", "lib", "middleware", "scripts"],
    mix: [["js", 40], ["mjs", 15], ["cjs", 10], ["ts", 20], ["json", 8], ["test", 4], ["md", 3]] }, 20],
  [{ prefix: "python", areas: ["api", "models", "services", "utils", "tasks", "tests"],
    mix: [["py", 85], ["md", 10], ["json", 5]] }, 8],
];

const EXTENSION: Record<FileKind, string> = {
  ts: "ts", tsx: "tsx", js: "js", mjs: "mjs", cjs: "cjs", test: "test.ts", py: "py", json: "json", md: "md",
};

export type FileMap = Map<string, string>;

/** Root files every corpus repo has. */
export function rootFiles(rng: Rng): FileMap {
  return new Map([
    [".gitignore", "node_modules/\ndist/\ncoverage/\n.env\n*.log\n"],
    ["package.json", JSON.stringify({ name: "acme-monorepo", private: true, workspaces: ["packages/*", "apps/*", "services/*"] }, null, 2) + "\n"],
    ["README.md", markdown(rng, 3)],
  ]);
}

/** Adds `count` plain (non-Gladia) files to `files`, package by package. */
export function addPlainFiles(rng: Rng, files: FileMap, count: number): string[] {
  const packageRoots: string[] = [];
  const target = files.size + count;
  while (files.size < target) {
    const kind = rng.weighted(PACKAGE_KINDS);
    const root = uniqueRoot(rng, kind.prefix, packageRoots);
    packageRoots.push(root);
    addPackage(rng, files, root, kind, Math.min(target - files.size, packageSize(rng)));
  }
  return packageRoots;
}

function packageSize(rng: Rng): number {
  return Math.max(20, Math.round(rng.logNormal(5.0, 0.7)));
}

function uniqueRoot(rng: Rng, prefix: string, taken: readonly string[]): string {
  for (let attempt = 0; ; attempt++) {
    const name = attempt < 5 ? kebab(noun(rng), rng.pick(["core", "api", "web", "worker", "sdk", "kit", "admin"])) : `${noun(rng)}-${attempt}`;
    const root = `${prefix}/${name}`;
    if (!taken.includes(root)) return root;
  }
}

function addPackage(rng: Rng, files: FileMap, root: string, kind: PackageKind, count: number): void {
  const end = files.size + count;
  const put = (file: string, content: string) => {
    if (files.size < end) files.set(uniquePath(files, file), content);
  };
  put(`${root}/README.md`, markdown(rng, rng.int(1, 4)));
  if (kind.prefix !== "python") put(`${root}/package.json`, packageJson(rng, `@acme/${root.split("/")[1]}`));
  const dirs = packageDirs(rng, root, kind, Math.ceil(count / rng.int(6, 14)));
  while (files.size < end) {
    const fileKind = rng.weighted(kind.mix);
    const dir = rng.pick(dirs);
    // Barrel files: many small `index.ts` re-export files, as in most TS monorepos.
    if (fileKind === "ts" && !files.has(`${dir}/index.ts`) && rng.chance(0.15)) put(`${dir}/index.ts`, barrel(rng));
    else put(`${dir}/${fileName(rng, fileKind)}`, fileContent(rng, fileKind));
  }
}

function packageDirs(rng: Rng, root: string, kind: PackageKind, wanted: number): string[] {
  const base = kind.prefix === "python" ? `${root}/${snake(noun(rng), "app")}` : `${root}/src`;
  const dirs = new Set<string>();
  for (let i = Math.max(2, wanted); i > 0; i--) {
    const area = rng.pick(kind.areas);
    dirs.add(rng.chance(0.4) ? `${base}/${area}/${kind.prefix === "python" ? noun(rng) : kebab(noun(rng))}` : `${base}/${area}`);
  }
  return [...dirs];
}

function fileName(rng: Rng, kind: FileKind): string {
  const ext = EXTENSION[kind];
  if (kind === "tsx") return `${pascal(adjective(rng), noun(rng), rng.pick(["Card", "List", "Page", "View", "Form", ""]))}.${ext}`;
  if (kind === "py") return `${snake(noun(rng), rng.pick(["service", "models", "utils", "client", "tasks"]))}.${ext}`;
  if (kind === "json") return `${rng.pick(["en", "fr", "de", "config", "fixtures", "tsconfig"])}${rng.chance(0.5) ? "" : `.${noun(rng)}`}.${ext}`;
  if (kind === "md") return `${rng.pick(["README", "CHANGELOG", "USAGE", "NOTES"])}.${ext}`;
  return `${kebab(rng.chance(0.4) ? verb(rng) : adjective(rng), noun(rng))}.${ext}`;
}

function uniquePath(files: FileMap, file: string): string {
  if (!files.has(file)) return file;
  const [, stem, ext] = /^(.*?)((?:\.test)?\.[^./]+)$/.exec(file)!;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!files.has(candidate)) return candidate;
  }
}

function barrel(rng: Rng): string {
  const lines = new Set<string>();
  for (let i = rng.int(1, 8); i > 0; i--) lines.add(`export * from "./${kebab(rng.chance(0.4) ? verb(rng) : adjective(rng), noun(rng))}.js";`);
  return [...lines].join("\n") + "\n";
}

/** Constructs per file: median ~4, long tail, and a rare huge generated file. */
function unitCount(rng: Rng): number {
  if (rng.chance(0.004)) return rng.int(150, 400);
  return Math.min(120, Math.max(1, Math.round(rng.logNormal(1.0, 0.95))));
}

function fileContent(rng: Rng, kind: FileKind): string {
  const units = unitCount(rng);
  if (kind === "py") return pythonSource(rng, units);
  if (kind === "json") return dataJson(rng, Math.min(units, 20));
  if (kind === "md") return markdown(rng, Math.min(units, 12));
  return jsSource(rng, kind, kind === "test" ? Math.min(units, 6) : units);
}
