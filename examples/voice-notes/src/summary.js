// Plain-text meeting notes from a finished Gladia job.

function formatTime(seconds) {
  const minutes = Math.floor(seconds / 60);
  const rest = Math.floor(seconds % 60);
  return `${minutes}:${String(rest).padStart(2, "0")}`;
}

/** The full transcript, then one line per utterance: `[m:ss] Speaker n: text`. */
export function toNotes(job) {
  const transcript = job.result.transcription.full_transcript;
  const lines = job.result.transcription.utterances.map(
    (utterance) => `[${formatTime(utterance.start)}] Speaker ${utterance.speaker}: ${utterance.text.trim()}`,
  );
  return `${transcript}\n\n${lines.join("\n")}`;
}

export function durationMinutes(job) {
  return Math.round(job.result.metadata.audio_duration / 60);
}
