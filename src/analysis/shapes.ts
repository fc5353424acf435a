import type { Node, Type } from "ts-morph";
import type { HintLevel } from "./hints.js";

// Recognises Gladia values by the shape of their static type, not by name: a transcription has
// `full_transcript` (or `utterances` + `languages`), a result has such a `transcription`, a job
// has such a `result`; utterances and words are the item types reached from a transcription.
// The `@gladiaio/sdk` response types have these shapes too. The create response is `{ id, result_url }`.

function propertyType(type: Type, name: string, at: Node): Type | undefined {
  const symbol = type.getProperty(name);
  return symbol ? symbol.getTypeAtLocation(at).getNonNullableType() : undefined;
}

function elementType(type: Type | undefined): Type | undefined {
  if (!type) return undefined;
  return type.getArrayElementType()?.getNonNullableType();
}

/** ts-morph may wrap one compiler type in several `Type` objects: key caches by the compiler type. */
type Key = Type["compilerType"];

export class GladiaShapes {
  private readonly levels = new Map<Key, HintLevel | null>();
  private readonly items = new Map<Key, HintLevel>();

  constructor(private readonly at: Node) {}

  /** The utterance and word types recorded so far (see recordItems). */
  itemTypes(): Key[] {
    return [...this.items.keys()];
  }

  private isTranscription(type: Type): boolean {
    return !!type.getProperty("full_transcript") || (!!type.getProperty("utterances") && !!type.getProperty("languages"));
  }

  private isResult(type: Type): boolean {
    const transcription = propertyType(type, "transcription", this.at);
    return !!transcription && this.isTranscription(transcription);
  }

  private isCreateResponse(type: Type): boolean {
    return !!type.getProperty("result_url") && !!type.getProperty("id") && !type.getProperty("result");
  }

  private isJob(type: Type): boolean {
    const result = propertyType(type, "result", this.at);
    return !!result && this.isResult(result);
  }

  /** Utterance and word types reachable from a transcription are items of those levels. */
  private recordItems(transcription: Type): void {
    const utterance = elementType(propertyType(transcription, "utterances", this.at));
    if (!utterance || !utterance.isObject()) return;
    this.items.set(utterance.compilerType, "utterance");
    const word = elementType(propertyType(utterance, "words", this.at));
    if (word?.isObject()) this.items.set(word.compilerType, "word");
  }

  private classify(type: Type): HintLevel | undefined {
    if (type.isArray()) {
      const item = elementType(type) && this.levelOf(elementType(type)!);
      return item === "utterance" ? "utterances" : item === "word" ? "words" : undefined;
    }
    if (!type.isObject()) return this.items.get(type.compilerType);
    if (this.isJob(type)) {
      this.recordItems(propertyType(propertyType(type, "result", this.at)!, "transcription", this.at)!);
      return "job";
    }
    if (this.isResult(type)) {
      this.recordItems(propertyType(type, "transcription", this.at)!);
      return "result";
    }
    if (this.isTranscription(type)) {
      this.recordItems(type);
      return "transcription";
    }
    if (this.isCreateResponse(type)) return "create";
    return this.items.get(type.compilerType);
  }

  /** The Gladia level of a value of this type (nullable and union-with-undefined types included). */
  levelOf(raw: Type): HintLevel | undefined {
    const type = raw.getNonNullableType();
    if (type.isArray()) return this.classify(type);
    const key = type.compilerType;
    if (this.levels.has(key)) return this.levels.get(key) ?? this.items.get(key);
    const level = this.classify(type);
    this.levels.set(key, level ?? null);
    return level ?? this.items.get(key);
  }
}
