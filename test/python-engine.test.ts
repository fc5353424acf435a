import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { processText } from "../src/core/process-text.js";
import { languageFor } from "../src/languages/index.js";
import { applyEdits, fits } from "../src/python/edits.js";
import { parsePython, pythonParseError } from "../src/python/parse.js";
import { isFString, stringValue } from "../src/python/nodes.js";
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

describe("Python tree (ast-grep nodes wrapped once per file)", () => {
  const pythonFixtures = readdirSync(FIXTURES_DIR, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".py"));
  // Every fixture, and each with a few characters cut out or a bracket added here and there (ERROR and MISSING nodes).
  const texts = pythonFixtures.map((f) => readFixture(`${FIXTURES_DIR}${f}`)).flatMap((text) => [
    text,
    ...[0.2, 0.5, 0.8].map((at) => Math.floor(text.length * at)).flatMap((cut) => [text.slice(0, cut) + text.slice(cut + 3), `${text.slice(0, cut)}(${text.slice(cut)}`]),
  ]);
  const scopeKinds = ["function_definition", "lambda", "class_definition", "call", "expression_statement", "block", "ERROR"];
  const searched = ["call", "return_statement", "expression_statement", "assignment", "function_definition", "string"];
  const ids = (nodes: readonly { id(): number }[]) => nodes.map((n) => n.id());

  it("searches by kind from the file's index exactly as ast-grep searches (same nodes, same order)", () => {
    expect(pythonFixtures.length).toBeGreaterThan(20);
    let searches = 0;
    for (const text of [...texts, "", ")))", "def f(:\n    pass\n", "x = lambda: (lambda: f(1))\n"]) {
      const root = parsePython(text).root;
      const scopes = [root, ...root.searchNative({ rule: { any: scopeKinds.map((kind) => ({ kind })) } })];
      for (const scope of scopes) {
        for (const kind of searched) {
          const where = `${kind} in ${scope.kind()} of ${JSON.stringify(text.slice(0, 60))}`;
          expect(ids(scope.findAll({ rule: { kind } })), where).toEqual(ids(scope.searchNative({ rule: { kind } })));
          searches++;
        }
      }
    }
    expect(searches).toBeGreaterThan(10_000);
  });

  it("gives one object per node, however it was reached", () => {
    const root = parsePython("import requests\nr = requests.post(url, json={'a': 1})\n").root;
    const call = root.findAll({ rule: { kind: "call" } })[0];
    expect(call.field("function")).toBe(call.children()[0]);
    expect(call.field("arguments")?.parent()).toBe(call);
    expect(call.parent()?.field("right")).toBe(call);
    expect(root.findAll({ rule: { kind: "assignment" } })[0].field("right")).toBe(call);
    expect(call.field("arguments")?.namedChildren()).toEqual(call.field("arguments")?.children().filter((c) => c.isNamed()));
  });

  it("gives the named children alike whether ast-grep is asked for them or they are picked from all children", () => {
    const kinds = ["module", "argument_list", "call", "parameters", "dictionary", "import_from_statement", "block", "string", "ERROR"];
    let checked = 0;
    for (const text of [...texts, "", ")))", "def f(:\n    pass\n"]) {
      const root = parsePython(text).root;
      for (const node of [root, ...root.searchNative({ rule: { any: kinds.map((kind) => ({ kind })) } })]) {
        const named = node.namedChildren();
        const all = node.children();
        expect(ids(named), `${node.kind()} of ${JSON.stringify(text.slice(0, 60))}`).toEqual(ids(all.filter((c) => c.isNamed())));
        named.forEach((child, i) => expect(child).toBe(all.filter((c) => c.isNamed())[i]));
        for (const child of named) expect(child.parent()).toBe(node);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1_000);
  });

  it("lets go of the file's nodes when disposed (a node read afterwards fails loudly)", () => {
    const tree = parsePython("x = f(1)\n");
    const assignment = tree.root.findAll({ rule: { kind: "assignment" } })[0];
    expect(assignment.field("left")?.text()).toBe("x");
    tree.dispose();
    expect(() => assignment.field("right")).toThrow(/after its file was done/);
  });

  it.each([
    [`'abc'`, "abc"],
    [`"a\\"b\\n"`, 'a"b\n'],
    [`r'a\\n'`, "a\\n"],
    [`Rb'\\x00'`, "\\x00"],
    [`b'bytes'`, "bytes"],
    [`u'x'`, "x"],
    [`''`, ""],
    [`"""a\n'b'"""`, "a\n'b'"],
    [`'''x"y'''`, 'x"y'],
    [`f'{a}b'`, undefined],
    [`F'plain'`, undefined],
    [`rf'{a}'`, undefined],
  ])("reads the value of the literal %s", (literal, value) => {
    const node = parsePython(`x = ${literal}\n`).root.findAll({ rule: { kind: "string" } })[0];
    expect(stringValue(node)).toBe(value);
    expect(isFString(node)).toBe(/^[a-z]*f/i.test(literal));
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
