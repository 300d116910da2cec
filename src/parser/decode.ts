// Turns dump input (string or bytes) into text, refusing binary data with the line of the first bad byte.
import { DumpError } from './errors';

/** Index of the first byte that breaks UTF-8 (or is NUL), or -1 when the bytes are clean text. */
function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b === 0) return i;
    if (b < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i; // stray continuation byte, overlong lead (C0/C1) or F5..FF
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i; // truncated or broken sequence
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not valid UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    const b = bytes[i];
    // CR alone or CRLF counts once: count LF, and CR only when not followed by LF.
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

function lineOfChar(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** Decodes bytes as strict UTF-8 and rejects NUL characters; strips one leading BOM. */
export function decodeInput(input: string | Uint8Array): string {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    const bad = firstBadByte(input);
    if (bad >= 0) {
      const hex = input[bad]!.toString(16).padStart(2, '0');
      throw new DumpError('not-text', `not UTF-8 text (byte 0x${hex} at offset ${bad})`, lineOfByte(input, bad));
    }
    text = new TextDecoder('utf-8').decode(input);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new DumpError('not-text', 'NUL character: this looks like a binary file', lineOfChar(text, nul));
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
