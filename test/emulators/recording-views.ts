// API-neutral views of the recording that both shape modules share: texts, sentences, subtitles,
// translations. Keeping them in one place guarantees both emulators say the same thing.
import type { Recording, RecordedSentiment, RecordedUtterance, RecordedWord } from "./recording.js";

export interface Segment {
  text: string;
  start: number;
  end: number;
  confidence: number;
  speaker: number;
  channel: number;
  words: RecordedWord[];
}

export type SubtitleFormat = "srt" | "vtt";

const joinWords = (words: RecordedWord[]) => words.map((w) => w.text).join(" ");
const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;

function toSegment(words: RecordedWord[], u: Pick<RecordedUtterance, "speaker" | "channel">, confidence?: number): Segment {
  return {
    text: joinWords(words),
    start: words[0].start,
    end: words[words.length - 1].end,
    confidence: confidence ?? mean(words.map((w) => w.confidence)),
    speaker: u.speaker,
    channel: u.channel,
    words,
  };
}

export function getUtterances(rec: Recording): Segment[] {
  return rec.utterances.map((u) => toSegment(u.words, u, u.confidence));
}

export function getFullText(rec: Recording): string {
  return getUtterances(rec)
    .map((u) => u.text)
    .join(" ");
}

export function getAllWords(rec: Recording): Array<RecordedWord & { speaker: number; channel: number }> {
  return rec.utterances.flatMap((u) => u.words.map((w) => ({ ...w, speaker: u.speaker, channel: u.channel })));
}

/** Sentences end at a word ending in `.`, `?` or `!`; they never cross utterances. */
export function getSentences(rec: Recording): Segment[] {
  return rec.utterances.flatMap((u) => {
    const sentences: Segment[] = [];
    let current: RecordedWord[] = [];
    for (const word of u.words) {
      current.push(word);
      if (/[.?!]$/.test(word.text)) {
        sentences.push(toSegment(current, u));
        current = [];
      }
    }
    if (current.length) sentences.push(toSegment(current, u));
    return sentences;
  });
}

/** Each recorded sentiment joined with the sentence it is about. */
export function getSentimentSegments(rec: Recording): Array<{ segment: Segment; sentiment: RecordedSentiment }> {
  const sentences = getSentences(rec);
  return rec.sentiments.map((sentiment) => ({ segment: sentences[sentiment.sentence], sentiment }));
}

/** A recorded translation, or a visibly fake one for languages the recording does not carry. */
export function translateUtterance(rec: Recording, index: number, language: string): string {
  return rec.translations[language]?.[index] ?? `[${language}] ${getUtterances(rec)[index].text}`;
}

export function translateFullText(rec: Recording, language: string): string {
  return rec.utterances.map((_u, i) => translateUtterance(rec, i, language)).join(" ");
}

function splitByLength(words: RecordedWord[], maxChars: number): RecordedWord[][] {
  const chunks: RecordedWord[][] = [];
  for (const word of words) {
    const last = chunks[chunks.length - 1];
    if (last && joinWords([...last, word]).length <= maxChars) last.push(word);
    else chunks.push([word]);
  }
  return chunks;
}

function formatTimestamp(seconds: number, separator: "," | "."): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, size = 2) => String(n).padStart(size, "0");
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`;
}

/** One caption per sentence, split further when `maxChars` (characters per caption) is given. */
export function renderSubtitles(rec: Recording, format: SubtitleFormat, maxChars?: number): string {
  const captions = getSentences(rec).flatMap((s) => (maxChars ? splitByLength(s.words, maxChars) : [s.words]));
  const separator = format === "srt" ? "," : ".";
  const cues = captions.map((words, i) => {
    const timing = `${formatTimestamp(words[0].start, separator)} --> ${formatTimestamp(words[words.length - 1].end, separator)}`;
    return format === "srt" ? `${i + 1}\n${timing}\n${joinWords(words)}` : `${timing}\n${joinWords(words)}`;
  });
  return format === "srt" ? `${cues.join("\n\n")}\n` : `WEBVTT\n\n${cues.join("\n\n")}\n`;
}

/** Seconds → AssemblyAI's integer milliseconds. */
export const toMs = (seconds: number) => Math.round(seconds * 1000);
