// Deterministic synthetic threads for benchmarks: varied sentences, handles, replies and lengths.
import type { Thread } from '../../src/parser/types';

/** Small seeded PRNG (mulberry32) so every run measures the same input. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENERS = ['', '', '', 'Honestly, ', 'And ', 'But ', 'So ', 'Exactly. ', 'No, ', 'Well, ', 'I think '];
const BODIES = [
  'this plan will not work and the costs will fall on ordinary taxpayers',
  'the government finally did the right thing here, long overdue',
  'does anyone know when the new rules actually take effect',
  'the article leaves out what happened in the last election',
  'why would anyone believe these promises after last time',
  'great move, the industry needs this kind of cooperation',
  'my neighbour works at the shipyard and says they are hiring',
  'what a terrible idea, it is going to make things worse',
  'I am not sure this changes much either way',
  'they should invest in schools instead of weapons',
  'this is good news for workers in both countries',
  'is there a source for the numbers quoted in the piece',
];
const CLOSERS = ['.', '!', '?', '...', '. Just my opinion.', ''];

export function makeThread(n: number, seed = 42): Thread {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const authors = Array.from({ length: Math.max(3, Math.ceil(n / 4)) }, (_, i) => `reader_${i.toString(36)}${i % 7 === 0 ? 'X' : ''}`);
  const comments = Array.from({ length: n }, (_, i) => {
    const lines = 1 + (r() < 0.2 ? Math.floor(r() * 3) : 0);
    const text = Array.from({ length: lines }, () => {
      const body = pick(BODIES);
      return pick(OPENERS) + (r() < 0.5 ? body[0]!.toUpperCase() + body.slice(1) : body) + pick(CLOSERS);
    }).join('\n');
    const mention = i > 0 && r() < 0.1 ? `@${authors[Math.floor(r() * Math.min(i, authors.length))]} ` : '';
    return { id: `c${i + 1}`, author: pick(authors), text: mention + text };
  });
  return {
    article: {
      date: '2024-06-09',
      source: 'Example Wire',
      paragraphs: [
        'The two governments agreed on Monday to expand cooperation on shipbuilding and missile production.',
        'Officials said the plan would help both defense industries cope with rising demand.',
        'Critics warned that the costs could grow and that the deal raises tensions in the region.',
      ],
    },
    comments,
  };
}
