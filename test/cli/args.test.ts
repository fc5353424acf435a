import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_REPORT, parseArgs, UsageError } from "../../src/cli/args.js";

async function options(argv: string[]) {
  const parsed = await parseArgs(argv);
  if (parsed.kind !== "run") throw new Error(`expected a run, got ${parsed.kind}`);
  return parsed.options;
}

describe("argument parsing", () => {
  it("has the documented defaults", async () => {
    expect(await options([])).toMatchObject({
      paths: ["."],
      mode: "apply",
      report: DEFAULT_REPORT,
      json: false,
      allowDirty: false,
      ignore: [],
      maxFileSize: DEFAULT_MAX_FILE_SIZE,
      format: true,
      strategy: "native",
      typePass: true,
      quiet: false,
      verbose: false,
    });
    expect((await options([])).transforms).toBeUndefined();
    expect((await options([])).jobs).toBeGreaterThan(0);
  });

  it("does not let a repeatable option swallow the paths after it", async () => {
    expect(await options(["--ignore", "legacy/**", "--ignore", "tmp", "src", "test"])).toMatchObject({ paths: ["src", "test"], ignore: ["legacy/**", "tmp"] });
    expect(await options(["--transforms", "env-vars", "src"])).toMatchObject({ paths: ["src"], transforms: ["env-vars"] });
  });

  it("reads the modes and the negations", async () => {
    expect((await options(["-d"])).mode).toBe("dry-run");
    expect((await options(["--check"])).mode).toBe("check");
    expect((await options(["--check", "--dry-run"])).mode).toBe("check");
    expect(await options(["--no-report", "--no-format", "--allow-dirty", "--json", "-q"])).toMatchObject({ format: false, allowDirty: true, json: true, quiet: true });
    expect((await options(["--no-report"])).report).toBeUndefined();
    expect((await options(["--no-type-pass"])).typePass).toBe(false);
    expect((await options(["--report", "out.md"])).report).toBe("out.md");
  });

  it("takes comma-separated and repeated transforms, and the last of a repeated number", async () => {
    expect((await options(["--transforms", "env-vars,env-vars", "--transforms", "env-vars"])).transforms).toEqual(["env-vars", "env-vars", "env-vars"]);
    expect((await options(["-j", "2", "--jobs=3"])).jobs).toBe(3);
    expect((await options(["--strategy", "adapter"])).strategy).toBe("adapter");
  });

  it.each([[["--nope"]], [["--transforms", "teleport"]], [["does/not/exist"]], [["-j", "1.5"]], [["--max-file-size", "0"]], [["--report", ""]], [["--report", "src/app.ts"]]])("rejects %j with a UsageError", async (argv) => {
    await expect(parseArgs(argv)).rejects.toBeInstanceOf(UsageError);
  });

  it("recognises --help, --version and --list-transforms", async () => {
    expect((await parseArgs(["--version"])).kind).toBe("version");
    expect((await parseArgs(["--list-transforms"])).kind).toBe("list-transforms");
  });
});
