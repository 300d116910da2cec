// Which language a comment is written in, cheaply: counts of each language's commonest function
// words (a stopword profile), and the script for languages that are not written in Latin letters.
// Pure, no network, no model. The stance engine was trained on English only, so the Labeller
// withholds a stance from a comment this finds to be in another language (labeller.ts) rather
// than guess one from words it has never seen.
//
// The rule leans to "English or can't tell": a comment is called another language only when that
// language's function words clearly outnumber English ones, so an English comment that quotes a
// foreign phrase, or one too short to tell ("Danke!"), is labelled as before.
import type { StanceLabel } from '../parser/types';

/**
 * Function words per language, each list left without words that are also common English words
 * ("was", "will", "also", "man", "in", "on", "no", "a", "i", "to", "do"…): an English comment must
 * never score for another language. Words shared between the other languages ("la", "de", "que")
 * are kept: they count for each, and the distinctive ones decide.
 */
const PROFILES: Record<string, string> = {
  en: 'the and of to is that it for you with this but are have be they was what just about would there their ' +
    "or can all will do my we at on from has not been were an which people think because he she them your who how " +
    'more than only like any if when should could does did very really',
  de: 'und der die das ist nicht ich sie es ein eine einen einem dem den des mit auf für von zu sich auch wie aber ' +
    'oder wenn noch nur schon doch dass daß wird werden haben sind waren bei nach über kann mehr sehr hier ' +
    'dieser diese dieses wir uns mich mir kein keine jetzt gibt immer habe bitte warum weil ja nein vom zum zur ' +
    'im ganz etwas selbst nichts eigentlich denn ob sein seine ihre ihnen könnte würde sollte muss',
  fr: 'le la les des une est et il elle ne pas que qui dans pour sur au aux du ce cette ces sont avec mais ou donc ' +
    'je vous nous ils leur leurs plus être été fait comme tout tous aussi bien très sans même cela ça où peut faut ' +
    'quand si rien encore alors ont était avoir sa ses mon ma mes notre votre',
  es: 'el la los las de que y en un una es por con para se lo como más pero sus su le ya este esta está son muy ' +
    'también fue ha sin sobre entre cuando todo todos ser hay porque qué yo nos ni del al eso puede están hace ' +
    'tiene esto ese',
  pt: 'o os as um uma não é em do da dos das na nos nas com para por mais mas que se ao pelo pela isso isto ele ' +
    'ela eles elas também foi são está muito já ou seu sua quando tem ser ter há nem sobre pode porque você ' +
    'mesmo essa esse',
  cs: 'je se na v že ve s z k jsem jsou ale jak tak pro ze co už jen není bylo byl být má mi si ty tu aby když ' +
    'nebo také jako ještě tady jsme proč který která které jsi tím bude by mě nic jeho její jejich ani podle ' +
    'proto protože mají',
  it: 'il di che è la non per un una sono con del della ma anche come più questo questa ho ha gli nel nella se ' +
    'si mi ci cosa perché tutto molto essere stato ancora sempre lo le dei delle al alla',
  nl: 'de het een en van dat niet ik je te zijn met voor maar ook er als bij nog wel dan om geen naar hij ze ' +
    'worden kan heeft door deze wordt zijn hebben waren mijn',
};

/** Each profile word -> a bit per language that has it (bit i: LANGS[i]): one lookup per word. */
const LANGS = Object.keys(PROFILES);
const EN_BIT = 1 << LANGS.indexOf('en');
const WORDS = new Map<string, number>();
LANGS.forEach((lang, i) => {
  for (const w of PROFILES[lang]!.split(/\s+/)) if (w) WORDS.set(w, (WORDS.get(w) ?? 0) | (1 << i));
});

/** A function word of a language other than English (the gist leaves them out of its phrases). */
export function isFunctionWord(w: string): boolean {
  return ((WORDS.get(w) ?? 0) & ~EN_BIT) !== 0;
}

/** The languages detectLanguage can name (for tests and the UI's names). */
export const KNOWN_LANGUAGES = [...Object.keys(PROFILES), 'zh', 'ja', 'ko'] as const;

/** The one language the stance engine reads (its model was trained on English text). */
export const ENGINE_LANGUAGE = 'en';

/** Fewer letters than this: too short to tell, so no verdict. */
const MIN_LETTERS = 12;
/** A language's function words must number at least this many… */
const MIN_HITS = 2;
/** …and outnumber the English ones by this factor (English gets the benefit of the doubt). */
const OVER_ENGLISH = 2;
/** …and make up at least this share of the words (a long English text with two stray words is English). */
const MIN_SHARE = 0.12;
/** Letters of a non-Latin script that make a comment "written in it". */
const SCRIPT_SHARE = 0.5;
/**
 * Bounded work: the first characters of a comment tell its language. This runs for every comment
 * before the engine does, so it must cost a fraction of a label (the engine does > 20,000/s).
 */
const MAX_CHARS = 1000;

