import { describe, expect, it } from "vitest";
import { processText } from "../src/core/process-text.js";
import { languageFor } from "../src/languages/index.js";
import { listFixtureCases, readFixture } from "./helpers/fixtures.js";

// Every fixture pair: input → expected output, the output parses, and a second run changes nothing.
// A fixture with no `.output` file is a negative case: the file must come out byte-identical.
// Options are `{strategy: "native"}` unless the concern folder has an `options.json`.

describe.each(listFixtureCases())("fixture $name", ({ name, inputPath, outputPath, options }) => {
  const language = languageFor(name);
  const input = readFixture(inputPath);
  const expected = outputPath ? readFixture(outputPath) : input;

  it("has a language plug-in", () => {
    expect(language, `no plug-in matches ${name}`).toBeDefined();
  });

  it("migrates to the expected output", () => {
    const { result, newText } = processText(name, input, language!, options);
    expect(result.status, result.reason).not.toBe("failed");
    expect(newText ?? input).toBe(expected);
    if (!outputPath) expect(result.status).toBe("unchanged");
  });

  it("expected output parses", () => {
    expect(language!.parseError(expected, name)).toBeNull();
  });

  it("is idempotent: a second run changes nothing", () => {
    const { result, newText } = processText(name, expected, language!, options);
    expect(result.status, result.reason).toBe("unchanged");
    expect(newText).toBeUndefined();
  });
});
