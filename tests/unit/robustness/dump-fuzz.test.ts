// The dump reader under fuzzing: arbitrary strings and bytes end in a Thread or a DumpError (with a
// code and a line inside the file), and no comment or line is ever lost. Time is bounded by the
// test timeout only (no wall-clock assertion, by the project's rules).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseDump, renderDump } from '../../../src/parser/dump';
import { DumpError } from '../../../src/parser/errors';
import { isHandleShaped } from '../../../src/parser/handles';
import { normalizeLine, normalizeText } from '../../../src/parser/normalize';
import type { Comment, Thread } from '../../../src/parser/types';
import { BREAKS, hostileText, WEIRD_UNICODE, XSS_VECTORS } from './hostile-strings';

const CODES = ['empty', 'not-text', 'bad-date', 'handle-without-text', 'text-without-handle'];

/** Lines as an editor counts them (CRLF, CR, LF), the way DumpError numbers them. */
function lineCount(input: string | Uint8Array): number {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input); // lossy is fine for counting
  return text.split(/\r\n|\r|\n/).length;
}

/** parseDump, or the DumpError it threw after checking it is well-formed; anything else fails. */
function parseOrError(input: string | Uint8Array): Thread | DumpError {
  try {
    return parseDump(input);
  } catch (e) {
    expect(e).toBeInstanceOf(DumpError);
    const err = e as DumpError;
    expect(CODES).toContain(err.code);
    expect(err.line).toBeGreaterThanOrEqual(1);
    expect(err.line).toBeLessThanOrEqual(lineCount(input));
    return err;
  }
}

/** The non-blank lines a text line turns into inside a comment (U+2028 splits one). */
const pieces = (line: string): string[] => normalizeText(line).split('\n').filter((l) => l !== '');

/**
 * Line accounting: the input's non-blank lines are the article's lines followed by the comments'
 * lines, each comment line in exactly one comment, in order, with nothing left over.
 */
function expectEveryLineAccountedFor(input: string, t: Thread): void {
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map(normalizeLine).filter((l) => l !== '');
  const got = t.comments.flatMap((c) => [c.author, ...c.text.split('\n').filter((l) => l !== '')]);
  // The article takes the first k lines; find k where the rest is exactly the comments' lines.
  let k = lines.length;
  if (got.length > 0) {
    k = lines.findIndex((_, i) => lines[i] === got[0] && expectEq(lines.slice(i).flatMap((l, j) => (j === 0 ? [l] : pieces(l))), got));
  }
  expect(k, `comment lines ${JSON.stringify(got)} are not the tail of the input lines ${JSON.stringify(lines)}`).toBeGreaterThanOrEqual(0);
  // Article lines: all but the header line and the credit line come back verbatim, in order.
  const paragraphs = t.article.paragraphs;
  expect(paragraphs.length).toBeLessThanOrEqual(k);
  expect(paragraphs.length).toBeGreaterThanOrEqual(k - 2);
  for (const middle of lines.slice(1, Math.max(1, k - 1))) expect(paragraphs).toContain(middle);
  for (const c of t.comments) {
    expect(isHandleShaped(c.author)).toBe(true);
    expect(c.text.trim()).not.toBe('');
  }
}

function expectEq(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Lines built from the pieces real and hostile dumps hold, so handles and text both occur. */
const dumpLine = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('alice', 'Bob_7', 'j.doe', 'carol99', '山田太郎', 'Exactly', 'Agreed.', 'No', '42', 'user\u200B') },
  { weight: 3, arbitrary: fc.constantFrom('Good point, well made.', '@alice you are wrong.', '> quoted line here', 'And that is why.', '© Kyodo 2024.', 'Text here.© AFP 2023.', ' date 2024-06-09 Lead paragraph.', ' date 2024-02-30 x') },
  { weight: 2, arbitrary: fc.constantFrom(...XSS_VECTORS, ...WEIRD_UNICODE) },
  { weight: 2, arbitrary: fc.constantFrom('', '  ', '\t', '\u200B', '\uFEFF', '\u2028') },
  { weight: 2, arbitrary: hostileText },
);
const dumpText = fc.tuple(fc.array(dumpLine, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([ls, eol, bom]) => (bom ? '\uFEFF' : '') + ls.join(eol));

describe('parseDump on arbitrary input', () => {
  test('arbitrary strings: a Thread or a DumpError with a code and a line inside the file', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 200 }), dumpText), (s) => {
      parseOrError(s);
    }), { numRuns: 3000 });
  });

  test('arbitrary bytes: a Thread or a DumpError with a code and a line inside the file', () => {
    const utf8ish = fc.string({ unit: 'binary', maxLength: 200 }).map((s) => new TextEncoder().encode(s));
    const mangled = fc.tuple(utf8ish, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([b, at, v]) => {
      const out = b.slice();
      if (out.length > 0) out[at % out.length] = v; // one bad byte somewhere in valid text
      return out;
    });
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), utf8ish, mangled), (bytes) => {
      const r = parseOrError(bytes);
      // Bytes that decode cleanly read exactly like the same text given as a string.
      if (!(r instanceof DumpError)) expect(parseDump(new TextDecoder('utf-8', { fatal: true }).decode(bytes))).toEqual(r);
    }), { numRuns: 2500 });
  });

  test('arbitrary line mixes: every non-article, non-blank line is in exactly one comment', () => {
    let parsed = 0;
    fc.assert(fc.property(dumpText, (s) => {
      const r = parseOrError(s);
      if (r instanceof DumpError) return;
      parsed++;
      expectEveryLineAccountedFor(s, r);
    }), { numRuns: 3000 });
    expect(parsed).toBeGreaterThan(300); // the property is not vacuous
  });
});

