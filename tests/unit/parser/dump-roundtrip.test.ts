// Property tests: renderDump then parseDump gives back the same Thread, also through the noise real
// dumps carry; and on any mix of lines the reader never drops or invents a line.
//
// What the generator produces (the format's limits, stated honestly):
//  - authors: one token of Latin/Cyrillic/Greek/Arabic/Han/Katakana letters with digits, "_", "."
//    or "-" inside, never a common reply word, never ending in "."; we keep only authors whose
//    handle score is at least that of a plain word (handleScore >= 1), since a handle that reads
//    like a sentence ("そうですね") cannot be told from text by anyone.
//  - a comment's FIRST text line can be anything: a sentence, a reply word ("Exactly", "Agreed."),
//    a bare word that looks like a handle, "@handle …", "> quote". After a handle the next line is
//    always text, so this is unambiguous.
//  - LATER lines of a comment are sentences (they have a space), reply words, "> quote" or
//    "@handle …" lines — never a bare handle-like word, and no word equal to an author: the line
//    "bob" after text is honestly ambiguous (a handle or the end of a comment), the parser decides
//    by score, and a round trip cannot promise which.
//  - paragraphs are sentences without "©"; sources are 1–3 capitalised words not ending in a year.
//  - single blank lines may sit between text lines of a comment; text is normalised (no double
//    spaces, no spaces at line ends), as parseDump and buildThread produce it.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseDump, renderDump } from '../../../src/parser/dump';
import { DumpError } from '../../../src/parser/errors';
import { handleScore, isReplyWord, REPLY_WORDS } from '../../../src/parser/handles';
import { normalizeLine } from '../../../src/parser/normalize';
import { inferReplies } from '../../../src/parser/replies';
import type { Comment, Thread } from '../../../src/parser/types';

const LATIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SCRIPTS = [LATIN, 'абвгдежзийклмнопрстуфхцчшщыэюяАБВГД', 'αβγδεζηθικλμνξπρστ', 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي', '山田太郎花子中村東京北京小明李王', 'アイウエオカキクケコサシスセソタチツテト'];
const chars = (alphabet: string, min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''));

const author = fc
  .tuple(fc.constantFrom(...SCRIPTS).chain((s) => chars(s, 1, 8)), fc.constantFrom('', '_', '.', '-', ''), fc.option(chars('0123456789', 1, 3)), fc.option(chars(LATIN, 1, 5)))
  .map(([a, sep, digits, tail]) => `${a}${digits !== null || tail !== null ? sep : ''}${digits ?? ''}${tail ?? ''}`)
  .filter((a) => !isReplyWord(a) && !a.endsWith('.') && handleScore(a) >= 1);

const word = fc.constantFrom(...SCRIPTS).chain((s) => chars(s, 1, 9));
const sentence = fc.tuple(fc.array(word, { minLength: 2, maxLength: 12 }), fc.constantFrom('', '.', '!', '?', '...'))
  .map(([ws, end]) => ws.join(' ') + end);
const replyWord = fc.tuple(fc.constantFrom(...REPLY_WORDS), fc.constantFrom('', '.', '!'), fc.boolean())
  .map(([w, end, cap]) => (cap ? w.charAt(0).toUpperCase() + w.slice(1) : w) + end);
const laterLine = fc.oneof(
  { weight: 6, arbitrary: sentence },
  { weight: 2, arbitrary: replyWord },
  { weight: 1, arbitrary: sentence.map((s) => `> ${s}`) },
  { weight: 1, arbitrary: fc.tuple(author, sentence).map(([a, s]) => `@${a} ${s}`) },
);
const bareWord = chars('abcdefghijklmnopqrstuvwxyz', 3, 8);
const firstLine = fc.oneof(laterLine, bareWord, chars('0123456789', 1, 4));

const commentText = fc
  .tuple(firstLine, fc.array(fc.tuple(fc.nat(3), laterLine), { maxLength: 4 }))
  .map(([first, rest]) => [first, ...rest.flatMap(([n, l]) => (n === 0 ? ['', l] : [l]))].join('\n'));

const isoDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const source = fc.array(chars(LATIN.slice(0, 26), 2, 8).map((w) => w.charAt(0).toUpperCase() + w.slice(1)), { minLength: 1, maxLength: 3 })
  .map((ws) => ws.join(' '));

