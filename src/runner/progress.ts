// A progress bar on stderr for long runs on a terminal; nothing when piped or quiet.

export const PROGRESS_MIN_FILES = 50;

export interface Progress {
  /** A bar is on screen (output that would garble it waits until `stop`). */
  active: boolean;
  tick(): void;
  stop(): void;
}

export const NO_PROGRESS: Progress = { active: false, tick() {}, stop() {} };

export async function startProgress(total: number, enabled: boolean): Promise<Progress> {
  if (!enabled || total < PROGRESS_MIN_FILES || !process.stderr.isTTY) return NO_PROGRESS;
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: "migrating {bar} {value}/{total} files | {eta_formatted} left", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { active: true, tick: () => bar.increment(), stop: () => bar.stop() };
}
