import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { processText } from "../src/core/process-text.js";
import { languageFor } from "../src/languages/index.js";
import { applyEdits, fits } from "../src/python/edits.js";
import { pythonParseError } from "../src/python/parse.js";
import { FIXTURES_DIR, readFixture } from "./helpers/fixtures.js";

const OPTIONS = { strategy: "native" } as const;

function migrate(name: string, text: string) {
  return processText(name, text, languageFor(name)!, OPTIONS);
}

describe("Python parse check", () => {
  it("accepts valid Python", () => {
    expect(pythonParseError("import os\n\nx = {'a': [1, 2]}\nprint(f\"{x['a']!r:>10}\")\n")).toBeNull();
  });

  it.each([
    ["an ERROR node", "x = [1, 2\n"],
    ["a missing token", "def f(:\n    pass\n"],
    ["an empty block", "if x:\n    pass\nelse:\n"],
    ["a stray token", "a = b c\n"],
    ["a missing anonymous token", "f(1\n"],
    ["a file of which nothing parses (the top node is the ERROR)", "class A:\n    def f(self):\n        return {'a': (1,\n"],
  ])("reports %s", (_what, text) => {
    expect(pythonParseError(text)).toMatch(/line \d+/);
  });

  it.each([
    ["an empty file", ""],
    ["a blank line", "\n"],
    ["only a comment", "# nothing\n"],
    ["empty strings", "x = ''\ny = \"\"\n"],
  ])("accepts %s", (_what, text) => {
    expect(pythonParseError(text)).toBeNull();
  });

  it("names what is missing and where", () => {
    expect(pythonParseError("def f(:\n    pass\n")).toBe("missing ) at line 1, column 7");
    expect(pythonParseError("if x:\n    pass\nelse:\n")).toBe("missing block at line 3, column 6");
  });
});

describe("text splices", () => {
  it("applies edits from the end, insertions before a replacement at the same offset", () => {
    expect(applyEdits("abcdef", [{ start: 1, end: 3, text: "X" }, { start: 1, end: 1, text: "<" }, { start: 5, end: 6, text: "Y" }])).toBe("a<XdeY");
  });

  it("refuses overlapping replacements", () => {
    expect(fits([{ start: 2, end: 6, text: "" }], { start: 4, end: 8, text: "" })).toBe(false);
    expect(fits([{ start: 2, end: 6, text: "" }], { start: 6, end: 8, text: "" })).toBe(true);
  });
});

describe("Python plug-in", () => {
  it("does not parse files that cannot concern Gladia (the parser is not even loaded)", () => {
    const script = `
      const { createRequire } = await import("node:module");
      const { languageFor } = await import("./dist/src/languages/index.js");
      const { processText } = await import("./dist/src/core/process-text.js");
      const r = processText("a.py", "import requests\\nprint(requests.get('https://example.com').json()['status'] == 'done')\\n", languageFor("a.py"), { strategy: "native" });
      const require = createRequire(import.meta.url);
      console.log(r.result.status, Object.keys(require.cache).some((k) => k.includes("@ast-grep")));
    `;
    expect(existsSync("dist/src/languages/index.js"), "run `npm run build` first (npm test does)").toBe(true);
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("unchanged false");
  });

  it("honours the ignore comment and inserts a marker only once", () => {
    const v1 = 'import requests\n\nr = requests.post("https://api.gladia.io/audio/text/audio-transcription/", headers={"x-gladia-key": "k"})\n';
    const first = migrate("v1.py", v1);
    expect(first.result.markers).toHaveLength(1);
    const second = migrate("v1.py", first.newText!);
    expect(second.result.status).toBe("unchanged");
    expect(second.result.markers).toHaveLength(1);
    const ignored = migrate("v1.py", v1.replace("r = ", "# gladia-to-assemblyai-ignore\nr = "));
    expect(ignored.newText ?? "").not.toContain("TODO(gladia-to-assemblyai)");
  });

  it("reports a hard-coded key by line, never by value", () => {
    const text = 'import requests\n\nKEY = "gl_live_secret_value"\nheaders = {"x-gladia-key": KEY}\nrequests.get("https://api.gladia.io/v2/pre-recorded/1", headers=headers)\n';
    const { result, newText } = migrate("key.py", text);
    expect(result.secretLines).toEqual([3]);
    expect(JSON.stringify(result)).not.toContain("gl_live_secret_value");
    expect(newText).toContain('KEY = "gl_live_secret_value"');
  });

  it("keeps BOM and CRLF", () => {
    const text = '\uFEFFimport requests\r\nrequests.get("https://api.gladia.io/v2/pre-recorded/1", headers={"x-gladia-key": "k"})\r\n';
    const { newText } = migrate("bom.py", text);
    expect(newText).toBe('\uFEFFimport requests\r\nrequests.get("https://api.assemblyai.com/v2/transcript/1", headers={"authorization": "k"})\r\n');
  });
});

describe("golden seed (000_d9e712ab4726543e): AssemblyAI's Gladia migration guide", () => {
  const output = readFixture(`${FIXTURES_DIR}py-golden/seed-000.output.py`);

  it("has every mapping the guide states", () => {
    for (const expected of [
      'base_url = "https://api.assemblyai.com"',
      '"authorization": "<YOUR_API_KEY>"',
      "data=f)",
      'response.json()["upload_url"]',
      'base_url + "/v2/transcript"',
      "transcript['status'] == 'completed'",
      "transcript['text']",
      "transcript['error']",
      '"speaker_labels": True',
      '"auto_chapters": True',
      '"entity_detection": True',
      '"language_detection": True',
      "transcript['utterances']",
      "transcript['chapters']",
      "transcript['entities']",
    ]) {
      expect(output).toContain(expected);
    }
    expect(output).not.toMatch(/gladia|files=|audio_url"\]|'done'|error_code|"diarization"|chapterization|named_entity_recognition/i);
  });

  it("emits no speech model: the guide's AssemblyAI side pins `speech_models`, the mapping contract does not", () => {
    // mapping.md §2: `model` → `speech_models` only when the user pins models with a CLI option;
    // "by default emit no model: the server default applies". The guide's pinned list is not copied.
    expect(output).not.toMatch(/speech_models?/);
  });

  it("keeps seconds: chapter and entity times (ms on AssemblyAI) are divided by 1000", () => {
    expect(output).toContain("{chapter['start'] / 1000} - {chapter['end'] / 1000}");
    expect(output).toContain("{entity['start'] / 1000} - {entity['end'] / 1000}");
  });
});
