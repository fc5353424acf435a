import { describe, expect, it } from "vitest";
import { listFixtureCases, readFixture } from "../helpers/fixtures.js";
import { compareBodies, findAgreementPairs } from "./request-bodies.js";

// One source of truth: for every fixture pair (native strategy) whose input holds a literal Gladia
// request body, `toAssemblyAIParams(input literal)` must equal the literal the transforms wrote in
// the output. Bodies are paired by their audio expression (`audio_url: x` / SDK `audio: x` /
// `transcribe(x, {...})`); values that are not literals are skipped on both sides.

const SOURCE_FILE = /\.(js|jsx|mjs|cjs|ts|tsx|mts|cts|py)$/;

const PAIRS = listFixtureCases()
  .filter((c) => c.outputPath && c.options.strategy === "native" && SOURCE_FILE.test(c.name))
  .flatMap((c) => findAgreementPairs(c.name, readFixture(c.inputPath), readFixture(c.outputPath!)))
  .filter((p) => !p.input.partial && !p.output.partial);

describe("toAssemblyAIParams agrees with the transforms on every fixture's request body", () => {
  if (PAIRS.length === 0) it.skip("no fixture pair has a literal Gladia request body yet", () => {});
  else {
    it.each(PAIRS)("$name", (pair) => {
      const { expected, actual } = compareBodies(pair);
      expect(actual).toEqual(expected);
    });
  }
});

describe("the agreement check itself", () => {
  const INPUT = `
    const body = { audio_url: url, diarization: true, language_config: { languages: [lang] }, custom_metadata: meta };
    await fetch("https://api.gladia.io/v2/pre-recorded", { method: "POST", body: JSON.stringify(body) });
    await gladia.preRecorded().transcribe(file, { chapterization: true, language_config: { languages: ["fr"] } });
    const other = { audio_url: "https://x", foo: 1 }; // not a Gladia body: unknown key
  `;
  const GOOD = `
    const body = { audio_url: url, speaker_labels: true, language_code: lang };
    await client.transcripts.transcribe({ audio: file, auto_chapters: true, language_code: "fr" });
  `;

  it("pairs bodies by audio expression and finds them equal when they agree", () => {
    const pairs = findAgreementPairs("x.ts", INPUT, GOOD);
    expect(pairs.map((p) => p.input.audio)).toEqual(["url", "file"]);
    for (const pair of pairs) {
      const { expected, actual } = compareBodies(pair);
      expect(actual).toEqual(expected);
    }
  });

  it("reads Python dicts too (True/None, nested dicts and lists), skipping f-strings", () => {
    const input = 'r = requests.post(url, json={"audio_url": audio, "diarization": True, "language_config": {"languages": ["en", "fr"]}, "callback_url": f"{base}/hook"})\n';
    const output = 'r = requests.post(url, json={"audio_url": audio, "speaker_labels": True, "language_detection": True, "language_detection_options": {"expected_languages": ["en", "fr"]}, "webhook_url": f"{base}/hook"})\n';
    const [pair] = findAgreementPairs("x.py", input, output);
    expect(pair.input.value).toEqual({ diarization: true, language_config: { languages: ["en", "fr"] }, callback_url: { opaque: 'f"{base}/hook"' } });
    const { expected, actual } = compareBodies(pair);
    expect(actual).toEqual(expected);
    const [wrong] = findAgreementPairs("x.py", input, output.replace('"speaker_labels": True', '"speaker_labels": None'));
    expect(compareBodies(wrong).actual).not.toEqual(compareBodies(wrong).expected);
  });

  it("a body the program changes after the literal is not compared", () => {
    const [js] = findAgreementPairs("x.js", "const body = { audio_url: u };\nbody.diarization = true;\n", "const body = { audio_url: u, speaker_labels: true };\n");
    const [py] = findAgreementPairs("x.py", 'payload = {"audio_url": u}\npayload.update({"diarization": True})\n', 'payload = {"audio_url": u, "speaker_labels": True}\n');
    expect([js.input.partial, py.input.partial]).toEqual([true, true]);
    const [kept] = findAgreementPairs("x.js", "const body = { audio_url: u };\nif (body.diarization === true) go();\n", "const body = { audio_url: u };\n");
    expect(kept.input.partial).toBe(false);
  });

  it("catches a disagreement (a wrong key, a wrong literal)", () => {
    const bad = GOOD.replace("auto_chapters", "chapterization").replace('"fr"', '"en"');
    const [, sdk] = findAgreementPairs("x.ts", INPUT, bad);
    const { expected, actual } = compareBodies(sdk);
    expect(actual).not.toEqual(expected);
  });
});
