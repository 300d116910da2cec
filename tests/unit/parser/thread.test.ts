// buildThread: adapter output to Thread — normalised text, ids, markup parents, inferred replies.
import { describe, expect, test } from 'vitest';
import { buildThread, threadStage } from '../../../src/parser/thread';
import type { RawComment, RawPage } from '../../../src/parser/types';

const page = (comments: RawComment[], extra: Partial<RawPage> = {}): RawPage => ({
  platform: 'generic', article: { paragraphs: ['The plan goes ahead.'] }, comments, ...extra,
});
const LONG = 'The government finally decided to raise the consumption tax again, which will hit small shops hard.';

describe('buildThread', () => {
  test.each<[string, string, string]>([
    ['collapses space runs, keeps line breaks', 'Good   move.\n  Long\toverdue.  ', 'Good move.\nLong overdue.'],
    ['CRLF and CR become LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['runs of blank lines become one, none at the ends', '\n\n first \n\n\n\n second \n\n', 'first\n\nsecond'],
    ['zero-width junk dropped at the ends only', '\u200B\uFEFFhello\u200B', 'hello'],
    ['zero-width joiner inside text kept', 'family 👨\u200D👩\u200D👧 ok', 'family 👨\u200D👩\u200D👧 ok'],
    ['non-breaking spaces collapse', 'a\u00A0\u00A0b', 'a b'],
    ['ideographic space inside Japanese text kept', '賛成\u3000です', '賛成\u3000です'],
  ])('text: %s', (_name, input, want) => {
    expect(buildThread(page([{ author: 'x', text: input }])).comments[0]!.text).toBe(want);
  });

  test('ids: adapter ids kept when all present and distinct', () => {
    const t = buildThread(page([{ id: 'a1', text: 'x' }, { id: 'a2', text: 'y' }]));
    expect(t.comments.map((c) => c.id)).toEqual(['a1', 'a2']);
  });

  test.each<[string, RawComment[]]>([
    ['none given', [{ text: 'x' }, { text: 'y' }, { text: 'z' }]],
    ['one missing', [{ id: 'a', text: 'x' }, { text: 'y' }, { id: 'c', text: 'z' }]],
    ['duplicates', [{ id: 'a', text: 'x' }, { id: 'a', text: 'y' }, { id: 'b', text: 'z' }]],
  ])('ids: c1..cN when %s', (_name, raw) => {
    expect(buildThread(page(raw)).comments.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
  });

  test('markup parent by id kept, not marked inferred; no inference on a nested list', () => {
    const t = buildThread(page([
      { id: 'p1', author: 'alice', text: LONG },
      { id: 'p2', author: 'bob', text: 'And that will close shops.', parentId: 'p1' },
      { id: 'p3', author: 'carol', text: 'And that is that, you know.' },
    ]));
    expect(t.comments[1]).toMatchObject({ parentId: 'p1' });
    expect(t.comments[1]!.parentInferred).toBeUndefined();
    expect(t.comments[2]!.parentId).toBeUndefined(); // nested list: markup is the truth
  });

  test('markup parent ids survive renumbering when adapter ids repeat', () => {
    const t = buildThread(page([
      { id: 'x', author: 'alice', text: 'one' },
      { id: 'x', author: 'bob', text: 'two' },
      { id: 'y', author: 'carol', text: 'three', parentId: 'x' },
    ]));
    expect(t.comments.map((c) => c.parentId)).toEqual([undefined, undefined, 'c2']); // nearest earlier "x"
  });

  test('a parentId naming a later, unknown or own comment is ignored', () => {
    const t = buildThread(page([
      { id: 'a', author: 'alice', text: 'one', parentId: 'b' },
      { id: 'b', author: 'bob', text: 'two', parentId: 'zzz' },
      { id: 'c', author: 'carol', text: 'three', parentId: 'c' },
    ]));
    expect(t.comments.map((c) => c.parentId)).toEqual([undefined, undefined, undefined]);
  });

  test('parents from depth: nearest earlier comment one level up', () => {
    const t = buildThread(page([
      { author: 'a', text: 'r1', depth: 0 },
      { author: 'b', text: 'r1.1', depth: 1 },
      { author: 'c', text: 'r1.1.1', depth: 2 },
      { author: 'd', text: 'r1.2', depth: 1 },
      { author: 'e', text: 'r2', depth: 0 },
      { author: 'f', text: 'r2.1', depth: 1 },
    ]));
    expect(t.comments.map((c) => c.parentId)).toEqual([undefined, 'c1', 'c2', 'c1', undefined, 'c5']);
    expect(t.comments.every((c) => c.parentInferred === undefined)).toBe(true);
  });

  test('flat list: replies inferred, same length and order as the raw comments', () => {
    const raw: RawComment[] = [
      { author: 'alice', text: LONG },
      { author: 'bob', text: '@alice no way.' },
      { author: 'carol', text: 'Tourism is at a record high this spring in Kyoto and hotels are full.' },
    ];
    const t = buildThread(page(raw));
    expect(t.comments).toHaveLength(3);
    expect(t.comments.map((c) => c.text)).toEqual(raw.map((r) => r.text));
    expect(t.comments[1]).toMatchObject({ parentId: 'c1', parentInferred: true, parentEvidence: '@alice' });
    expect(t.comments[2]!.parentId).toBeUndefined();
  });

  test('article: fields copied, paragraphs trimmed and one line each, empty ones dropped, url kept', () => {
    const t = buildThread({
      platform: 'wordpress', url: 'https://example.com/a',
      article: { title: '  A  title\n', date: '2024-06-09', source: ' Kyodo ', paragraphs: ['  First   para. ', '', ' \n ', 'Second\n  line.'] },
      comments: [],
    });
    expect(t.article).toEqual({ title: 'A title', date: '2024-06-09', source: 'Kyodo', url: 'https://example.com/a', paragraphs: ['First para.', 'Second line.'] });
    expect(t.comments).toEqual([]);
  });

  test('author and time trimmed; missing author is ""', () => {
    const t = buildThread(page([{ author: '  bob  ', text: 'x', time: ' 2024-06-09T10:00 ' }, { text: 'y' }]));
    expect(t.comments[0]).toMatchObject({ author: 'bob', time: '2024-06-09T10:00' });
    expect(t.comments[1]!.author).toBe('');
    expect(t.comments[1]!.time).toBeUndefined();
  });

  test('the raw page is not modified', () => {
    const raw = page([{ id: 'a', author: ' x ', text: ' y  z ' }, { author: 'q', text: '@x And that.' }]);
    const copy = structuredClone(raw);
    buildThread(raw);
    expect(raw).toEqual(copy);
  });
});

describe('threadStage (buildThread as a stage)', () => {
  const raw: RawPage = {
    platform: 't',
    article: { paragraphs: ['A story.'] },
    comments: [{ id: 'a', author: ' ann ', text: 'Hello  there' }, { id: 'b', text: 'Agreed.', parentId: 'a' }, { text: 'Later.' }],
  };

  test("one unit per comment, then buildThread's thread", () => {
    const stage = threadStage(raw);
    const ticks: unknown[] = [];
    let r = stage.next();
    for (; !r.done; r = stage.next()) ticks.push(r.value);
    expect(ticks).toEqual([1, 2, 3].map((done) => ({ done, total: 3 })));
    expect(JSON.stringify(r.value)).toBe(JSON.stringify(buildThread(raw)));
  });
});

describe('stated depth (one resolver, DepthParents)', () => {
  const raw = (depths: number[]): RawPage => ({ platform: 't', article: { paragraphs: [] }, comments: depths.map((depth, i) => ({ id: `r${i}`, text: `t${i}`, depth })) });
  test.each([
    ['a reply under the nearest earlier comment one level up', [0, 1, 1, 2], [undefined, 'r0', 'r0', 'r2']],
    ['a new top-level comment ends the deeper levels before it', [0, 1, 0, 2], [undefined, 'r0', undefined, undefined]],
    ['a jump of two levels finds no parent, and a later one level up does not hang under it', [0, 2, 1], [undefined, undefined, 'r0']],
  ])('%s', (_name, depths, parents) => {
    expect(buildThread(raw(depths)).comments.map((c) => c.parentId)).toEqual(parents);
  });
});
