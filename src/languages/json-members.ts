// Where each member of a JSON document sits in its text, so a manifest can be edited surgically
// (formatting, indentation and key order untouched) instead of being re-serialised.

export interface JsonMember {
  /** Keys from the root to this member, e.g. ["dependencies", "@gladiaio/sdk"]. */
  path: string[];
  /** Offsets of the key's opening quote and of the end of the value. */
  start: number;
  end: number;
  /** Just after the key's closing quote. */
  keyEnd: number;
  valueStart: number;
}

const WHITESPACE = /\s/;

/** Every object member of a valid JSON text (the caller parses it first to know it is valid). */
export function jsonMembers(text: string): JsonMember[] {
  const members: JsonMember[] = [];
  let i = 0;
  const skip = () => {
    while (i < text.length && WHITESPACE.test(text[i])) i++;
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const readValue = (path: string[]): void => {
    skip();
    const c = text[i];
    if (c === "{") return readObject(path);
    if (c === "[") return readArray(path);
    if (c === '"') {
      readString();
      return;
    }
    while (i < text.length && !/[,\]}\s]/.test(text[i])) i++;
  };
  const readArray = (path: string[]): void => {
    i++;
    skip();
    while (text[i] !== "]") {
      readValue(path);
      skip();
      if (text[i] === ",") i++;
      skip();
    }
    i++;
  };
  const readObject = (path: string[]): void => {
    i++;
    skip();
    while (text[i] !== "}") {
      const start = i;
      const key = readString();
      const keyEnd = i;
      skip();
      i++; // ':'
      skip();
      const valueStart = i;
      readValue([...path, key]);
      members.push({ path: [...path, key], start, end: i, keyEnd, valueStart });
      skip();
      if (text[i] === ",") i++;
      skip();
    }
    i++;
  };
  readValue([]);
  return members;
}
