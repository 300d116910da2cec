// The news opinion layer: every rule fires on its own example, negation flips the side, genuine
// questions and plain facts get no shift, and 'post' threads are left to the model.
import { describe, expect, test } from 'vitest';
import { buildContext } from '../../../src/stance/context';
import { OPINION_RULES } from '../../../src/stance/lexicon/opinion';
import { opinion } from '../../../src/stance/opinion';
import { StanceEngine } from '../../../src/stance/index';
import { tokenize } from '../../../src/stance/tokenize';

const ctx = buildContext({ title: 'U.S. and Japan sign defence deal', paragraphs: ['The two allies will co-produce missiles.'] });
const run = (text: string): ReturnType<typeof opinion> => opinion(tokenize(text), ctx, 1);
const side = (text: string): string => {
  const s = run(text).shift;
  return s[0] > s[1] ? 'support' : s[1] > s[0] ? 'oppose' : 'none';
};

describe('opinion rules', () => {
  test.each(Object.values(OPINION_RULES))('$id fires on its example', (rule) => {
    const o = run(rule.example);
    expect([...o.cues(0), ...o.cues(1)].map((c) => c.rule)).toContain(rule.id);
  });
  test.each([
    ['I fully support this.', 'support'],
    ["I don't support this.", 'oppose'],
    ["I'm against it.", 'oppose'],
    ['This will work.', 'support'],
    ["This won't work.", 'oppose'],
    ['Not a bad idea.', 'support'],
    ['Not a good idea.', 'oppose'],
    ['Japan should say no.', 'oppose'],
    ['Japan should not sign it.', 'oppose'],
    ['Japan should sign it.', 'support'],
    ["Don't do it.", 'oppose'],
    ['Why would anyone think this is a good idea?', 'oppose'],
    ['How can anyone support this?', 'oppose'],
    ['Why would anyone oppose this?', 'support'],
    ['Oh great, more missiles.', 'oppose'],
    ['Bad news for Japan.', 'oppose'],
  ])('%s -> %s', (text, want) => {
    expect(side(text)).toBe(want);
  });
  test.each(['When will the talks start?', 'Is this deal good for Japan?', 'My brother works at a shipyard.', 'The talks were held in Tokyo.', "I'm not sure this is a good idea, we'll see."])(
    'no shift: %s', (text) => {
      expect(run(text).shift.every((x) => x === 0)).toBe(true);
    });
  test('long comments get proportionally less strength', () => {
    const short = opinion(tokenize('This is a terrible idea.'), ctx, 1, 10).shift[1];
    const long = opinion(tokenize(`This is a terrible idea. ${'The ministers met in a room on a day. '.repeat(4)}`), ctx, 1, 10).shift[1];
    expect(long).toBeGreaterThan(0);
    expect(long).toBeLessThan(short);
  });
});

describe('in the engine', () => {
  const engine = new StanceEngine();
  const news = engine.prepare({ title: 'U.S. and Japan sign defence deal', paragraphs: ['The two allies will co-produce missiles.'] });
  test('a news comment shows the opinion cue first', () => {
    const l = engine.classify(news, "This won't work.");
    expect(l.label).toBe('oppose');
    expect(l.cues[0]!.rule).toBe('judges-subject');
    expect(l.cues[0]!.text).toBe("This won't work");
  });
  test("a 'post' thread (a tweet as the article) is left to the model", () => {
    const post = engine.prepare('Breaking: the two allies signed the missile deal in Tokyo today');
    expect(post.kind).toBe('post');
    const text = "This won't work.";
    const off = Object.assign(new StanceEngine(), { opinionStrength: 0 });
    expect(engine.classify(post, text)).toEqual(off.classify(post, text));
  });
});
