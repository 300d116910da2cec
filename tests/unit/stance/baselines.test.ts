// The eval's reference learners (scripts/lib/baselines.ts): they learn what the words say, score
// rows they never saw, and the folds keep each row out of its own model.
import { expect, test } from 'vitest';
import { fitTfidf, ngrams, outOfFold, pairFeatures, type BaselineRow } from '../../../scripts/lib/baselines';

test('n-grams are lower-cased words and adjacent pairs', () => {
  expect(ngrams("Don't DO it")).toEqual(["don't", 'do', 'it', "don't do", 'do it']);
  expect(ngrams('...')).toEqual([]);
});

const CLASSES = ['support', 'oppose', 'neutral'];
function rows(): BaselineRow[] {
  const good = ['great idea', 'I agree fully', 'yes this is right', 'great and right'];
  const bad = ['terrible idea', 'I disagree strongly', 'no this is wrong', 'terrible and wrong'];
  const meh = ['the meeting is at noon', 'it was reported today', 'the vote is on monday', 'reported at noon today'];
  const out: BaselineRow[] = [];
  for (let k = 0; k < 6; k++) {
    good.forEach((t) => out.push({ text: `${t} ${k}`, article: 'a', label: 'support' }));
    bad.forEach((t) => out.push({ text: `${t} ${k}`, article: 'a', label: 'oppose' }));
    meh.forEach((t) => out.push({ text: `${t} ${k}`, article: 'a', label: 'neutral' }));
  }
  return out;
}

test('tf-idf regression learns separable words and labels unseen sentences by them', () => {
  const predict = fitTfidf(rows(), CLASSES);
  expect(predict([
    { text: 'a great and right plan', article: 'a', label: '' },
    { text: 'a terrible and wrong plan', article: 'a', label: '' },
    { text: 'reported on monday at noon', article: 'a', label: '' },
  ])).toEqual(['support', 'oppose', 'neutral']);
});

test('out of fold: each row is labelled by a model that never saw it', async () => {
  const data = rows();
  const fold = data.map((_, i) => i % 3);
  const seen: string[][] = [];
  const out = await outOfFold(data, fold, 3, (train) => {
    seen.push(train.map((r) => r.text));
    return (xs) => xs.map((r) => (seen.at(-1)!.includes(r.text) ? 'leak' : r.label));
  });
  expect(out).toEqual(data.map((r) => r.label));
  expect(seen.map((s) => s.length)).toEqual([48, 48, 48]);
});

test('pair features are [u, a, u·a, |u−a|]', () => {
  const u = Float32Array.from({ length: 512 }, (_, j) => (j === 0 ? 0.5 : 0));
  const a = Float32Array.from({ length: 512 }, (_, j) => (j === 0 ? -0.25 : j === 1 ? 1 : 0));
  const X = pairFeatures([{ text: 'u', article: 'a', label: '' }], (t) => (t === 'u' ? u : a));
  expect([X[0], X[512], X[513], X[1024], X[1025], X[1536], X[1537]]).toEqual([0.5, -0.25, 1, -0.125, 0, 0.75, 1]);
});
