// The Dragnet-style report's scoring (scripts/pages-dragnet.ts): how a gold file is split and how
// two texts are compared as bags of words.
import { expect, test } from 'vitest';
import { bagPR, splitGold } from '../../../scripts/pages-dragnet';

test('the gold marker splits article from comments, with two spaces or one', () => {
  expect(splitGold('Title\nBody.\n!@#$%^&*()  COMMENTS\nAnn\nNice.')).toEqual({ article: 'Title\nBody.\n', comments: '\nAnn\nNice.' });
  expect(splitGold('Body.\n\n!@#$%^&*() COMMENTS\n\nBob\nNo.')).toEqual({ article: 'Body.\n\n', comments: '\n\nBob\nNo.' });
  // no marker, or the word alone: all article
  expect(splitGold('Readers left COMMENTS below.')).toEqual({ article: 'Readers left COMMENTS below.', comments: '' });
});

test('bag-of-words precision and recall count shared words as multisets, case-folded', () => {
  const r = bagPR('the cat the dog', 'The cat sat');
  expect(r.gotN).toBe(4);
  expect(r.goldN).toBe(3);
  expect(r.p).toBeCloseTo(2 / 4); // "the" once and "cat" of the four reported words
  expect(r.r).toBeCloseTo(2 / 3);
  expect(bagPR('', 'gold words')).toMatchObject({ p: 0, r: 0 });
});
