// Whitespace normalisation shared by the dump reader and buildThread, so both give equal text.

// Horizontal spaces that carry no meaning in comment text. U+3000 (ideographic space) is kept:
// in Japanese text it is a deliberate character, not layout noise.
const SPACE_RUN = /[ \t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F]+/g;
// Zero-width characters that pages leave at the ends of text; inside a line they may be meaningful
// (U+200D joins emoji sequences), so they are removed only at line ends.
const ZW_EDGES = /^[\u200B-\u200D\u2060\uFEFF]+|[\u200B-\u200D\u2060\uFEFF]+$/g;

/** Splits on any line break: CRLF, CR, LF, and the Unicode line/paragraph separators. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|[\r\n\u2028\u2029]/);
}

/** One line: collapse space runs, trim, drop zero-width junk at both ends. */
export function normalizeLine(line: string): string {
  // Most lines are already clean; a global replace would still copy each one (the parser's main
  // source of garbage on large dumps), so check first.
  if (isCleanLine(line)) return line;
  let out = line.replace(SPACE_RUN, ' ').trim();
  // Trimming may expose more junk (" \u200B x"), so strip until stable.
  while (out !== '' && (isZeroWidth(out.charCodeAt(0)) || isZeroWidth(out.charCodeAt(out.length - 1)))) {
    out = out.replace(ZW_EDGES, '').trim();
  }
  return out;
}

/**
 * True when normalizeLine would return `line` unchanged: no space run to collapse (anything SPACE_RUN
 * matches other than a single " "), and neither end is whitespace (as trim() sees it), a line
 * break or zero-width junk. Non-ASCII at an end is checked precisely by the slow path instead.
 */
function isCleanLine(line: string): boolean {
  const n = line.length;
  if (n === 0) return true;
  const c0 = line.charCodeAt(0);
  const cn = line.charCodeAt(n - 1);
  if (c0 <= 0x20 || c0 >= 0x7f || cn <= 0x20 || cn >= 0x7f) return false;
  let prevSpace = false;
  for (let i = 1; i < n - 1; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c < 0x20) { if (c >= 0x09 && c <= 0x0c) return false; continue; } // \t \v \f (and \n: rare, slow path)
    if (c < 0xa0) continue;
    if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f) return false;
  }
  return true;
}

function isZeroWidth(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/**
 * Whole text: line breaks kept, each line normalised, runs of blank lines collapsed to one,
 * blank lines at the start and end dropped.
 */
export function normalizeText(text: string): string {
  const out: string[] = [];
  for (const raw of splitLines(text)) {
    const line = normalizeLine(raw);
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