const thread: fc.Arbitrary<Thread> = fc
  .record({
    date: fc.option(isoDate, { nil: undefined }),
    source: fc.option(source, { nil: undefined }),
    paragraphs: fc.array(sentence, { maxLength: 5 }),
    comments: fc.array(fc.tuple(author, commentText), { maxLength: 12 }),
  })
  // An empty Thread renders as an empty file, which is the "empty" error by design.
  .filter((t) => t.date !== undefined || t.source !== undefined || t.paragraphs.length > 0 || t.comments.length > 0)
  .filter(({ comments }) => {
    // Later lines never equal an author (see the header): drop the rare clash instead of bending the parser.
    const names = new Set(comments.map(([a]) => a.toLowerCase()));
    return comments.every(([, t]) => t.split('\n').every((l) => !names.has(l.toLowerCase())));
  })
  .map(({ date, source: src, paragraphs, comments }) => {
    const list: Comment[] = comments.map(([a, text], i) => ({ id: `c${i + 1}`, author: a, text }));
    const article: Thread['article'] = { paragraphs };
    if (date !== undefined) article.date = date;
    if (src !== undefined) article.source = src;
    return { article, comments: inferReplies(list, { articleText: paragraphs.join('\n') }) };
  });

/** The dump of `t` with noise a real dump may carry, none of which changes its meaning. */
function noisyDump(t: Thread, seed: number): string {
  let r = seed;
  const rnd = (): number => { r = (r * 1103515245 + 12345) % 2147483648; return r / 2147483648; };
  const blank = (): string[] => (rnd() < 0.3 ? [rnd() < 0.5 ? '' : '   '] : []);
  const article = renderDump({ article: t.article, comments: [] });
  const lines = article === '' ? [] : article.split('\n');
  for (const c of t.comments) {
    // Blank lines before a handle and right after it are stray; inside the text they would count.
    lines.push(...blank(), c.author, ...blank(), ...c.text.split('\n'));
  }
  const spaced = lines.map((l) =>
    `${rnd() < 0.2 ? '  ' : ''}${l.replace(/ /g, () => (rnd() < 0.1 ? '  ' : ' '))}${rnd() < 0.2 ? ' \t' : ''}`);
  const text = spaced.join(rnd() < 0.5 ? '\r\n' : '\n') + (rnd() < 0.5 ? '\n\n' : '');
  return (rnd() < 0.5 ? '\uFEFF' : '') + text;
}

describe('renderDump / parseDump round trip', () => {
  test('parseDump(renderDump(t)) equals t', () => {
    fc.assert(fc.property(thread, (t) => {
      expect(parseDump(renderDump(t))).toEqual(t);
    }), { numRuns: 400 });
  });

  test('the same through CRLF, a BOM, stray blank lines and spaces, and as UTF-8 bytes', () => {
    fc.assert(fc.property(thread, fc.nat(), (t, seed) => {
      const text = noisyDump(t, seed);
      expect(parseDump(text)).toEqual(t);
      expect(parseDump(new TextEncoder().encode(text))).toEqual(t);
    }), { numRuns: 300 });
  });
});

describe('no line is ever lost or invented', () => {
  // Any mix of sentences, bare words, reply words and blank lines, without header or credit:
  // either a DumpError, or every non-blank line comes back exactly once, in order.
  const anyLine = fc.oneof(sentence, bareWord, replyWord, author, fc.constant(''), fc.constant('  '));
  test('lines in = paragraphs + handles + text lines out', () => {
    fc.assert(fc.property(fc.array(anyLine, { maxLength: 30 }), (lines) => {
      let t: Thread;
      try {
        t = parseDump(lines.join('\n'));
      } catch (e) {
        expect(e).toBeInstanceOf(DumpError);
        expect((e as DumpError).line).toBeGreaterThanOrEqual(1);
        return;
      }
      const expected = lines.map(normalizeLine).filter((l) => l !== '');
      const got = [...t.article.paragraphs, ...t.comments.flatMap((c) => [c.author, ...c.text.split('\n').filter((l) => l !== '')])];
      expect(got).toEqual(expected);
    }), { numRuns: 500 });
  });

  test('arbitrary strings and bytes give a Thread or a DumpError, never another exception', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.uint8Array({ maxLength: 300 })), (input) => {
      try {
        parseDump(input);
      } catch (e) {
        expect(e).toBeInstanceOf(DumpError);
      }
    }), { numRuns: 500 });
  });
});
