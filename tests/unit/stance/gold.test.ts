// The gold set: hand-written comments on one article that the shipped model must always get
// right (compromise / wink-nlp style). Re-run after `npm run train`; a regression here is real.
//
// BACKLOG — known failures of the shipped engine, kept honest (label we want -> label we get):
//   "Is this really a good idea?"                       oppose  -> question (a yes/no question; the
//                                                       opinion layer only re-reads "why would anyone..." forms)
// Cause: most training data is RumourEval, where praise is rarely "support" and most replies are
// "comment"; support toward a policy is the weakest class (see the report / npm run eval).
// Fixed by the 16-bit / VAST / rhetorical-form model and moved into GOLD below: "Let's get it
// done...", "What a stupid and dangerous plan.", "Thank you Japan, great partner!", "Stop
// dragging Japan into American wars.", "Oh great, another brilliant plan...", "How can anyone
// support this madness?". Fixed by the news opinion layer (src/stance/opinion.ts) and moved in:
// "This will work.", "This is a smart move and it makes sense...", "The deal is great.",
// "Good news for both countries.", "Why would anyone think this is a good idea?".
import { describe, expect, test } from 'vitest';
import type { Stance } from '../../../src/parser/types';
import { StanceEngine } from '../../../src/stance/index';

const engine = new StanceEngine();
const ctx = engine.prepare({
  title: 'Japan and U.S. start talks on defense industrial cooperation',
  paragraphs: ['Japan and the United States kicked off talks on military industrial cooperation, including missile production and naval repairs in Japan, the U.S. ambassador said.'],
});

const GOLD: [Stance, string][] = [
  ['support', 'Good move, long overdue.'],
  ['support', 'Great idea, I fully support this cooperation.'],
  ['support', 'Finally! About time Japan stepped up.'],
  ['support', 'I support this, it makes sense.'],
  ['support', 'Well done, this will strengthen deterrence in the region.'],
  ['support', "Let's get it done, more of this please."],
  ['support', 'Thank you Japan, great partner!'],
  ['support', 'This will work.'],
  ['support', 'This is a smart move and it makes sense for both countries.'],
  ['support', 'The deal is great.'],
  ['support', 'Good news for both countries.'],
  ['oppose', "Don't do it Japan!"],
  ['oppose', 'This is a terrible idea and will only escalate tensions.'],
  ['oppose', "This won't work and it never will."],
  ['oppose', 'Shame on the government for agreeing to this.'],
  ['oppose', 'Boycott this deal.'],
  ['oppose', 'This is fake news.'],
  ['oppose', "I don't think this will help anyone."],
  ['oppose', 'Who cares? This deal is a disaster for Japan.'],
  ['oppose', 'Are you kidding me? This is a disaster.'],
  ['oppose', 'What a stupid and dangerous plan.'],
  ['oppose', 'Stop dragging Japan into American wars.'],
  ['oppose', 'Oh great, another brilliant plan. What could possibly go wrong?'],
  ['oppose', 'How can anyone support this madness?'],
  ['oppose', 'Why would anyone think this is a good idea?'],
  ['question', 'When do the talks start?'],
  ['question', 'Does anyone know which missiles they mean?'],
  ['question', 'Is this confirmed?'],
  ['question', 'What is DICAS exactly?'],
  ['neutral', 'I had sushi for lunch today.'],
  ['neutral', 'The talks were held in Tokyo on Sunday.'],
  ['neutral', 'My uncle used to work at a shipyard in Yokosuka.'],
  ['neutral', 'The article was published by Reuters.'],
];

describe('gold set', () => {
  test.each(GOLD)('%s: %s', (want, text) => {
    const got = engine.classify(ctx, text);
    expect(got.label).toBe(want);
    expect(got.cues.length).toBeGreaterThan(0);
  });
});
