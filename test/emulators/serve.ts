// `npm run emulators`: starts both emulators on 127.0.0.1 and prints how to use them.
// Options: --gladia-port N, --assemblyai-port N (default: free ports), --polls N (GETs before a job is done).
import { parseArgs } from "node:util";
import { startAssemblyAIEmulator } from "./assemblyai.js";
import { startGladiaEmulator } from "./gladia.js";

const { values } = parseArgs({
  options: {
    "gladia-port": { type: "string", default: "0" },
    "assemblyai-port": { type: "string", default: "0" },
    polls: { type: "string", default: "2" },
  },
});

const pollsBeforeDone = Number(values.polls);
const gladia = await startGladiaEmulator({ port: Number(values["gladia-port"]), pollsBeforeDone });
const assemblyai = await startAssemblyAIEmulator({ port: Number(values["assemblyai-port"]), pollsBeforeDone });

console.log(`Gladia v2 emulator:     ${gladia.url}   header x-gladia-key: ${gladia.apiKey}`);
console.log(`AssemblyAI v2 emulator: ${assemblyai.url}   header authorization: ${assemblyai.apiKey}`);
console.log("");
console.log(`  export GLADIA_API_KEY=${gladia.apiKey} ASSEMBLYAI_API_KEY=${assemblyai.apiKey}`);
console.log(`  SDKs: new GladiaClient({ apiUrl: "${gladia.url}" }), new AssemblyAI({ apiKey, baseUrl: "${assemblyai.url}" })`);
console.log(`  Jobs finish after ${pollsBeforeDone} GETs; audio URLs containing "fail" produce a failed job.`);
console.log("Ctrl-C to stop.");

async function stop(): Promise<void> {
  await Promise.all([gladia.close(), assemblyai.close()]);
  const violations = [...gladia.violations, ...assemblyai.violations];
  if (violations.length) console.error(`${violations.length} spec violation(s):\n${violations.join("\n")}`);
  process.exit(violations.length ? 1 : 0);
}

process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
