import type { GladiaJob } from "../transcribe";

interface TranscriptProps {
  job: GladiaJob;
}

/** One row per utterance, coloured by speaker, with its time range in seconds. */
export function Transcript({ job }: TranscriptProps) {
  const transcription = job.result?.transcription;
  if (!transcription) return <p>Transcription in progress…</p>;

  return (
    <section className="transcript">
      <p className="full-text">{transcription.full_transcript}</p>
      <ol>
        {transcription.utterances.map((utterance, index) => (
          <li key={index} className={`speaker-${utterance.speaker}`}>
            <span className="time">
              {utterance.start.toFixed(1)}s – {utterance.end.toFixed(1)}s
            </span>
            <strong>Speaker {utterance.speaker}</strong> {utterance.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
