import { readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { createRequire } from "node:module";
import type { LanguageEntry } from "../core/types.js";
import { entryFor } from "../languages/registry.js";
import { listGitFiles } from "./git.js";

// Which files a run looks at: inside a git work tree, what git tracks plus untracked files it does
// not ignore; elsewhere a walk that honours .gitignore files. Never dependencies, VCS data or build
// output; only files some plug-in claims. No stat here: the reader opens each file once and
// handles symlinks, size and binary content (see read.ts).

const require = createRequire(import.meta.url);

/** Directories never entered, wherever they are (dependencies, VCS data, build output, caches). */
export const EXCLUDED_DIRS = [
  "node_modules", ".git", ".hg", ".svn", "dist", "build", "out", "coverage", ".next", ".nuxt", ".output",
  ".svelte-kit", ".turbo", ".vercel", ".cache", "bower_components", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache",
];
const EXCLUDED_DIR_RE = new RegExp(`(^|/)(${EXCLUDED_DIRS.map((d) => d.replace(/\./g, "\\.")).join("|")})/`);

export interface DiscoverOptions {
  /** Extra gitignore-style patterns, matched against paths relative to each root. */
  ignore: string[];
  /** Absolute paths never discovered (the report file). */
  exclude: string[];
  cwd: string;
}

export interface DiscoveredFile {
  /** The directory the run was given (a file argument's directory), absolute. */
  root: string;
  absPath: string;
  /** Relative to the root, POSIX separators: the path plug-ins see. */
  relPath: string;
  /** Relative to the working directory, POSIX separators: the path the user sees. */
  displayPath: string;
  entry: LanguageEntry;
}

export function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

/** Relative to the working directory when inside it, absolute otherwise. */
export function displayPathOf(absPath: string, cwd: string): string {
  const path = relative(cwd, absPath);
  if (path === "") return ".";
  return path.startsWith("..") || isAbsolute(path) ? toPosix(absPath) : toPosix(path);
}

/** Display path of `relPath` below `root`, by concatenation (this runs for every file). */
function displayPrefix(root: string, cwd: string): string {
  const shown = displayPathOf(root, cwd);
  return shown === "." ? "" : `${shown}/`;
}

/** Gitignore matcher per directory that has a `.gitignore`, applied to the paths below it. */
function gitignoreFilter(root: string, paths: string[]): (path: string) => boolean {
  const ignore = require("ignore") as typeof import("ignore");
  const matchers = paths
    .filter((path) => basename(path) === ".gitignore")
    .map((path) => ({ dir: dirname(path) === "." ? "" : `${dirname(path)}/`, matcher: ignore().add(readFileSync(join(root, path), "utf8")) }));
  return (path) => matchers.some(({ dir, matcher }) => path.startsWith(dir) && matcher.ignores(path.slice(dir.length)));
}

/** Outside git: every file below `root` (symlinks listed, not followed), minus .gitignore'd ones. */
function walk(root: string): string[] {
  const fg = require("fast-glob") as typeof import("fast-glob");
  const entries = fg.sync("**/*", {
    cwd: root,
    dot: true,
    onlyFiles: false,
    markDirectories: true,
    followSymbolicLinks: false,
    ignore: EXCLUDED_DIRS.map((dir) => `**/${dir}/**`),
  });
  const files = entries.filter((path) => !path.endsWith("/"));
  const isIgnored = gitignoreFilter(root, files);
  return files.filter((path) => !isIgnored(path));
}

function userIgnoreFilter(patterns: string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const ignore = require("ignore") as typeof import("ignore");
  const matcher = ignore().add(patterns);
  return (path) => matcher.ignores(path);
}

/** The directory to list and the paths in it for one command-line argument. */
function listRoot(arg: string): { root: string; paths: string[] } {
  const absolute = resolve(arg);
  if (statSync(absolute).isFile()) return { root: dirname(absolute), paths: [basename(absolute)] };
  return { root: absolute, paths: listGitFiles(absolute) ?? walk(absolute) };
}

export function discover(args: string[], options: DiscoverOptions): DiscoveredFile[] {
  const seen = new Set<string>(options.exclude.map((path) => resolve(path)));
  const isUserIgnored = userIgnoreFilter(options.ignore);
  const files: DiscoveredFile[] = [];
  for (const arg of args) {
    const { root, paths } = listRoot(arg);
    const prefix = displayPrefix(root, options.cwd);
    for (const relPath of paths.map(toPosix)) {
      if (EXCLUDED_DIR_RE.test(relPath) || isUserIgnored(relPath)) continue;
      const entry = entryFor(relPath);
      if (!entry) continue;
      const absPath = `${root}${sep}${relPath}`;
      if (seen.has(absPath)) continue;
      seen.add(absPath);
      files.push({ root, absPath, relPath, displayPath: prefix + relPath, entry });
    }
  }
  return files;
}
