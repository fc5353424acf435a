// Files are transformed as LF text without a BOM; what they had is put back before writing.

export interface TextShape {
  bom: boolean;
  crlf: boolean;
}

const BOM = "\uFEFF";

export function normaliseText(raw: string): { text: string; shape: TextShape } {
  const bom = raw.startsWith(BOM);
  const body = bom ? raw.slice(1) : raw;
  const crlf = isMostlyCrlf(body);
  return { text: crlf ? body.replace(/\r\n/g, "\n") : body, shape: { bom, crlf } };
}

export function restoreText(text: string, shape: TextShape): string {
  const body = shape.crlf ? text.replace(/\r?\n/g, "\r\n") : text;
  return shape.bom ? BOM + body : body;
}

function isMostlyCrlf(text: string): boolean {
  const crlf = text.split("\r\n").length - 1;
  if (crlf === 0) return false;
  const lf = text.split("\n").length - 1;
  return crlf * 2 >= lf;
}
