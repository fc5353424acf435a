import { Project } from "ts-morph";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { JS_SDK_ADAPTER } from "../../src/mapping/sdk.js";

// The adapter strategy only renames the module: typical `@gladiaio/sdk` code must still type-check
// against `gladia-to-assemblyai/runtime`. The same sample is compiled against both packages, so the
// sample is known to be valid Gladia code.

const ROOT = new URL("../../", import.meta.url).pathname;
const RUNTIME_INDEX = `${ROOT}src/runtime/index.ts`;

const SAMPLE = (module: string) => `
import { GladiaClient } from "${module}";
import type { GladiaClientOptions, PreRecordedV2InitTranscriptionRequest, PreRecordedV2Response, PreRecordedV2Utterance } from "${module}";

const options: GladiaClientOptions = { apiKey: process.env.GLADIA_API_KEY, httpTimeout: 5000, prerecordedTimeouts: { poll: 60_000 } };
const client = new GladiaClient(options);
const prerecorded = client.preRecorded();

const request: PreRecordedV2InitTranscriptionRequest = {
  audio_url: "https://example.com/a.mp3",
  diarization: true,
  diarization_config: { number_of_speakers: 2 },
  language_config: { languages: ["en"], code_switching: false },
  subtitles: true,
  subtitles_config: { formats: ["srt", "vtt"] },
  custom_vocabulary: true,
  custom_vocabulary_config: { vocabulary: ["Gladia", { value: "Solaria", intensity: 0.5 }] },
  callback: true,
  callback_config: { url: "https://hooks.example.com", method: "POST" },
  custom_metadata: { user: 42 },
};

function speakerLines(utterances: PreRecordedV2Utterance[]): string[] {
  return utterances.map((u) => \`[\${u.start.toFixed(2)}s] speaker \${u.speaker ?? 0}: \${u.words.map((w) => w.word).join(" ")}\`);
}

export async function main(file: Blob): Promise<void> {
  const { audio_url, audio_metadata } = await prerecorded.uploadFile("./meeting.wav");
  console.log(audio_metadata.filename, audio_metadata.size);
  const { id, result_url } = await prerecorded.create({ ...request, audio_url });
  console.log(result_url);
  const job: PreRecordedV2Response = await prerecorded.poll(id, { interval: 1000, timeout: null });
  const text: string | undefined = job.result?.transcription?.full_transcript;
  console.log(text, speakerLines(job.result?.transcription?.utterances ?? []));
  console.log(job.result?.transcription?.languages[0], job.result?.metadata.audio_duration);
  console.log(job.result?.transcription?.subtitles?.[0]?.subtitles);
  console.log(job.result?.summarization?.results, job.result?.named_entity_recognition?.results?.[0]?.entity_type);
  if (job.status === "error") console.log(job.error_code);
  const fromBlob = await prerecorded.transcribe(file, { diarization: true }, { interval: 500 });
  const untyped = await client.preRecordedV2().transcribeUntyped("https://example.com/b.mp3", { detect_language: true });
  const polled = await prerecorded.createAndPoll(request, { timeout: 10_000 });
  await prerecorded.createUntyped({ audio_url: "https://example.com/c.mp3", language: "en" });
  console.log(fromBlob.id, untyped.status, polled.kind, (await prerecorded.get(id)).created_at);
  const deleted: boolean = await prerecorded.delete(id);
  const page = await prerecorded.list({ limit: 10 });
  console.log(deleted, page.next, page.items.filter((j) => j.status === "done").length);
}
`;

function typeErrors(module: string): string[] {
  const file = `${ROOT}test/runtime/__sample__.ts`;
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ["node"],
    paths: { [JS_SDK_ADAPTER.runtimeModule]: [RUNTIME_INDEX] },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, SAMPLE(module), version) : getSourceFile(name, version, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("runtime types", () => {
  it("the sample is valid @gladiaio/sdk code", () => {
    expect(typeErrors("@gladiaio/sdk")).toEqual([]);
  });

  it("the same code type-checks against gladia-to-assemblyai/runtime", () => {
    expect(typeErrors(JS_SDK_ADAPTER.runtimeModule)).toEqual([]);
  });

  it("exports every name @gladiaio/sdk exports, except the live ones the adapter leaves alone", () => {
    const project = new Project({ skipAddingFilesFromTsConfig: true, compilerOptions: { skipLibCheck: true } });
    const gladia = [...project.addSourceFileAtPath(`${ROOT}node_modules/@gladiaio/sdk/dist/index.d.ts`).getExportedDeclarations().keys()];
    const runtime = new Set(project.addSourceFileAtPath(RUNTIME_INDEX).getExportedDeclarations().keys());
    expect(gladia.length).toBeGreaterThan(50);
    expect(gladia.filter((name) => !runtime.has(name) && !JS_SDK_ADAPTER.unsupportedName.test(name))).toEqual([]);
  });
});
