import jscodeshift from "jscodeshift";
import { describe, expect, it } from "vitest";
import { classifyUrl } from "../../transforms/http/detect/endpoint.js";
import { DYN, evaluate } from "../../transforms/http/detect/url-value.js";
import { rewriteUrlText } from "../../transforms/http/transport/rewrite-url.js";

// URL provenance (what a URL expression evaluates to in the file), endpoint classification, and the
// piece-wise URL rewrite.

const j = jscodeshift.withParser("ts");

/** Evaluates the argument of the last `fetch(…)` call in `code`. */
function urlOf(code: string) {
  const call = j(code).find(j.CallExpression, { callee: { name: "fetch" } }).paths().at(-1)!;
  return evaluate(j, call.get("arguments", 0));
}

describe("evaluate (URL provenance)", () => {
  it.each([
    ["a literal", `fetch("https://api.gladia.io/v2/upload")`, "https://api.gladia.io/v2/upload"],
    ["a template with a constant", 'const B = "https://api.gladia.io"; fetch(`${B}/v2/pre-recorded/${id}`)', `https://api.gladia.io/v2/pre-recorded/${DYN}`],
    ["concatenation", 'const B = "https://api.gladia.io/v2/"; fetch(B + "transcription/" + id)', `https://api.gladia.io/v2/transcription/${DYN}`],
    ["an env default", 'const B = process.env.GLADIA_API_URL ?? "https://api.gladia.io"; fetch(`${B}/v2/upload`)', "https://api.gladia.io/v2/upload"],
    ["new URL with an absolute path", 'fetch(new URL("/v2/pre-recorded", "https://api.gladia.io/v2/"))', "https://api.gladia.io/v2/pre-recorded"],
    ["new URL with a relative path and .href", 'const base = new URL("https://api.gladia.io/v2/"); fetch(new URL(`pre-recorded/${id}`, base).href)', `https://api.gladia.io/v2/pre-recorded/${DYN}`],
    ["a config object", 'const config = { url: "https://api.gladia.io" }; fetch(config.url + "/v2/upload")', "https://api.gladia.io/v2/upload"],
    ["a let that is reassigned (unknown)", 'let B = "https://api.gladia.io"; B = other; fetch(B + "/v2/upload")', `${DYN}/v2/upload`],
  ])("%s", (_name, code, text) => {
    expect(urlOf(code).text).toBe(text);
  });

  it("follows a parameter of a local function to each call site", () => {
    const value = urlOf('function get(path) { return fetch("https://api.gladia.io" + path); }\nget("/v2/upload"); get("/v2/pre-recorded");');
    expect(value.text).toBe(`https://api.gladia.io${DYN}`);
    expect(value.alternatives?.map((a) => a.text)).toEqual(["https://api.gladia.io/v2/upload", "https://api.gladia.io/v2/pre-recorded"]);
    expect(classifyUrl(value, "POST").kind).toBe("unknown");
  });
});

describe("classifyUrl", () => {
  const kind = (text: string, method?: string) => classifyUrl({ text, owners: [] }, method);
  it.each([
    ["https://api.gladia.io/v2/upload", "POST", "upload"],
    ["https://api.gladia.io/v2/upload/", "POST", "upload"],
    ["https://api.gladia.io/v2/pre-recorded", "POST", "create"],
    ["https://api.gladia.io/v2/transcription/", "POST", "create"],
    ["https://api.gladia.io/v2/pre-recorded", "GET", "list"],
    [`https://api.gladia.io/v2/pre-recorded/${DYN}`, "GET", "job"],
    [`https://api.gladia.io/v2/transcription/${DYN}`, "GET", "job"],
    [`https://api.gladia.io/v2/pre-recorded/${DYN}`, "DELETE", "delete"],
    [`https://api.gladia.io/v2/pre-recorded/${DYN}/file`, "GET", "file"],
    ["https://api.gladia.io/audio/text/audio-transcription/", "POST", "v1"],
    ["https://api.gladia.io/v2", undefined, "base"],
    [`${DYN}/v2/pre-recorded`, "POST", "create"],
  ])("%s %s → %s", (text, method, expected) => {
    expect(kind(text, method).kind).toBe(expected);
  });

  it("knows the Gladia host from a look-alike", () => {
    expect(kind("https://api.gladia.io/v2/upload", "POST").gladiaHost).toBe(true);
    expect(kind("https://api.gladia.io.example.com/v2/upload", "POST")).toEqual({ gladiaHost: false, kind: undefined });
    expect(kind("https://speech.example.com/v2/pre-recorded", "POST")).toEqual({ gladiaHost: false, kind: undefined });
  });
});

describe("rewriteUrlText", () => {
  it.each([
    ["https://api.gladia.io", false, "https://api.assemblyai.com"],
    ["https://api.gladia.io/v2/", false, "https://api.assemblyai.com/v2/"],
    ["https://api.gladia.io/v2/pre-recorded", false, "https://api.assemblyai.com/v2/transcript"],
    ["https://api.gladia.io/v2/transcription/", true, "https://api.assemblyai.com/v2/transcript"],
    ["transcription/", false, "transcript/"],
    ["upload/", true, "upload"],
    ["/pre-recorded/", false, "/transcript/"],
    ["?kind=pre-recorded", false, "?kind=pre-recorded"],
  ])("%s (strip %s) → %s", (text, strip, expected) => {
    expect(rewriteUrlText(text, strip)).toBe(expected);
  });
});
