// buildThread -> labelThread -> summarize on hostile RawPages: XSS strings stay the same literal
// text, weird Unicode passes through, huge and deeply nested inputs work, and the invariants hold:
// same length and order, parents always earlier, summary counts adding up to the total.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normalizeLine, normalizeText } from '../../../src/parser/normalize';
import { buildThread } from '../../../src/parser/thread';
import type { RawComment, RawPage, StanceLabel, Summary, Thread } from '../../../src/parser/types';
import { STANCES } from '../../../src/parser/types';
import { labelThread, StanceEngine } from '../../../src/stance/index';
import { notLabelled } from '../../../src/stance/language';
import { summarize } from '../../../src/summary/summarize';
import { hostileText, WEIRD_UNICODE, XSS_VECTORS } from './hostile-strings';

const engine = new StanceEngine();
const page = (comments: RawComment[], paragraphs = ['The council approved the new budget on Monday.']): RawPage =>
  ({ platform: 'generic', article: { paragraphs }, comments });

/** The whole pipeline plus every invariant the UI relies on. */
function runChecked(raw: RawPage): { thread: Thread; labels: StanceLabel[]; summary: Summary } {
  const thread = buildThread(raw);
  const labels = labelThread(thread, engine);
  const summary = summarize(thread, labels);
  expect(thread.comments).toHaveLength(raw.comments.length);
  expect(labels).toHaveLength(raw.comments.length);
  const pos = new Map<string, number>();
  thread.comments.forEach((c, i) => {
    expect(pos.has(c.id)).toBe(false); // ids are distinct
    if (c.parentId !== undefined) expect(pos.get(c.parentId)).toBeLessThan(i); // parent is earlier
    pos.set(c.id, i);
    // Same order: comment i is raw comment i (text is only normalised, never reordered).
    expect(c.text).toBe(normalizeText(raw.comments[i]!.text));
    expect(c.author).toBe(normalizeLine(raw.comments[i]!.author ?? ''));
    if (raw.comments[i]!.id?.trim()) expect([raw.comments[i]!.id!.trim(), `c${i + 1}`]).toContain(c.id);
  });
  for (const l of labels) {
    expect(STANCES).toContain(l.label);
    expect(l.confidence).toBeGreaterThanOrEqual(0);
    expect(l.confidence).toBeLessThanOrEqual(1);
  }
  expect(summary.total).toBe(raw.comments.length);
  // Comments in a language the engine does not read (Arabic, Hebrew, Japanese…) are counted apart.
  const unlabelled = labels.filter((l) => notLabelled(l)).length;
  expect(summary.notLabelled).toBe(unlabelled);
  expect(STANCES.reduce((n, s) => n + summary.byStance[s], 0) + unlabelled).toBe(summary.total);
  expect(summary.byAuthor.reduce((n, [, k]) => n + k, 0)).toBe(summary.total - thread.comments.filter((c) => c.placeholder).length);
  expect(summary.repliesInferred + summary.repliesMarked).toBe(thread.comments.filter((c) => c.parentId !== undefined).length);
  expect(summary.unsure).toBeLessThanOrEqual(summary.total);
  return { thread, labels, summary };
}

describe('XSS vectors are text, not markup', () => {
  test('the table holds at least 50 distinct vectors', () => {
    expect(new Set(XSS_VECTORS).size).toBeGreaterThanOrEqual(50);
  });

  test.each(XSS_VECTORS.map((v) => [v]))('%s comes out as the same literal text', (v) => {
    const { thread } = runChecked(page([
      { author: v, text: v },
      { author: 'bob', text: `Quoting: ${v}` },
      { author: 'carol', text: `${v}\n${v}` },
    ], [v]));
    expect(thread.comments.map((c) => c.text)).toEqual([v, `Quoting: ${v}`, `${v}\n${v}`]);
    expect(thread.comments[0]!.author).toBe(v);
    expect(thread.article.paragraphs).toEqual([v]);
  });
});

describe('weird Unicode', () => {
  test.each(WEIRD_UNICODE.map((u) => [u]))('author and text %j pass through (normalised only)', (u) => {
    const { thread, summary } = runChecked(page([{ author: u, text: u }, { author: `x${u}y`, text: `@${u} reply ${u}` }]));
    expect(thread.comments[0]!.author).toBe(normalizeLine(u));
    expect(thread.comments[0]!.text).toBe(normalizeLine(u));
    expect(thread.comments[1]!.author).toBe(normalizeLine(`x${u}y`));
    expect(summary.byAuthor.map(([a]) => a)).toContain(normalizeLine(u) || '(anonymous)');
  });

  test('bidi controls and zero-width characters inside authors are kept (a different author)', () => {
    const { thread } = runChecked(page([
      { author: 'alice', text: 'one' }, { author: 'ali\u200Bce', text: 'two' }, { author: 'ali\u202Ece', text: 'three' },
      { author: '\u200Falice', text: 'four' }, { author: 'alice\uFEFF', text: 'five' },
    ]));
    expect(thread.comments.map((c) => c.author)).toEqual(['alice', 'ali\u200Bce', 'ali\u202Ece', '\u200Falice', 'alice']);
  });
});

