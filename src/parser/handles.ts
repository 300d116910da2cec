// How much a dump line looks like a commenter's handle rather than a one-word comment.

/** One token of letters (any script), marks, digits, "_", "." or "-", with a letter or digit in it. */
const HANDLE_SHAPE = /^[\p{L}\p{M}\p{N}_.-]{1,40}$/u;
const HAS_ALNUM = /[\p{L}\p{N}]/u;
// Scripts written without spaces: a long run of them is a sentence, not a name.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const JA_SENTENCE_END = /(です|ます|でした|ました|ですね|ますね|だよ|よね|だね|じゃん)$/u;

/**
 * Short replies people post as a whole comment or a comment's last line. Lower-case, without end
 * punctuation. A handle equal to one of these still parses when it repeats as an author elsewhere.
 */
export const REPLY_WORDS: ReadonlySet<string> = new Set([
  // English
  'exactly', 'agreed', 'agree', 'disagree', 'yes', 'yep', 'yeah', 'yup', 'no', 'nope', 'nah', 'true',
  'false', 'indeed', 'thanks', 'thank', 'thx', 'ty', 'lol', 'lmao', 'rofl', 'haha', 'hahaha', 'ha',
  'this', 'that', 'same', 'wow', 'correct', 'incorrect', 'wrong', 'right', 'ok', 'okay', 'sure',
  'absolutely', 'definitely', 'precisely', 'nonsense', 'rubbish', 'bingo', 'amen', 'why', 'what',
  'how', 'who', 'when', 'where', 'really', 'seriously', 'hmm', 'hm', 'well', 'so', 'and', 'but', 'or',
  'omg', 'wtf', 'imo', 'imho', 'fact', 'facts', 'sad', 'great', 'good', 'bad', 'nice', 'cool',
  'interesting', 'ridiculous', 'typical', 'shocking', 'unbelievable', 'obviously', 'clearly', 'ditto',
  'likewise', 'noted', 'perhaps', 'maybe', 'probably', 'doubtful', 'never', 'always', 'sadly',
  'unfortunately', 'finally', 'whatever', 'please', 'huh', 'eh', 'meh', 'oh', 'ah', 'yikes', 'ouch',
  'the', 'a', 'i', 'you', 'we', 'they', 'it', 'he', 'she', 'me', 'us', 'them', 'not', 'is', 'are',
  'plus', 'also', 'too', 'then', 'now', 'later', 'again', 'anyway', 'anyways', 'ugh', 'bravo', 'hear',
  // Other languages commonly seen in news comments
  'ja', 'nein', 'genau', 'oui', 'non', 'exactement', 'sí', 'si', 'claro', 'exacto', 'vrai',
  'да', 'нет', 'точно', 'согласен', 'согласна', 'верно', 'спасибо', 'ага', 'ну',
  'نعم', 'لا', 'صحيح', 'شكرا', 'بالضبط',
  '同意', '賛成', '反対', '確かに', 'そうですね', 'そう', 'はい', 'いいえ', 'なるほど', '草', '笑', 'ありがとう',
  '是', '是的', '对', '對', '不', '没错', '沒錯', '谢谢', '謝謝', '哈哈', '哈哈哈', '呵呵',
  '네', '아니요', '맞아요', '감사합니다', 'ㅋㅋ', 'ㅋㅋㅋ',
]);

export function isHandleShaped(line: string): boolean {
  // Cheap rejections first (most lines are sentences): at most 40 code points, i.e. 80 UTF-16
  // units, and never a space.
  if (line.length > 80 || line.includes(' ')) return false;
  return HANDLE_SHAPE.test(line) && HAS_ALNUM.test(line);
}

/** A reply word, ignoring case and end punctuation: "Agreed." and "agreed" both count. */
export function isReplyWord(line: string): boolean {
  return REPLY_WORDS.has(line.toLowerCase().replace(/[.!?…]+$/u, ''));
}

/** Outweighs the reply-word penalty: "Exactly" posting twice is a person. */
export const KNOWN_ELSEWHERE = 3.5;

/**
 * Log-odds-like score that a trimmed line is a handle: > 0 leans handle, < 0 leans comment text,
 * -Infinity when it cannot be a handle at all. `knownElsewhere` is true when the same token is an
 * author at another place in the dump — the strongest evidence there is.
 */
export function handleScore(line: string, knownElsewhere = false): number {
  if (!isHandleShaped(line)) return -Infinity;
  let s = 1; // a lone token in a dump is far more often a handle than a whole comment
  if (isReplyWord(line)) s -= 4;
  if (/\.$/u.test(line)) s -= 3; // "Agreed." — sentences end with a period, handles rarely do
  if (/^\p{N}+$/u.test(line)) s -= 2; // "100": a number is an answer, rarely a name
  else if (/\p{N}/u.test(line)) s += 1.5;
  if (line.includes('_')) s += 1.5;
  if (/\p{Ll}\p{Lu}/u.test(line)) s += 1.5; // CamelCase
  if (/[\p{L}\p{N}][.-][\p{L}\p{N}]/u.test(line)) s += 0.5;
  if (CJK.test(line)) {
    const len = [...line].length;
    if (len > 10) s -= 3;
    if (len > 3 && JA_SENTENCE_END.test(line)) s -= 3;
  }
  if (line.length > 30) s -= 1;
  if (knownElsewhere) s += KNOWN_ELSEWHERE; // last, so callers may add it to a score they have
  return s;
}
