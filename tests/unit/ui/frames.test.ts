// Per-frame summaries in the top frame: cut down for the message, summed for the panel.
import { expect, test } from 'vitest';
import type { FrameReport } from '../../../src/shared/messages';
import type { Summary } from '../../../src/parser/types';
import { framesState, reportOf, sumSummaries, withReport } from '../../../src/ui/frames';

const summary = (s: number, o: number, n: number, q: number, authors: Array<[string, number]>, extra = 0): Summary => ({
  total: s + o + n + q,
  byStance: { support: s, oppose: o, neutral: n, question: q },
  byAuthor: authors,
  repliesInferred: extra,
  repliesMarked: 2 * extra,
  unsure: extra,
});
const rep = (state: FrameReport['state'], sum: Summary): FrameReport => reportOf(sum, state);

test.each([
  ['nothing', [], summary(0, 0, 0, 0, [])],
  ['one part', [summary(1, 2, 0, 0, [['a', 2], ['b', 1]], 1)], summary(1, 2, 0, 0, [['a', 2], ['b', 1]], 1)],
  ['two frames, an author in both', [rep('ready', summary(1, 0, 0, 1, [['a', 1], ['b', 1]])), rep('ready', summary(0, 3, 1, 0, [['b', 3], ['c', 1]], 2))], summary(1, 3, 1, 1, [['b', 4], ['a', 1], ['c', 1]], 2)],
  ['own summary plus a frame', [summary(2, 0, 0, 0, [['x', 2]]), rep('ready', summary(0, 1, 0, 0, [['y', 1]]))], summary(2, 1, 0, 0, [['x', 2], ['y', 1]])],
  ['an author named __proto__', [summary(1, 0, 0, 0, [['__proto__', 1]]), summary(1, 0, 0, 0, [['__proto__', 2]])], summary(2, 0, 0, 0, [['__proto__', 3]])],
])('sumSummaries: %s', (_name, parts, want) => {
  const got = sumSummaries(parts);
  expect(got).toEqual(want);
  expect(got.byAuthor).toEqual(want.byAuthor); // order: most active first
});

test('reportOf keeps the counts and only the most active authors', () => {
  const authors = Array.from({ length: 15 }, (_, i): [string, number] => [`a${i}`, 15 - i]);
  const r = reportOf(summary(10, 20, 30, 60, authors, 4), 'labelling');
  expect(r).toMatchObject({ state: 'labelling', total: 120, byStance: { support: 10, oppose: 20, neutral: 30, question: 60 }, repliesInferred: 4, repliesMarked: 8, unsure: 4 });
  expect(r.byAuthor).toEqual(authors.slice(0, 10));
});

test.each([
  [[], 'ready'],
  [['ready', 'ready'], 'ready'],
  [['ready', 'labelling'], 'labelling'],
  [['error', 'ready'], 'error'],
  [['error', 'labelling'], 'labelling'],
] as const)('framesState(%j) = %s', (states, want) => {
  expect(framesState(states.map((s) => rep(s, summary(1, 0, 0, 0, []))))).toBe(want);
});

test.each([
  ['a new frame is added', [], [5, 'ready'], [5]],
  ['a report replaces that frame', [[5, 'labelling']], [5, 'ready'], [5]],
  ['a second frame is kept apart', [[5, 'ready']], [8, 'ready'], [5, 8]],
  ['off forgets the frame', [[5, 'ready'], [8, 'ready']], [5, 'off'], [8]],
  ['off for an unknown frame changes nothing', [[5, 'ready']], [9, 'off'], [5]],
] as const)('withReport: %s', (_name, before, [id, state], ids) => {
  const start = new Map(before.map(([i, s]) => [i, rep(s, summary(i, 0, 0, 0, []))]));
  const next = withReport(start, id, rep(state, summary(1, 0, 0, 0, [])));
  expect([...next.keys()].sort((a, b) => a - b)).toEqual(ids);
  expect(next.get(id)?.state).toBe(state === 'off' ? undefined : state);
  expect(start.size).toBe(before.length); // the old map is left as it was
});

test("a frame's comments in a language the engine does not read reach the top panel: total = stances + not labelled", () => {
  const own: Summary = { ...summary(2, 1, 0, 0, [['x', 3]]), total: 4, notLabelled: 1 };
  const frame = reportOf({ ...summary(1, 0, 1, 0, [['y', 2]]), total: 5, notLabelled: 3 }, 'ready');
  expect(frame.notLabelled).toBe(3);
  expect(reportOf(summary(1, 0, 0, 0, []), 'ready')).not.toHaveProperty('notLabelled');
  const sum = sumSummaries([own, frame]);
  expect(sum.total).toBe(9);
  expect(sum.notLabelled).toBe(4);
  expect(Object.values(sum.byStance).reduce((a, b) => a + b, 0) + sum.notLabelled!).toBe(sum.total);
});