// Threads the format can carry, with hostile text: authors are one-token handles; a comment's
// first line is anything non-blank; later lines hold a space (so they can never read as a handle).
const author = fc.oneof(
  fc.constantFrom('alice', 'Bob_7', 'j.doe', 'carol99', '山田太郎', 'Иван_Петров', 'أحمد', 'user-2'),
  fc.stringMatching(/^[a-z]{2,8}_[0-9]{1,3}$/),
);
const oneLine = (s: string): string => s.split(BREAKS).join(' ').split('\u0000').join(''); // NUL: a not-text error
const CREDIT_LIKE = ['Photo © Reuters 2024.', 'Pic: © AFP.', 'x © 2023 Kyodo'];
const textLine = fc.oneof(
  { weight: 10, arbitrary: fc.oneof(fc.constantFrom(...XSS_VECTORS, ...WEIRD_UNICODE), hostileText.map(oneLine)).map((s) => normalizeLine(`x ${s} y`)) },
  { weight: 1, arbitrary: fc.constantFrom(...CREDIT_LIKE) },
);
const comment = fc.tuple(author, fc.array(textLine, { minLength: 1, maxLength: 4 }))
  .map(([a, ls]) => ({ author: a, text: ls.join('\n') }));
const thread: fc.Arbitrary<Thread> = fc.record({
  paragraphs: fc.array(textLine.map((l) => l.replace(/©/g, '(c)')), { minLength: 1, maxLength: 3 }),
  source: fc.option(fc.constantFrom('Kyodo', 'Thomson Reuters', 'AFP'), { nil: undefined }),
  comments: fc.array(comment, { maxLength: 15 }),
}).map(({ paragraphs, source, comments }) => {
  const article: Thread['article'] = { paragraphs };
  if (source !== undefined) article.source = source;
  return { article, comments: comments.map((c, i): Comment => ({ id: `c${i + 1}`, ...c })) };
});

describe('renderDump -> parseDump on hostile Threads', () => {
  test('the comment count, authors and texts are preserved (or renderDump refuses)', () => {
    let rendered = 0;
    fc.assert(fc.property(thread, (t) => {
      let dump: string;
      try {
        dump = renderDump(t);
      } catch (e) {
        // Only what the format cannot carry: a credit-like line with no article source.
        expect((e as DumpError).code).toBe('unrenderable');
        expect(t.article.source).toBeUndefined();
        return;
      }
      rendered++;
      const back = parseDump(dump);
      expect(back.comments).toHaveLength(t.comments.length);
      expect(back.comments.map((c) => [c.author, c.text])).toEqual(t.comments.map((c) => [c.author, c.text]));
      back.comments.forEach((c, i) => {
        if (c.parentId !== undefined) expect(Number(c.parentId.slice(1)) - 1).toBeLessThan(i);
      });
    }), { numRuns: 1500 });
    expect(rendered).toBeGreaterThan(750);
  });

  // Found by the property above: a comment line ending like a credit ("Photo © Reuters 2024.")
  // in a dump whose article has no credit was taken as the article's end, silently turning the
  // comments before it into article paragraphs.
  test('a credit-like comment line does not end the article once an author posts again after it', () => {
    const t = parseDump('The council approved the budget on Monday.\nalice\nNice photo.\nPhoto © Reuters 2024.\nbob\nI disagree.\nalice\nAgain.');
    expect(t.article).toEqual({ paragraphs: ['The council approved the budget on Monday.'] });
    expect(t.comments.map((c) => c.author)).toEqual(['alice', 'bob', 'alice']);
  });

  test('renderDump refuses such a Thread instead of writing a dump that reads back differently', () => {
    const t: Thread = { article: { paragraphs: ['The council approved the budget.'] }, comments: [
      { id: 'c1', author: 'alice', text: 'Photo © Reuters 2024.' }, { id: 'c2', author: 'bob', text: 'I disagree.' }] };
    expect(() => renderDump(t)).toThrow(/credit/);
    expect(renderDump({ ...t, article: { ...t.article, source: 'Kyodo' } })).toContain('© Kyodo.');
  });
});
