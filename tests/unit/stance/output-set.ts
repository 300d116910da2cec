// The deterministic, varied set behind output-hash.test.ts (also run against the engine as it
// was before the speed work, to get the expected hash): replies, three kinds of article, edge text.
import type { StanceLabel, Thread } from '../../../src/parser/types';
import type { StanceEngine } from '../../../src/stance/index';
import { makeThread, rng } from '../../../scripts/bench/generate';

const EDGE = ['', ' ', '?', '!!!', 'NOT GOOD AT ALL!!!', "I don't think this won't work", 'Why would anyone support this?',
  'http://x.y @bob #tag +1 /s', 'ÄÖÜ ß İstanbul ﬁne', 'İİİ not bad', 'no '.repeat(3000), 'I agree. '.repeat(300),
  '“quoted” ‘it’s’ fine', 'U.S. and E.U. agree?', '123 456 7.5', '\n\n\n', 'so very very good but terrible', 'Just what we needed, great...'];

export function outputs(engine: StanceEngine, labelThread: (t: Thread, e: StanceEngine) => StanceLabel[]): string {
  const out: unknown[] = [];
  for (const seed of [1, 2]) {
    const t: Thread = makeThread(1500, seed);
    const r = rng(seed * 99);
    t.comments.forEach((c, i) => { if (i > 0 && r() < 0.4) c.parentId = `c${1 + Math.floor(r() * i)}`; });
    t.comments.push(...EDGE.map((text, i) => ({ id: `e${i}`, author: 'x', text, ...(i % 2 ? { parentId: 'c1' } : {}) })));
    out.push(labelThread(t, engine));
    out.push(labelThread({ ...t, article: { title: 'Officials deny the shipyard deal', paragraphs: [] } }, engine));
    // A short post as the article (RumourEval's setting: the 'post' context), replies with parents.
    const post = engine.prepare('Officials deny the shipyard deal was signed today');
    out.push(t.comments.map((c, i) => (i % 2 ? engine.classify(post, c.text) : engine.classify(post, c.text, { id: 'p', text: t.comments[i - 1]?.text ?? '', label: (out[out.length - 1] as StanceLabel[])[i] }))));
    out.push(labelThread({ ...t, article: { paragraphs: [] } }, engine));
  }
  out.push(EDGE.map((e) => engine.agreement(e, EDGE[3]!)));
  return JSON.stringify(out);
}

