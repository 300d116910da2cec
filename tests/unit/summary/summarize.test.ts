import { describe, expect, test } from 'vitest';
import type { StanceLabel, Thread } from '../../../src/parser/types';
import { stanceShares, summarize, summaryStage, topAuthors, UNSURE_BELOW } from '../../../src/summary/summarize';

const label = (l: StanceLabel['label'], confidence = 0.9): StanceLabel => ({ label: l, confidence, cues: [] });

function thread(authors: string[], parents: Array<[string | undefined, boolean]> = []): Thread {
  return {
    article: { paragraphs: ['p'] },
    comments: authors.map((author, i) => ({
      id: `c${i + 1}`,
      author,
      text: `t${i}`,
      parentId: parents[i]?.[0],
      parentInferred: parents[i]?.[1],
    })),
  };
}

describe('summarize', () => {
  test('counts per stance add up to the total', () => {
    const t = thread(['a', 'b', 'a', 'c']);
    const s = summarize(t, [label('support'), label('oppose'), label('oppose'), label('question')]);
    expect(s.total).toBe(4);
    expect(s.byStance).toEqual({ support: 1, oppose: 2, neutral: 0, question: 1 });
  });

  test('authors ordered by activity, ties by first appearance', () => {
    const t = thread(['b', 'a', 'a', 'c', 'b', 'a']);
    const s = summarize(t, t.comments.map(() => label('neutral')));
    expect(s.byAuthor).toEqual([['a', 3], ['b', 2], ['c', 1]]);
    expect(topAuthors(s, 2)).toEqual([['a', 3], ['b', 2]]);
  });

  test('an author whose name looks like a number ranks by count, not first (object key order)', () => {
    const t = thread(['bob', 'bob', '42', 'bob', '7', 'bob', 'bob', 'bob', 'bob', 'bob', 'bob']);
    const s = summarize(t, t.comments.map(() => label('neutral')));
    expect(s.byAuthor).toEqual([['bob', 9], ['42', 1], ['7', 1]]);
    expect(topAuthors(s, 1)).toEqual([['bob', 9]]);
  });

  test('an empty author is counted as anonymous, not dropped', () => {
    const t = thread(['', 'x', '']);
    const s = summarize(t, t.comments.map(() => label('neutral')));
    expect(s.byAuthor).toEqual([['(anonymous)', 2], ['x', 1]]);
  });

  test('a deleted or private slot counts in the totals but not among the authors', () => {
    const t = thread(['a', '', 'b']);
    t.comments[1]!.placeholder = 'deleted';
    const s = summarize(t, t.comments.map(() => label('neutral')));
    expect(s.total).toBe(3);
    expect(s.byStance.neutral).toBe(3);
    expect(s.byAuthor).toEqual([['a', 1], ['b', 1]]);
  });

  test('replies are split into marked and inferred', () => {
    const t = thread(['a', 'b', 'c', 'd'], [[undefined, false], ['c1', false], ['c1', true], ['c2', true]]);
    const s = summarize(t, t.comments.map(() => label('neutral')));
    expect([s.repliesMarked, s.repliesInferred]).toEqual([1, 2]);
  });

  test.each([
    [0.2, 1],
    [UNSURE_BELOW, 0],
    [0.99, 0],
  ])('confidence %f counts %i unsure', (confidence, unsure) => {
    const t = thread(['a']);
    expect(summarize(t, [label('support', confidence)]).unsure).toBe(unsure);
  });

  test('a label count that does not match the comments is an error, not a silent miscount', () => {
    expect(() => summarize(thread(['a', 'b']), [label('support')])).toThrow(/1 labels for 2 comments/);
  });

  test('shares sum to one, and are all zero on an empty thread', () => {
    const t = thread(['a', 'b', 'c']);
    const shares = stanceShares(summarize(t, [label('support'), label('support'), label('oppose')]));
    expect(shares.support + shares.oppose + shares.neutral + shares.question).toBeCloseTo(1);
    expect(stanceShares(summarize(thread([]), []))).toEqual({ support: 0, oppose: 0, neutral: 0, question: 0 });
  });
});

describe('summaryStage (summarize as a stage)', () => {
  test("one unit per comment, then summarize's summary", () => {
    const thread: Thread = {
      article: { paragraphs: [] },
      comments: [{ id: 'a', author: 'ann', text: 'x' }, { id: 'b', author: 'bo', text: 'y', parentId: 'a' }, { id: 'c', author: 'ann', text: 'z' }],
    };
    const labels: StanceLabel[] = [
      { label: 'support', confidence: 0.9, cues: [] },
      { label: 'oppose', confidence: 0.3, cues: [] },
      { label: 'support', confidence: 0.8, cues: [] },
    ];
    const stage = summaryStage(thread, labels);
    const ticks: unknown[] = [];
    let r = stage.next();
    for (; !r.done; r = stage.next()) ticks.push(r.value);
    expect(ticks).toEqual([1, 2, 3].map((done) => ({ done, total: 3 })));
    expect(JSON.stringify(r.value)).toBe(JSON.stringify(summarize(thread, labels)));
    expect(() => summarize(thread, labels.slice(1))).toThrow(/2 labels for 3 comments/);
  });
});
