// Reply inference on flat lists: explicit links, implicit links, and the links it must not make.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inferReplies, MIN_CONFIDENCE } from '../../../src/parser/replies';
import type { Comment } from '../../../src/parser/types';

const list = (...rows: [string, string][]): Comment[] => rows.map(([author, text], i) => ({ id: `c${i + 1}`, author, text }));
const parents = (cs: Comment[], articleText?: string): (string | undefined)[] =>
  inferReplies(cs, articleText === undefined ? {} : { articleText }).map((c) => c.parentId);

const LONG_A = 'The government finally decided to raise the consumption tax again, which will hit small shops across the country hard.';
const LONG_B = 'Tourism numbers are at record highs this spring and hotels in Kyoto are fully booked for the cherry blossom season.';

describe('explicit links', () => {
  test.each<[string, Comment[], (string | undefined)[], RegExp?]>([
    ['@handle opening', list(['alice', LONG_A], ['bob', LONG_B], ['carol', '@alice you are wrong about the shops.']), [undefined, undefined, 'c1'], /@alice/],
    ['@handle is case-insensitive', list(['Alice_99', LONG_A], ['bob', LONG_B], ['carol', '@alice_99 no.']), [undefined, undefined, 'c1'], /@alice_99/i],
    ['@handle with trailing punctuation', list(['alice', LONG_A], ['bob', LONG_B], ['carol', '@alice, really?']), [undefined, undefined, 'c1']],
    ['@handle picks the latest comment by that author', list(['alice', LONG_A], ['alice', LONG_B], ['bob', 'Something else entirely here.'], ['carol', '@alice why?']), [undefined, undefined, undefined, 'c2']],
    ['@handle of someone who has not commented gives no link, not even implicit', list(['alice', LONG_A], ['bob', '@zed And that is why, you see.']), [undefined, undefined]],
    ['@handle of a later commenter gives no link', list(['alice', '@bob I expect you to disagree.'], ['bob', LONG_B]), [undefined, undefined]],
    ['@self gives no link', list(['alice', LONG_A], ['bob', LONG_B], ['alice', '@alice note to self.']), [undefined, undefined, undefined]],
    ['handle with spaces (site adapters)', list(['John Smith', LONG_A], ['bob', LONG_B], ['carol', '@John Smith that is not what happened.']), [undefined, undefined, 'c1']],
    ['"handle:" opening', list(['alice', LONG_A], ['bob', LONG_B], ['carol', 'alice: the shops will adapt.']), [undefined, undefined, 'c1'], /alice:/],
    ['"handle," opening', list(['alice', LONG_A], ['bob', LONG_B], ['carol', 'Alice, the shops will adapt.']), [undefined, undefined, 'c1']],
    ['"Word:" that is nobody\'s handle gives no link', list(['alice', LONG_A], ['bob', LONG_B], ['carol', 'Fact: the shops will adapt over many years of change.']), [undefined, undefined, undefined]],
    ['"> quote" of an earlier comment', list(['alice', LONG_A], ['bob', LONG_B], ['carol', '> raise the consumption tax again\nIt was always coming.']), [undefined, undefined, 'c1'], /quotes c1/],
    ['inline quoted sentence of an earlier comment', list(['alice', LONG_A], ['bob', LONG_B], ['carol', 'Calling it "fully booked for the cherry blossom season" is an exaggeration in my view, honestly.']), [undefined, undefined, 'c2']],
    ['a quote of the article is not a reply', list(['alice', LONG_A], ['bob', 'As the piece says, "the plan would go ahead as announced" and that settles nothing for the shops.']), [undefined, undefined]],
    ['a quote of your own earlier comment is not a reply to you', list(['alice', LONG_A], ['bob', LONG_B], ['alice', '> raise the consumption tax again\nrepeating myself here because nobody listened to the point at all.']), [undefined, undefined, undefined]],
    ['a quote of two words is too weak', list(['alice', LONG_A], ['bob', LONG_B], ['carol', '> consumption tax\nWhatever you call it the plan is going ahead anyway in the end I suppose.']), [undefined, undefined, undefined]],
  ])('%s', (_name, cs, want, evidence) => {
    const out = inferReplies(cs, { articleText: 'The minister said the plan would go ahead as announced.' });
    expect(out.map((c) => c.parentId)).toEqual(want);
    for (const c of out) {
      if (c.parentId === undefined) continue;
      expect(c.parentInferred).toBe(true);
      expect(c.parentConfidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
      expect(c.parentConfidence).toBeLessThanOrEqual(1);
      if (evidence) expect(c.parentEvidence).toMatch(evidence);
    }
  });
});

describe('implicit links', () => {
  test.each<[string, Comment[], (string | undefined)[]]>([
    ['"And … that" right after a related comment', list(['alice', LONG_A], ['bob', 'And that tax will close even more small shops.']), [undefined, 'c1']],
    ['"Exactly, …" answer word', list(['alice', LONG_A], ['bob', 'Exactly, small shops always pay for it.']), [undefined, 'c1']],
    ['"But you …" addressing the previous commenter', list(['alice', LONG_A], ['bob', 'But you forget the shops get refunds.']), [undefined, 'c1']],
    ['looks past the author\'s own previous comment', list(['alice', LONG_A], ['bob', LONG_B], ['bob', 'And that is why you are wrong about the shops.']), [undefined, undefined, 'c1']],
    ['a standalone opinion gets no link', list(['alice', LONG_A], ['bob', LONG_B]), [undefined, undefined]],
    ['"Don\'t do it Japan!" gets no link', list(['GuruMick', 'Does Costa Rica have to start a military build up ?\nThe USA is not a model citizen.'], ['Antiquesaving', "Don't do it Japan!\nAlready Japan's SDF is not the biggest or strongest but if they follow the USA and others like Canada they will end up cannibalizing their own military to supply Ukraine and Israel!"]), [undefined, undefined]],
    ['one cue alone is not enough: a bare "But"', list(['alice', LONG_A], ['bob', 'But the sky is blue over the mountains today and the river is calm.']), [undefined, undefined]],
    ['the first comment never has a parent', list(['alice', 'And that is that.']), [undefined]],
    ['no self-reply even with strong cues', list(['alice', LONG_A], ['alice', 'And that tax will close small shops.']), [undefined, undefined]],
  ])('%s', (_name, cs, want) => {
    expect(parents(cs)).toEqual(want);
  });

  test('evidence names the cues, confidence is honest (< 1)', () => {
    const [, b] = inferReplies(list(['alice', LONG_A], ['bob', 'And that consumption tax will close even more shops.']));
    expect(b!.parentEvidence).toMatch(/follows c1/);
    expect(b!.parentEvidence).toMatch(/opens with "and"/);
    expect(b!.parentConfidence).toBeLessThan(1);
  });
});

describe('invariants', () => {
  test('same length and order, input not mutated, markup parents kept', () => {
    const cs = list(['alice', LONG_A], ['bob', '@alice no.'], ['carol', 'And that too.']);
    cs[2]!.parentId = 'c1';
    const before = structuredClone(cs);
    const out = inferReplies(cs);
    expect(cs).toEqual(before);
    expect(out.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(out[1]!.parentId).toBe('c1');
    expect(out[2]).toEqual(cs[2]); // a markup parent is not second-guessed
  });

  test('parents are always earlier comments', () => {
    const cs = list(...Array.from({ length: 60 }, (_, i): [string, string] => [`u${i % 7}`, i % 3 === 0 ? `@u${(i + 3) % 7} And that is so.` : `Point ${i} about the tax and the shops.`]));
    const out = inferReplies(cs);
    const pos = new Map(out.map((c, i) => [c.id, i]));
    out.forEach((c, i) => { if (c.parentId !== undefined) expect(pos.get(c.parentId)!).toBeLessThan(i); });
    out.forEach((c, i) => { if (c.parentId !== undefined) expect(cs[pos.get(c.parentId)!]!.author).not.toBe(cs[i]!.author); });
  });
});

describe('invariants on generated threads', () => {
  // Authors from a small pool (so @mentions and returns happen), texts mixing the cues.
  const pool = ['alice', 'Bob_2', 'carol.x', '山田', 'Иван'];
  const phrase = fc.constantFrom('the tax plan', 'small shops', 'hotels in Kyoto', 'that idea', 'you people', 'the budget');
  const text = fc.oneof(
    fc.tuple(fc.constantFrom(...pool), phrase).map(([a, p]) => `@${a} what about ${p}?`),
    fc.tuple(fc.constantFrom(...pool), phrase).map(([a, p]) => `${a}: ${p} is fine.`),
    fc.tuple(fc.constantFrom('And', 'But', 'Exactly,', 'So', 'Well'), phrase).map(([o, p]) => `${o} ${p} will fail.`),
    phrase.map((p) => `> ${p} will fail soon\nNo.`),
    phrase.map((p) => `I read about ${p} in the paper and think it is a reasonable step forward overall.`),
  );
  const thread = fc.array(fc.tuple(fc.constantFrom(...pool), text), { maxLength: 40 })
    .map((rows) => rows.map(([author, t], i): Comment => ({ id: `x${i}`, author, text: t })));

  test('parents earlier, never the same author, confidence in [MIN, 1], evidence given, nothing else changed', () => {
    fc.assert(fc.property(thread, (cs) => {
      const out = inferReplies(cs);
      expect(out).toHaveLength(cs.length);
      const pos = new Map(cs.map((c, i) => [c.id, i]));
      out.forEach((c, i) => {
        const { parentId, parentInferred, parentConfidence, parentEvidence, ...rest } = c;
        expect(rest).toEqual(cs[i]);
        if (parentId === undefined) {
          expect([parentInferred, parentConfidence, parentEvidence]).toEqual([undefined, undefined, undefined]);
          return;
        }
        const p = pos.get(parentId)!;
        expect(p).toBeLessThan(i);
        expect(cs[p]!.author.toLowerCase()).not.toBe(c.author.toLowerCase());
        expect(parentInferred).toBe(true);
        expect(parentConfidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
        expect(parentConfidence).toBeLessThanOrEqual(1);
        expect(parentEvidence).toBeTruthy();
      });
    }), { numRuns: 300 });
  });

  test('an @mention of an earlier commenter always links to that commenter\'s latest comment', () => {
    fc.assert(fc.property(thread, (cs) => {
      const out = inferReplies(cs);
      cs.forEach((c, i) => {
        const m = /^@(\S+)/.exec(c.text);
        if (!m) return;
        const target = cs.slice(0, i).map((x, k) => [x, k] as const).filter(([x]) => x.author === m[1]).at(-1);
        if (target === undefined || m[1] === c.author) expect(out[i]!.parentId).toBeUndefined();
        else expect(out[i]!.parentId).toBe(cs[target[1]]!.id);
      });
    }), { numRuns: 300 });
  });
});