describe('author names that are also object keys', () => {
  const countsOf = (name: string): [string, number][] => {
    const { summary } = runChecked(page([{ author: name, text: 'First.' }, { author: 'bob', text: 'Second.' }, { author: name, text: 'Third.' }]));
    return summary.byAuthor;
  };
  test.each([['constructor'], ['toString'], ['hasOwnProperty'], ['valueOf']])('%s is counted like any other author', (name) => {
    expect(countsOf(name)).toEqual([[name, 2], ['bob', 1]]);
  });
  // byAuthor["__proto__"] = n would set the object's prototype instead of counting the author.
  test('__proto__ is counted like any other author', () => {
    expect(countsOf('__proto__')).toEqual([['__proto__', 2], ['bob', 1]]);
  });
});

describe('size and depth', () => {
  test('a 1 MB comment', () => {
    const big = 'word '.repeat(200_000).trim() + ' <script>alert(1)</script>';
    const { thread } = runChecked(page([{ author: 'a', text: big }, { author: 'b', text: 'And that is too long.' }]));
    expect(thread.comments[0]!.text).toBe(big);
  });

  test('100,000 comments', () => {
    const raw = Array.from({ length: 100_000 }, (_, i): RawComment => ({
      author: `user_${i % 1000}`, text: i % 3 === 1 ? `@user_${(i - 1) % 1000} And that is wrong.` : `Comment ${i} on the budget.`,
    }));
    const { thread, summary } = runChecked(page(raw));
    expect(thread.comments.map((c) => c.text)).toEqual(raw.map((r) => r.text));
    expect(summary.repliesInferred).toBeGreaterThan(30_000);
  });

  test('replies nested 500 deep by depth (0..499)', () => {
    const raw = Array.from({ length: 500 }, (_, i): RawComment => ({ author: `u${i % 2}`, text: `level ${i}`, depth: i }));
    const { thread } = runChecked(page(raw));
    thread.comments.forEach((c, i) => expect(c.parentId).toBe(i === 0 ? undefined : `c${i}`));
  });

  test('replies nested 500 deep by parentId', () => {
    const raw = Array.from({ length: 500 }, (_, i): RawComment => ({ id: `p${i}`, author: `u${i % 3}`, text: `reply ${i}`, ...(i > 0 ? { parentId: `p${i - 1}` } : {}) }));
    const { thread, summary } = runChecked(page(raw));
    thread.comments.forEach((c, i) => expect(c.parentId).toBe(i === 0 ? undefined : `p${i - 1}`));
    expect(summary.repliesMarked).toBe(499);
  });
});

describe('generated RawPages', () => {
  const rawComment: fc.Arbitrary<RawComment> = fc.record({
    id: fc.option(fc.oneof(fc.constantFrom('a', 'b', 'c', ' ', ''), hostileText), { nil: undefined }),
    author: fc.option(fc.oneof(fc.constantFrom(...WEIRD_UNICODE, ...XSS_VECTORS, 'alice', 'bob'), hostileText), { nil: undefined }),
    text: hostileText,
    time: fc.option(hostileText, { nil: undefined }),
    parentId: fc.option(fc.oneof(fc.constantFrom('a', 'b', 'c', 'zz'), hostileText), { nil: undefined }),
    depth: fc.option(fc.oneof(fc.integer({ min: -2, max: 6 }), fc.constantFrom(NaN, Infinity, 1.5, 1e9)), { nil: undefined }),
  }, { requiredKeys: ['text'] });
  const rawPage: fc.Arbitrary<RawPage> = fc.record({
    platform: fc.constantFrom('generic', 'wordpress'),
    article: fc.record({ title: fc.option(hostileText, { nil: undefined }), paragraphs: fc.array(hostileText, { maxLength: 4 }) }, { requiredKeys: ['paragraphs'] }),
    comments: fc.array(rawComment, { maxLength: 30 }),
  });

  test('no exception; length, order, earlier parents and summary counts hold', () => {
    fc.assert(fc.property(rawPage, (raw) => {
      const copy = structuredClone(raw);
      const { thread } = runChecked(raw);
      expect(raw).toEqual(copy); // the input is not modified
      thread.comments.forEach((c) => expect(c.text).not.toMatch(/^\s|\s$/));
    }), { numRuns: 1000 });
  });
});
