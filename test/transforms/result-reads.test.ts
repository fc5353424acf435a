import jscodeshift from "jscodeshift";
import { describe, expect, it } from "vitest";
import { createContext } from "../../transforms/shared/context.js";
import { rewriteResultReads, type ResultLevel } from "../../transforms/shared/result-reads.js";

// rewriteResultReads on its own: roots are named bindings (`const job = …` or a parameter).

function run(code: string, roots: Record<string, ResultLevel>, path = "x.ts") {
  const j = jscodeshift.withParser("ts");
  const root = j(code);
  const ctx = createContext(j, root, path, code, { strategy: "native" });
  const paths = Object.entries(roots).map(([name, level]) => {
    const id = root.find(j.Identifier, { name }).filter((p) => {
      const parent = p.parent.node;
      return (parent.type === "VariableDeclarator" && parent.id === p.node) || (/Function/.test(parent.type) && parent.params.includes(p.node));
    }).paths()[0];
    if (!id) throw new Error(`no binding ${name}`);
    return { path: id, level };
  });
  const report = rewriteResultReads(ctx, paths);
  ctx.beforePrint.forEach((pass) => pass());
  const text = ctx.afterPrint.reduce((printed, pass) => pass(printed), root.toSource({ quote: "double" }));
  return { text, report, ctx };
}

describe("rewriteResultReads", () => {
  it("maps full_transcript, status and error_code on a job", () => {
    const { text } = run(
      `const job = get();\nif (job.status === "done") console.log(job.result.transcription.full_transcript);\nelse if (job.status === "error") throw new Error(String(job.error_code));\n`,
      { job: "job" },
    );
    expect(text).toBe(
      `const job = get();\nif (job.status === "completed") console.log(job.text);\nelse if (job.status === "error") throw new Error(String(job.error));\n`,
    );
  });

  it("keeps optional chains and element access", () => {
    const { text } = run(`const job = get();\nconst a = job.result?.transcription?.full_transcript;\nconst b = job["result"]["transcription"]["full_transcript"];\nconst c = job?.result?.transcription?.utterances.length;\n`, { job: "job" });
    expect(text).toBe(`const job = get();\nconst a = job.text;\nconst b = job["text"];\nconst c = job?.utterances?.length;\n`);
  });

  it("converts utterance times and words through callbacks and loops", () => {
    const { text, report } = run(
      `const job = get();\nfor (const u of job.result.transcription.utterances) {\n  console.log(\`[\${u.start.toFixed(1)}-\${u.end}] \${u.speaker}: \${u.text}\`);\n  u.words.forEach((w) => console.log(w.word, w.start));\n}\n`,
      { job: "job" },
    );
    expect(text).toBe(
      `const job = get();\nfor (const u of job.utterances) {\n  console.log(\`[\${(u.start / 1000).toFixed(1)}-\${u.end / 1000}] \${u.speaker}: \${u.text}\`);\n  u.words.forEach((w) => console.log(w.text, w.start / 1000));\n}\n`,
    );
    expect(report.utteranceReads).toHaveLength(1);
  });

  it("treats an alias of the transcription level as the transcript", () => {
    const { text } = run(`const job = get();\nconst t = job.result.transcription;\nconsole.log(t.full_transcript, t.languages[0], t.languages);\n`, { job: "job" });
    expect(text).toBe(`const job = get();\nconst t = job;\nconsole.log(t.text, t.language_code, [t.language_code]);\n`);
  });

  it("rewrites destructuring patterns", () => {
    const { text } = run(
      `const job = get();\nconst { status, result: { transcription: { full_transcript, utterances } } } = job;\nif (status === "done") utterances.map(({ start, speaker, words: [first] }) => \`\${start} \${speaker} \${first.word}\`);\n`,
      { job: "job" },
    );
    expect(text).toBe(
      `const job = get();\nconst { status, text: full_transcript, utterances } = job;\nif (status === "completed") utterances.map(({ start, speaker, words: [first] }) => \`\${start / 1000} \${speaker} \${first.text}\`);\n`,
    );
  });

  it("turns `const { result } = job` into an alias", () => {
    const { text } = run(`const job = get();\nconst { result } = job;\nconsole.log(result.transcription.full_transcript, result.metadata.audio_duration);\n`, { job: "job" });
    expect(text).toBe(`const job = get();\nconst result = job;\nconsole.log(result.text, result.audio_duration);\n`);
  });

  it("marks reads with no equivalent and speakers used as numbers", () => {
    const { text } = run(
      `function show(result) {\n  console.log(result.transcription.subtitles[0].subtitles);\n  for (const u of result.transcription.utterances) colors[u.speaker] = 1;\n  if (result.summarization.success) console.log(result.summarization.results);\n}\n`,
      { result: "result" },
    );
    expect(text).toContain("TODO(gladia-to-assemblyai): Subtitles are not in the transcript");
    expect(text).toContain("TODO(gladia-to-assemblyai): AssemblyAI speakers are letters");
    expect(text).toContain("TODO(gladia-to-assemblyai): AssemblyAI results have no add-on envelope");
    expect(text).toContain("console.log(result.summary)");
  });

  it("does not touch unrelated objects", () => {
    const code = `const job = get();\nconst other = load();\nif (other.status === "done") console.log(other.result.transcription.full_transcript);\n`;
    expect(run(code, { job: "job" }).text).toBe(code);
  });
});
