// 100k comments through the dump reader and buildThread: every comment comes out, links stay
// correct far into the thread (the inference keeps no quadratic scan, so this finishes well inside
// the test timeout; no wall-clock assertion here by the project's rules).
import { describe, expect, test } from 'vitest';
import { parseDump } from '../../../src/parser/dump';
import { buildThread } from '../../../src/parser/thread';

const N = 100_000;

function bigDump(): string {
  const lines = [' date 2024-06-09 The council approved the new budget after a long debate.© Kyodo 2024.'];
  for (let i = 0; i < N; i++) {
    lines.push(`user_${i % 997}`);
    if (i % 5 === 1) lines.push(`@user_${(i - 1) % 997} no, comment ${i - 1} is wrong.`);
    else if (i % 5 === 3) lines.push(`> number ${i - 1} talks about\nQuoting that one.`);
    else lines.push(`Comment number ${i} talks about the budget.`, 'Exactly.');
  }
  return lines.join('\n');
}

describe('scale', () => {
  test('a 100k-comment dump parses completely with the right links', () => {
    const t = parseDump(bigDump());
    expect(t.comments).toHaveLength(N);
    expect(t.comments[N - 1]!.id).toBe(`c${N}`);
    for (const i of [1, 50_001, N - 4]) {
      expect(t.comments[i]).toMatchObject({ author: `user_${i % 997}`, parentId: `c${i}`, parentEvidence: `@user_${(i - 1) % 997}` });
    }
    for (const i of [3, 60_003, N - 2]) {
      expect(t.comments[i]!.parentId).toBe(`c${i}`);
      expect(t.comments[i]!.parentEvidence).toMatch(/^quotes/);
    }
    expect(t.comments[4]!.text).toBe('Comment number 4 talks about the budget.\nExactly.');
  });

  test('buildThread on 100k flat comments keeps length and order', () => {
    const comments = Array.from({ length: N }, (_, i) => ({ author: `u${i % 500}`, text: i % 4 === 1 ? `@u${(i - 1) % 500} But that is wrong.` : `text ${i} here` }));
    const t = buildThread({ platform: 'generic', article: { paragraphs: [] }, comments });
    expect(t.comments).toHaveLength(N);
    expect(t.comments.map((c) => c.text)).toEqual(comments.map((c) => c.text));
    expect(t.comments[N - 3]!.parentId).toBe(`c${N - 3}`);
  });
});
