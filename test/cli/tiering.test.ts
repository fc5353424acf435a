import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers.js";

// The launcher tunes V8's tiering for the whole process (src/cli/tiering.ts). V8 reports a flag it
// does not know (a Node upgrade that renames it) only as a line on stderr and goes on untuned.

describe("V8 tiering", () => {
  it("is a setting this Node's V8 knows and accepts", () => {
    const script = "const { tuneTiering } = await import('./dist/src/cli/tiering.js'); tuneTiering(); console.log('tuned');";
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("tuned\n");
  });
});
