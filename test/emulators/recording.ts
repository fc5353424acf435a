// The one canonical recording both emulators serve. Plain data, in neutral units: times in float seconds
// with at most two decimals (so `ms / 1000` gives back exactly the same number), speakers and channels as
// 0-based integers, one language code. gladia-shapes.ts and assemblyai-shapes.ts derive each API's own
// JSON (units, labels, envelopes) from it.

export interface RecordedWord {
  text: string;
  start: number;
  end: number;
  confidence: number;
}

export interface RecordedUtterance {
  speaker: number;
  channel: number;
  confidence: number;
  words: RecordedWord[];
}

export interface RecordedEntity {
  text: string;
  start: number;
  end: number;
  /** Each API names entity types differently (`EMAIL_ADDRESS` vs `email_address`). */
  type: { gladia: string; assemblyai: string };
}

export interface RecordedChapter {
  start: number;
  end: number;
  headline: string;
  gist: string;
  summary: string;
  keywords: string[];
}

export type Sentiment = "positive" | "neutral" | "negative";

export interface RecordedSentiment {
  /** Index into the recording's sentences (see getSentences). */
  sentence: number;
  sentiment: Sentiment;
  emotion: string;
  confidence: number;
}

export interface Recording {
  /** A whole number of seconds: AssemblyAI reports `audio_duration` as an integer, Gladia as a float. */
  audioDuration: number;
  numberOfChannels: number;
  language: string;
  languageConfidence: number;
  utterances: RecordedUtterance[];
  entities: RecordedEntity[];
  chapters: RecordedChapter[];
  sentiments: RecordedSentiment[];
  /** Keyed by Gladia's summarization types; AssemblyAI's summary types map onto them. */
  summaries: { general: string; bullet_points: string; concise: string };
  /** Per utterance, keyed by language code. */
  translations: Record<string, string[]>;
}

const w = (text: string, start: number, end: number, confidence: number): RecordedWord => ({ text, start, end, confidence });

export const recording: Recording = {
  audioDuration: 12,
  numberOfChannels: 1,
  language: "en",
  languageConfidence: 0.97,
  utterances: [
    {
      speaker: 0,
      channel: 0,
      confidence: 0.95,
      words: [
        w("Hello", 0.21, 0.52, 0.99),
        w("Maria,", 0.6, 1.02, 0.97),
        w("thanks", 1.18, 1.46, 0.96),
        w("for", 1.5, 1.63, 0.99),
        w("joining", 1.68, 2.1, 0.94),
        w("the", 2.14, 2.24, 0.99),
        w("call", 2.28, 2.61, 0.93),
        w("today.", 2.66, 3.12, 0.91),
      ],
    },
    {
      speaker: 1,
      channel: 0,
      confidence: 0.9,
      words: [
        w("Happy", 3.8, 4.12, 0.95),
        w("to", 4.16, 4.25, 0.99),
        w("help.", 4.3, 4.71, 0.97),
        w("Send", 5.02, 5.3, 0.92),
        w("the", 5.34, 5.43, 0.99),
        w("contract", 5.48, 5.97, 0.94),
        w("to", 6.02, 6.12, 0.98),
        w("maria@example.com", 6.18, 7.64, 0.71),
        w("please.", 7.7, 8.09, 0.96),
      ],
    },
    {
      speaker: 0,
      channel: 0,
      confidence: 0.93,
      words: [
        w("Great,", 8.65, 9.02, 0.96),
        w("I", 9.1, 9.18, 0.99),
        w("will", 9.22, 9.41, 0.97),
        w("send", 9.46, 9.75, 0.95),
        w("it", 9.79, 9.88, 0.98),
        w("before", 9.93, 10.31, 0.94),
        w("Friday.", 10.36, 11.02, 0.89),
      ],
    },
  ],
  entities: [
    { text: "Maria", start: 0.6, end: 1.02, type: { gladia: "NAME", assemblyai: "person_name" } },
    { text: "maria@example.com", start: 6.18, end: 7.64, type: { gladia: "EMAIL_ADDRESS", assemblyai: "email_address" } },
    { text: "Friday", start: 10.36, end: 11.02, type: { gladia: "DATE", assemblyai: "date" } },
  ],
  chapters: [
    {
      start: 0.21,
      end: 8.09,
      headline: "Maria joins the call and is asked for the contract by email.",
      gist: "Contract request",
      summary: "Maria is welcomed to the call and asked to receive the contract at maria@example.com.",
      keywords: ["contract", "email"],
    },
    {
      start: 8.65,
      end: 11.02,
      headline: "The contract will be sent before Friday.",
      gist: "Next steps",
      summary: "The first speaker promises to send the contract before Friday.",
      keywords: ["Friday"],
    },
  ],
  sentiments: [
    { sentence: 0, sentiment: "positive", emotion: "contentment", confidence: 0.91 },
    { sentence: 1, sentiment: "positive", emotion: "interest", confidence: 0.84 },
    { sentence: 2, sentiment: "neutral", emotion: "neutral", confidence: 0.77 },
    { sentence: 3, sentiment: "positive", emotion: "interest", confidence: 0.82 },
  ],
  summaries: {
    general: "Maria joins a call, is asked to receive the contract at maria@example.com, and it will be sent before Friday.",
    bullet_points: "- Maria joined the call.\n- The contract goes to maria@example.com.\n- It will be sent before Friday.",
    concise: "Contract to be sent to Maria before Friday.",
  },
  translations: {
    fr: [
      "Bonjour Maria, merci de participer à l'appel aujourd'hui.",
      "Avec plaisir. Envoyez le contrat à maria@example.com s'il vous plaît.",
      "Parfait, je l'enverrai avant vendredi.",
    ],
    es: [
      "Hola Maria, gracias por unirte a la llamada hoy.",
      "Con gusto. Envía el contrato a maria@example.com por favor.",
      "Genial, lo enviaré antes del viernes.",
    ],
    de: [
      "Hallo Maria, danke, dass du heute am Anruf teilnimmst.",
      "Gern geschehen. Schick den Vertrag bitte an maria@example.com.",
      "Super, ich schicke ihn vor Freitag.",
    ],
  },
};
