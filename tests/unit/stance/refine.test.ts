// The refined pass (sentence encoder + head) on its own terms: every label says it is refined and
// why, replies still inherit from a parent that took a side, a thread is refined in the order asked
// and stops when told, and the hand-written gold set of gold.test.ts mostly reads right.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Stance, StanceLabel, Thread } from '../../../src/parser/types';
import { StanceEngine, labelThread } from '../../../src/stance/index';
import { articleText } from '../../../src/stance/refine';
import { loadRefined, type RefinedPass } from '../../../src/stance/refined-node';
import { STANCES } from '../../../src/parser/types';

const engine = new StanceEngine();
let pass: RefinedPass;
beforeAll(async () => { pass = await loadRefined(engine); });

const article = {
  title: 'Japan and U.S. start talks on defense industrial cooperation',
  paragraphs: ['Japan and the United States kicked off talks on military industrial cooperation, including missile production and naval repairs in Japan, the U.S. ambassador said.'],
};

// The same set as gold.test.ts (the fast pass must get all of these right).
const GOLD: [Stance, string][] = [
  ['support', 'Good move, long overdue.'], ['support', 'Great idea, I fully support this cooperation.'], ['support', 'Finally! About time Japan stepped up.'],
  ['support', 'I support this, it makes sense.'], ['support', 'Well done, this will strengthen deterrence in the region.'], ['support', "Let's get it done, more of this please."],
  ['support', 'Thank you Japan, great partner!'], ['support', 'This will work.'], ['support', 'This is a smart move and it makes sense for both countries.'],
  ['support', 'The deal is great.'], ['support', 'Good news for both countries.'],
  ['oppose', "Don't do it Japan!"], ['oppose', 'This is a terrible idea and will only escalate tensions.'], ['oppose', "This won't work and it never will."],
  ['oppose', 'Shame on the government for agreeing to this.'], ['oppose', 'Boycott this deal.'], ['oppose', 'This is fake news.'],
  ['oppose', "I don't think this will help anyone."], ['oppose', 'Who cares? This deal is a disaster for Japan.'], ['oppose', 'Are you kidding me? This is a disaster.'],
  ['oppose', 'What a stupid and dangerous plan.'], ['oppose', 'Stop dragging Japan into American wars.'], ['oppose', 'Oh great, another brilliant plan. What could possibly go wrong?'],
  ['oppose', 'How can anyone support this madness?'], ['oppose', 'Why would anyone think this is a good idea?'],
  ['question', 'When do the talks start?'], ['question', 'Does anyone know which missiles they mean?'], ['question', 'Is this confirmed?'], ['question', 'What is DICAS exactly?'],
  ['neutral', 'I had sushi for lunch today.'], ['neutral', 'The talks were held in Tokyo on Sunday.'], ['neutral', 'My uncle used to work at a shipyard in Yokosuka.'],
  ['neutral', 'The article was published by Reuters.'],
];
const thread: Thread = { article, comments: GOLD.map(([, text], i) => ({ id: `g${i}`, author: 'x', text })) };

describe('refined labels', () => {
  let labels: StanceLabel[];
  beforeAll(async () => { labels = await pass.refiner.refineThread(thread, labelThread(thread, engine), pass.embed); });

  test('every label is refined, in range, with at least one cue', () => {
    for (const l of labels) {
      expect(l.pass).toBe('refined');
      expect(STANCES).toContain(l.label);
      expect(l.confidence).toBeGreaterThanOrEqual(0);
      expect(l.confidence).toBeLessThanOrEqual(1);
      expect(l.cues.length).toBeGreaterThan(0);
    }
  });

  // On a news page the refined pass multiplies the head's probabilities with the fast pass's (its
  // news opinion layer included; encoder/head.ts stackKind, scripts/train-refine.ts): the head alone
  // gets 9 of 33 here (it learned stance from topics, quoted comments and rumours), the product 29;
  // the fast pass, built around these, all 33. This guards against it getting worse.
  test('the gold set: at least 29 of 33 right (the fast pass: all 33)', () => {
    const wrong = GOLD.flatMap(([want, text], i) => (labels[i]!.label === want ? [] : [`${want} -> ${labels[i]!.label}: ${text}`]));
    expect(GOLD.length - wrong.length, wrong.join('\n')).toBeGreaterThanOrEqual(29);
  });
});

describe('refining a thread', () => {
  test('replies see the parent: disagreeing with an opponent is support, with a supporter oppose; the cue says so', async () => {
    const reply = 'You are wrong, I completely disagree with you.';
    const ctx = engine.prepare(article);
    const [u, a] = await pass.embed([reply, articleText(article)]);
    const withParent = (label: 'support' | 'oppose'): StanceLabel => pass.refiner.classify({
      ctx, text: reply, u: u!, a: a!, parent: { id: 'p', text: 'Some earlier comment.', label: { label, confidence: 0.95, cues: [] } },
    });
    const underOpponent = withParent('oppose');
    const underSupporter = withParent('support');
    expect(underOpponent.label).toBe('support');
    expect(underSupporter.label).toBe('oppose');
    for (const l of [underOpponent, underSupporter]) {
      expect(l.via).toBe('p');
      expect(l.cues[0]!.rule).toBe('reply-disagrees');
    }
  });

  test('the order asked for, each label reported once; an abort stops between batches', async () => {
    const fast = labelThread(thread, engine);
    const order = thread.comments.map((_, i) => thread.comments.length - 1 - i);
    const seen: number[] = [];
    await pass.refiner.refineThread(thread, fast, pass.embed, { order, batch: 8, onLabel: (i) => seen.push(i) });
    expect(seen).toEqual(order);
    const ctl = new AbortController();
    const got: number[] = [];
    const out = await pass.refiner.refineThread(thread, fast, pass.embed, { batch: 8, onLabel: (i) => { got.push(i); if (got.length === 8) ctl.abort(); }, signal: ctl.signal });
    expect(got).toHaveLength(8);
    expect(out.slice(8)).toEqual(fast.slice(8)); // the rest keep their fast labels
  });

  test('deleted slots keep their placeholder label; the article is set against as title and lead', async () => {
    const t: Thread = { article, comments: [{ id: 'd', author: '', text: '[deleted]', placeholder: 'deleted' }, { id: 'c', author: 'x', text: 'Good move.' }] };
    const fast = labelThread(t, engine);
    const out = await pass.refiner.refineThread(t, fast, pass.embed);
    expect(out[0]).toEqual(fast[0]);
    expect(out[1]!.pass).toBe('refined');
    expect(articleText(article)).toBe(`${article.title}\n${article.paragraphs[0]}`);
    expect(articleText('a topic')).toBe('a topic');
  });
});
