// Product gold set: reader comments under a NEWS article (the product's use), written by hand
// before the engine was run on them, balanced over the four classes, with negation, sarcasm and
// questions. Stance is toward the article's subject (DESIGN.md): the reported defence deal.
// A fixed share may sit in NEWS_BACKLOG (known failures, listed so they stay visible); every
// other sentence must get its label. The backlog is capped, and a backlog entry that starts
// passing fails the test too, so the list cannot quietly go stale.
import { describe, expect, test } from 'vitest';
import type { Stance } from '../../../src/parser/types';
import { StanceEngine } from '../../../src/stance/index';

const engine = new StanceEngine();
const ctx = engine.prepare({
  title: 'U.S. and Japan agree to co-produce missiles under new defence deal',
  paragraphs: [
    'The United States and Japan agreed on Sunday to co-produce air-defence missiles and to let U.S. Navy ships be repaired in Japanese shipyards, officials said.',
    'The deal deepens military industrial cooperation between the two allies amid tensions in the region.',
  ],
});

const NEWS_GOLD: [Stance, string][] = [
  ['support', 'This is a great idea.'],
  ['support', 'I fully support this.'],
  ['support', 'This will work.'],
  ['support', 'Good news for both countries.'],
  ['support', 'Long overdue, glad they are finally doing it.'],
  ['support', 'Not a bad idea at all.'],
  ['support', 'I agree with this decision.'],
  ['support', 'This deal makes both countries safer.'],
  ['support', 'Japan should say yes to this.'],
  ['support', 'Smart move by Tokyo.'],
  ['support', "I can't see anything wrong with this plan."],
  ['support', "Honestly, this is the best news I've heard all week."],
  ['support', 'The cooperation is a win for regional security.'],
  ['support', 'About time Japan and the US worked together on this.'],
  ["support", "I'm all for it."],
  ['support', 'Why not? It makes sense for both sides.'],
  ['oppose', 'This is a terrible idea.'],
  ['oppose', "This won't work."],
  ['oppose', 'Why would anyone think this is a good idea?'],
  ["oppose", "I'm against this deal."],
  ['oppose', 'Japan should say no.'],
  ['oppose', 'Bad news for Japan.'],
  ['oppose', 'This is a huge mistake.'],
  ['oppose', "Don't do it."],
  ['oppose', 'This will never work.'],
  ['oppose', 'Not a good idea.'],
  ['oppose', "I don't support this at all."],
  ['oppose', 'Oh great, more missiles. Just what the region needs.'],
  ['oppose', 'This deal is bad for both countries.'],
  ['oppose', 'Japan should never agree to this.'],
  ['oppose', 'Who thought this was a smart move?'],
  ['oppose', 'This will only make things worse.'],
  ['question', 'When will the talks start?'],
  ['question', 'How much will this cost Japan?'],
  ['question', 'Which shipyards will do the repairs?'],
  ['question', 'Does anyone know if South Korea is involved?'],
  ['question', 'Is this deal already signed?'],
  ['question', 'What does the ambassador mean by industrial cooperation?'],
  ['question', 'Will the missiles be made in Japan or the US?'],
  ['question', 'Who will pay for the naval repairs?'],
  ['question', 'Has the Japanese parliament approved this?'],
  ['question', 'How long will the talks last?'],
  ['question', 'Where can I read the full agreement?'],
  ['question', 'Is there a timeline for the first missiles?'],
  ['question', 'What kind of missiles are they talking about?'],
  ['question', 'Are other countries part of these talks?'],
  ['question', 'Can someone explain what DICAS stands for?'],
  ['question', 'Do we know which companies will take part?'],
  ['neutral', 'The talks were held in Tokyo.'],
  ['neutral', 'I read this on the train this morning.'],
  ['neutral', 'My brother works at a shipyard in Sasebo.'],
  ['neutral', 'The ambassador spoke to reporters on Sunday.'],
  ['neutral', 'There was a similar story last year.'],
  ['neutral', 'The article was updated an hour ago.'],
  ["neutral", "I'm not sure what to think about this yet."],
  ['neutral', 'The meeting lasted two hours.'],
  ['neutral', 'Japan already builds some parts for US jets.'],
  ['neutral', 'The photo shows a US carrier in port.'],
  ['neutral', 'My grandfather served in the navy.'],
  ['neutral', "It could go either way, we'll see."],
  ['neutral', 'The talks follow a meeting between the two leaders in April.'],
  ['neutral', 'Reuters reported this first.'],
  ['neutral', 'I live near the base in Yokosuka.'],
  ['neutral', "It's raining in Tokyo today."],
];

// BACKLOG — known failures (label we want -> label we get), at most MAX_BACKLOG of NEWS_GOLD.
// Before the opinion layer 17 of 64 failed; with it these 5 remain:
//   support -> oppose: the judged thing comes after the judgement ("wrong with this plan"); the
//     layer only reads "reference, then judgement", and "wrong" is a disagree marker to the model.
//   neutral -> support/oppose (4): plain facts the base model reads as stances (learned wording
//     such as "The", or words shared with the article); the layer adds nothing there, it cannot
//     take a stance away.
const NEWS_BACKLOG: string[] = [
  "I can't see anything wrong with this plan.",
  'My brother works at a shipyard in Sasebo.',
  'The ambassador spoke to reporters on Sunday.',
  'The photo shows a US carrier in port.',
  'My grandfather served in the navy.',
];
const MAX_BACKLOG = 10;

describe('news gold set', () => {
  test('balanced, and the backlog stays a small fixed share', () => {
    for (const s of ['support', 'oppose', 'neutral', 'question'] as const) expect(NEWS_GOLD.filter(([l]) => l === s).length).toBe(16);
    expect(NEWS_BACKLOG.length).toBeLessThanOrEqual(MAX_BACKLOG);
    for (const b of NEWS_BACKLOG) expect(NEWS_GOLD.some(([, t]) => t === b)).toBe(true);
  });
  test.each(NEWS_GOLD)('%s: %s', (want, text) => {
    const got = engine.classify(ctx, text);
    expect(got.cues.length).toBeGreaterThan(0);
    // A backlog entry must still fail: when it starts passing, move it out of the backlog.
    if (NEWS_BACKLOG.includes(text)) expect(got.label).not.toBe(want);
    else expect(got.label).toBe(want);
  });
});
