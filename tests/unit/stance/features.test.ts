// Feature-level table tests: each cue family fires on the words it is meant for, and not on others.
import { describe, expect, test } from 'vitest';
import { StanceEngine } from '../../../src/stance/index';
import { tokenize } from '../../../src/stance/tokenize';
import { matchRules } from '../../../src/stance/match';
import { CUE_RULES } from '../../../src/stance/lexicon/index';
import { sentiment } from '../../../src/stance/vader';
import { denseIndex } from '../../../src/stance/dense';

const engine = new StanceEngine();
const ctx = engine.prepare('Japan and the U.S. kicked off talks on military industrial cooperation and missile production.');
const rulesOf = (text: string): string[] => matchRules(tokenize(text)).map((h) => CUE_RULES[h.rule]!.id);
const dense = (text: string, id: string, parent?: string): number => engine.features(ctx, text, parent).dense[denseIndex(id)]!;

describe('tokenizer', () => {
  test('negation scope covers the words after the negator, up to punctuation', () => {
    const t = tokenize("This won't work, trust me");
    expect(t.w).toEqual(['this', "won't", 'work', ',', 'trust', 'me']);
    expect(t.neg).toEqual([false, false, true, false, false, false]);
  });
  test('curly apostrophes, urls, handles and numbers are normalised', () => {
    expect(tokenize('@bob don’t see http://x.co/a 155 mm').w).toEqual(['<user>', "don't", 'see', '<url>', '<num>', 'mm']);
  });
  test('sentence starts skip leading @handles', () => {
    const t = tokenize('@a @b Stop it. Now!');
    expect(t.start).toEqual([false, false, true, false, false, true, false]);
  });
});

describe('cue rules', () => {
  test.each([
    ['Exactly, well said.', 'agree-marker'],
    ['No, you are wrong.', 'disagree-marker'],
    ['This is fake news.', 'denial'],
    ['Good move, long overdue.', 'endorsement'],
    ['Maybe it helps, not sure.', 'hedge'],
    ['Oh great, what could possibly go wrong?', 'sarcasm'],
    ['When do the talks start?', 'info-question'],
    ['Why would anyone want this?', 'rhetorical-question'],
    ["Don't do it Japan!", 'imperative-against'],
    ["Let's get it done.", 'call-to-action'],
  ])('%s -> %s', (text, rule) => {
    expect(rulesOf(text)).toContain(rule);
  });
  test.each([
    ['I had lunch.', 'agree-marker'],
    ['When I was young I lived there.', 'info-question'], // no question mark: not a question
    ["They said don't worry.", 'imperative-against'], // not at a sentence start
  ])('%s does not fire %s', (text, rule) => {
    expect(rulesOf(text)).not.toContain(rule);
  });
  test('every rule carries a reason, an example and phrases', () => {
    for (const r of CUE_RULES) {
      expect(r.reason.length).toBeGreaterThan(5);
      expect(r.example.length).toBeGreaterThan(3);
      expect(r.phrases.length).toBeGreaterThan(3);
    }
  });
});

describe('sentiment with negation', () => {
  test.each([
    ['This is good.', 1],
    ['This is not good.', -1],
    ['This is bad.', -1],
    ['This is not bad at all.', 1],
    ['This will work.', 1],
    ["This won't work.", -1],
  ])('%s has sign %i', (text, sign) => {
    expect(Math.sign(sentiment(tokenize(text), false).compound)).toBe(sign);
  });
  test('negated outcome words become the negated-positive feature', () => {
    expect(dense("This won't work.", 'negated-positive')).toBe(1);
    expect(dense('This will work.', 'negated-positive')).toBe(0);
  });
});

describe('question forms and restating the article', () => {
  test.each([
    ['Are you serious?', 'question-at-you', 1],
    ['Are they coming?', 'question-at-you', 0],
    ['You are right.', 'question-at-you', 0],
    ['Why is this so stupid and disgusting?', 'loaded-question', 1],
    ['When is the meeting?', 'loaded-question', 0],
    ['This is stupid and disgusting.', 'loaded-question', 0],
  ])('%s: %s = %i', (text, id, want) => {
    expect(dense(text, id)).toBe(want);
  });
  test('restating the article counts only without negation, question or denial', () => {
    expect(dense('Japan and the U.S. kicked off talks on missile production.', 'restates-article')).toBeGreaterThan(0);
    expect(dense('Japan and the U.S. did not kick off talks on missile production.', 'restates-article')).toBe(0);
    expect(dense('Japan and the U.S. kicked off talks on missile production?', 'restates-article')).toBe(0);
    expect(dense('Fake: Japan and the U.S. kicked off talks on missile production.', 'restates-article')).toBe(0);
  });
  test('a reply to a question is flagged, a top-level comment is not', () => {
    expect(dense('Next week.', 'parent-asks', 'When do the talks start?')).toBe(1);
    expect(dense('Next week.', 'parent-asks', 'The talks start soon.')).toBe(0);
    expect(dense('Next week.', 'parent-asks')).toBe(0);
  });
});

describe('article kind', () => {
  test('a parsed article is a news page; a short post is a post; a bare topic is news', () => {
    expect(engine.prepare({ paragraphs: ['Prince to play a surprise show in Toronto tonight, fans say.'] }).kind).toBe('news');
    expect(engine.prepare('Prince to play a surprise show in Toronto tonight, fans say.').kind).toBe('post');
    expect(engine.prepare('gun control').kind).toBe('news');
  });
  test('exactly one context feature is set, and neither is shown as a cue', () => {
    const post = engine.prepare('Prince to play a surprise show in Toronto tonight, fans say.');
    const f = engine.features(post, 'Wow, really?');
    expect([f.dense[denseIndex('context-post')], f.dense[denseIndex('context-news')]]).toEqual([1, 0]);
    expect(engine.classify(post, 'Wow, really?').cues.map((c) => c.rule)).not.toContain('context-post');
  });
});

describe('context and reply features', () => {
  test('overlap with the article key terms and actors', () => {
    expect(dense('The U.S. should not push Japan into missile production.', 'article-terms')).toBeGreaterThan(0);
    expect(dense('The U.S. should not push Japan into missile production.', 'article-actors')).toBeGreaterThan(0);
    expect(dense('Japan should not push anyone.', 'article-actors')).toBe(0); // "Japan" opens the only article sentence
    expect(dense('I like cats.', 'article-terms')).toBe(0);
  });
  test('parent overlap and tone match are only set for replies', () => {
    expect(dense('Missile production is great', 'parent-overlap', 'More missile production is great')).toBeGreaterThan(0);
    expect(dense('Missile production is great', 'parent-overlap')).toBe(0);
    expect(dense('It is great', 'polarity-match', 'It is wonderful')).toBeGreaterThan(0);
    expect(dense('It is awful', 'polarity-match', 'It is wonderful')).toBeLessThan(0);
  });
});
