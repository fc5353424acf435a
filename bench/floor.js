// The floor: the least any tool must do to find Gladia code in a repository.
// List the tracked files with git, read each one, check a string. Prints the number of matches.
// Usage: node bench/floor.js <repo>
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const repo = path.resolve(process.argv[2] ?? ".");
const listing = execFileSync("git", ["ls-files", "-z"], { cwd: repo, maxBuffer: 1 << 30, encoding: "utf8" });
let matches = 0;
for (const file of listing.split("\0")) {
  if (file === "") continue;
  let text;
  try {
    text = readFileSync(path.join(repo, file), "utf8");
  } catch {
    continue; // deleted in the work tree, or a submodule directory
  }
  if (/gladia/i.test(text)) matches++;
}
console.log(matches);
