export async function main(_argv: string[]): Promise<number> {
  console.error("gladia-to-assemblyai: not built yet");
  return 1;
}
