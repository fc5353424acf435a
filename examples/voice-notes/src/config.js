// Settings read once from the environment (see .env.example).

export const config = {
  gladiaApiKey: process.env.GLADIA_API_KEY,
  pollIntervalMs: Number(process.env.POLL_MS ?? 3000),
};

export function assertConfigured() {
  if (!config.gladiaApiKey) {
    throw new Error("Missing Gladia API key: copy .env.example to .env and set it.");
  }
}