// Words of Latin letters (ASCII, Latin-1, Latin Extended-A/B) with inner apostrophes: a plain
// character class, several times faster than \p{L} on V8.
const WORD_RE = /[a-z\u00df-\u00f6\u00f8-\u024f]+(?:['’][a-z\u00df-\u00f6\u00f8-\u024f]+)*/g;
const OTHER_LETTER = /\p{L}/u;

// Links, @handles and e-mail addresses belong to no language: the letters of "http://t.co/aXGQuacv2E"
// matched Czech's one-letter words (v, s, z, k), and English tweets with two links read as Czech.
const NOT_PROSE = /(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*|\S*@[\w.-]+/gi;

/** The text without what belongs to no language (NOT_PROSE); unchanged, and not copied, when it has none. */
function prose(text: string): string {
  return text.includes('/') || text.includes('@') ? text.replace(NOT_PROSE, ' ') : text;
}

/**
 * The comment's language as a code ("en", "de", "zh"…; "und" for a non-Latin script with no
 * profile), or null when it cannot tell (too short, or no clear winner). Deterministic.
 */
export function detectLanguage(text: string): string | null {
  const s = prose(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
  // One pass over the characters: letters by script (the CJK blocks by their code ranges).
  let letters = 0;
  let latin = 0;
  let kana = 0;
  let hangul = 0;
  let han = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
      continue;
    }
    if (c >= 0xc0 && c <= 0x24f) {
      if (c !== 0xd7 && c !== 0xf7) latin++; // × and ÷ are not letters
    } else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff)) hangul++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if (c < 0xd800 || c > 0xdfff ? OTHER_LETTER.test(s[i]!) : false) letters++;
  }
  letters += latin + kana + hangul + han;
  if (letters < MIN_LETTERS) return null;
  if (latin / letters < 1 - SCRIPT_SHARE) {
    // Mostly another script. Kana first: Japanese mixes kana with Han, Chinese has none.
    if (kana >= 2) return 'ja';
    if (hangul >= 2) return 'ko';
    if (han >= 2) return 'zh';
    return 'und';
  }
  const hits = new Array<number>(LANGS.length).fill(0);
  let words = 0;
  const lower = s.toLowerCase();
  // Each function word counts once: "ha ha ha ha" is not Spanish, nor "parent 's 's" Czech.
  const seen = new Set<string>();
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(lower); m; m = WORD_RE.exec(lower)) {
    words++;
    const w = m[0].includes('’') ? m[0].replace(/’/g, "'") : m[0];
    let bits = WORDS.get(w) ?? 0;
    if (bits === 0 || seen.has(w)) continue;
    seen.add(w);
    for (let i = 0; bits; i++, bits >>>= 1) if (bits & 1) hits[i]!++;
  }
  const en = hits[LANGS.indexOf('en')]!;
  let best: string | null = null;
  let bestHits = 0;
  // PROFILES order: a tie goes to the earlier language, deterministically.
  LANGS.forEach((lang, i) => {
    if (lang !== 'en' && hits[i]! > bestHits) [best, bestHits] = [lang, hits[i]!];
  });
  if (best && bestHits >= MIN_HITS && bestHits >= OVER_ENGLISH * en + 1 && bestHits >= MIN_SHARE * words) return best;
  return en >= MIN_HITS ? 'en' : null;
}

/** English names for the reason line (the UI translates them through its messages). */
export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', de: 'German', fr: 'French', es: 'Spanish', pt: 'Portuguese', cs: 'Czech', it: 'Italian',
  nl: 'Dutch', zh: 'Chinese', ja: 'Japanese', ko: 'Korean', und: 'a language other than English',
};

/** True when the stance engine should not label text in this language (null: can't tell, so label). */
export function outsideEngine(lang: string | null): boolean {
  return lang !== null && lang !== ENGINE_LANGUAGE;
}

/** The cue rule that marks a comment left without a stance because of its language. */
export const LANGUAGE_RULE = 'language';

/**
 * The label of a comment the engine must not read: no stance. It keeps the StanceLabel shape
 * (neutral, zero confidence, like a deleted comment's) so that every path that carries labels
 * (the background's compact wire, the in-page fallback, the CLI) carries it unchanged; its one
 * cue, rule "language" with the language code as its text, is what marks it. Counts, gist, badges
 * and the CLI read it through notLabelled() and leave it out of every stance.
 */
export function languageLabel(lang: string): StanceLabel {
  const name = LANGUAGE_NAMES[lang] ?? lang;
  return { label: 'neutral', confidence: 0, cues: [{ rule: LANGUAGE_RULE, text: lang, reason: `written in ${name}: the stance engine reads English only`, weight: 0 }] };
}

/** Why a label carries no stance ({reason: 'language', language}), or null for a real stance. */
export function notLabelled(label: StanceLabel): { reason: 'language'; language: string } | null {
  const cue = label.cues.length === 1 ? label.cues[0]! : null;
  if (!cue || cue.rule !== LANGUAGE_RULE || label.confidence !== 0) return null;
  return { reason: 'language', language: cue.text ?? 'und' };
}

/** No text at all (an image, a sticker): the sentence encoder has nothing to read, so the refined pass keeps the fast label. */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}
