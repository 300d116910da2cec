// Word lists and text helpers for reply inference. Lists are data: one concept each.

/** Conjunctions that open a comment continuing someone else's point ("And the consequences…"). */
export const OPENING_CONJUNCTIONS: ReadonlySet<string> = new Set([
  'and', 'but', 'so', 'yet', 'or', 'nor', 'because', 'also', 'plus', 'still', 'though',
  'но', 'а', 'и', 'однако', 'لكن', 'و', 'aber', 'und', 'mais', 'et', 'pero',
]);
/** Whole-word answers that open a reply ("Exactly, …", "Nope.", "Yes but…"). */
export const OPENING_ANSWERS: ReadonlySet<string> = new Set([
  'exactly', 'agreed', 'agree', 'disagree', 'indeed', 'true', 'false', 'nope', 'no', 'yes', 'yeah',
  'yep', 'nah', 'actually', 'well', 'wrong', 'correct', 'nonsense', 'rubbish', 'ditto', 'same',
  'precisely', 'absolutely', 'lol', 'haha', 'sorry', 'huh', 'really', 'seriously', 'hmm',
  'да', 'нет', 'точно', 'согласен', 'نعم', 'لا', 'ja', 'nein', 'oui', 'non', 'sí',
]);
// Scripts without spaces: match as prefixes of the first run.
export const CJK_OPENERS = ['でも', 'しかし', 'だから', 'それ', 'その', 'そう', '確かに', '但是', '可是', '所以', '那', '这', '這', '同意'];
/** Words addressing the previous commenter directly. */
export const ADDRESS_WORDS: ReadonlySet<string> = new Set(['you', 'your', "you're", 'youre', 'u', 'ты', 'вы']);
export const DEMONSTRATIVES: ReadonlySet<string> = new Set(['that', 'this', 'those', 'these', 'such']);
const PREPOSITIONS: ReadonlySet<string> = new Set(['for', 'about', 'with', 'to', 'of', 'like', 'on', 'in', 'at', 'from', 'by']);

/** Function words that say nothing about whether two comments talk about the same thing. */
export const STOPWORDS: ReadonlySet<string> = new Set((
  'the a an and or but so yet nor if then than that this those these there here is are was were be been ' +
  'being am do does did done have has had having will would shall should can could may might must not no ' +
  'yes to of in on at by for from with without about into onto over under up down out off as it its it\'s ' +
  'i me my we us our you your he him his she her they them their what which who whom whose when where why ' +
  'how all any some each every more most other such only own same too very just also even still well ' +
  'one two get got like make made say said think know really much many lot lots way thing things ' +
  'dont don\'t doesn\'t didn\'t isn\'t aren\'t wasn\'t can\'t won\'t wouldn\'t shouldn\'t im i\'m thats that\'s'
).split(' '));

const ASCII = /^[\t\n\r -~]*$/; // printable ASCII and line breaks

/** Lower-case word tokens of any script; apostrophes kept inside words ("don't"). */
export function words(text: string): string[] {
  // ASCII fast path: the Unicode property regex is several times slower and most text is ASCII.
  // ASCII text has no curly quotes and lower-cases to ASCII, so the checks can run on it directly.
  if (ASCII.test(text)) return text.toLowerCase().match(ASCII_WORD) ?? [];
  const t = text.toLowerCase().replace(/[’‘]/g, "'");
  if (ASCII.test(t)) return t.match(ASCII_WORD) ?? []; // e.g. the Kelvin sign lower-cases to "k"
  return t.match(/[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
}
const ASCII_WORD = /[a-z0-9]+(?:'[a-z0-9]+)*/g;

/** Crude stem so "weapon" meets "weapons": enough for overlap counting, not linguistics. */
export function stem(w: string): string {
  return w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/** Content-word stems of a text (no stopwords, no one- or two-letter Latin words). */
export function contentStems(text: string | readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of typeof text === 'string' ? words(text) : text) {
    if (isContentWord(w)) out.add(stem(w));
  }
  return out;
}

export function isContentWord(w: string): boolean {
  return !STOPWORDS.has(w) && !(w.length < 3 && isAsciiAlnum(w));
}

/** /^[a-z0-9]+$/ without a regex call per word (hot: every word of every comment). */
function isAsciiAlnum(w: string): boolean {
  if (w.length === 0) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/**
 * A back-reference in the first words: addressing "you", a demonstrative opening ("That is…"), or a
 * demonstrative after a preposition ("for that", "about this"). Returns the cue text or null.
 */
export function backReference(first: readonly string[]): string | null {
  const w0 = first[0];
  if (w0 !== undefined && ADDRESS_WORDS.has(w0)) return w0;
  if (w0 !== undefined && DEMONSTRATIVES.has(w0)) return w0;
  for (let k = 1; k < Math.min(first.length, 8); k++) {
    const w = first[k]!;
    if (ADDRESS_WORDS.has(w)) return w;
    if (DEMONSTRATIVES.has(w) && PREPOSITIONS.has(first[k - 1]!)) return `${first[k - 1]} ${w}`;
  }
  return null;
}

/** Normalised form for quote matching: lower-case words joined by single spaces. */
export function quoteKey(text: string): string {
  return words(text).join(' ');
}

const MAY_QUOTE = /[>"“„«]|&gt;/;

/** Quoted passages: "> " lines (consecutive ones joined) and "…" spans of three words or more. */
export function quotes(text: string): { text: string; kind: 'block' | 'inline' }[] {
  const out: { text: string; kind: 'block' | 'inline' }[] = [];
  if (!MAY_QUOTE.test(text)) return out; // most comments quote nothing: skip the line scan
  let block: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(?:>|&gt;)\s?(.*)$/.exec(line);
    if (m) { block.push(m[1]!); continue; }
    if (block.length > 0) { out.push({ text: block.join(' '), kind: 'block' }); block = []; }
  }
  if (block.length > 0) out.push({ text: block.join(' '), kind: 'block' });
  for (const m of text.matchAll(/["“„«]([^"“”„«»\n]{8,400})["”»]/gu)) out.push({ text: m[1]!, kind: 'inline' });
  return out.filter((q) => words(q.text).length >= 3);
}
