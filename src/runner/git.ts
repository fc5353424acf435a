import { execFileSync } from "node:child_process";
import { relative, resolve } from "node:path";

// The few git facts the runner needs, read with the git CLI (no library): which files a root holds
// and whether its work tree has uncommitted changes.

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 30 });
  } catch {
    return undefined; // not a work tree, or no git on this machine
  }
}

/**
 * Tracked files plus untracked files git does not ignore, relative to `dir`; undefined when `dir`
 * is not inside a git work tree.
 */
export function listGitFiles(dir: string): string[] | undefined {
  const out = git(dir, ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--deduplicate"]);
  if (out === undefined) return undefined;
  return out.split("\0").filter(Boolean);
}

/** The top of the work tree that holds `dir`, or undefined outside git. */
export function gitTopLevel(dir: string): string | undefined {
  return git(dir, ["rev-parse", "--show-toplevel"])?.trim() || undefined;
}

/**
 * Uncommitted changes (staged, unstaged, untracked) in the work tree that holds `dir`, as paths
 * relative to the top level; `allowed` absolute paths (the report file) do not count.
 */
export function uncommittedChanges(dir: string, allowed: string[] = []): string[] {
  const top = gitTopLevel(dir);
  if (!top) return [];
  const out = git(top, ["status", "--porcelain=v1", "-z", "--untracked-files=all"]) ?? "";
  const allowedRel = new Set(allowed.map((path) => relative(top, resolve(path))));
  return parsePorcelain(out).filter((path) => !allowedRel.has(path));
}

/** `XY path\0` entries; a rename carries its old path as an extra entry, which is skipped. */
function parsePorcelain(out: string): string[] {
  const fields = out.split("\0").filter(Boolean);
  const paths: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const status = fields[i].slice(0, 2);
    paths.push(fields[i].slice(3));
    if (/[RC]/.test(status)) i++;
  }
  return paths;
}
