// The refined pass's own output-hash discipline (the fast pass keeps output-hash.test.ts): every
// label, confidence, cue and via of the refined pass over a small shipped input — the seed dump and
// the gold comments of gold.test.ts under their article, and short rows as `classify` reads them
// (a social post, a reply to a reply under it, a quoted comment in a person's voice, a bare topic:
// the stacker's other kinds and the relation layer) — must stay
// exactly what it was. The input needs only files in the repository (seeds/, models/use-lite, the
// shipped head). A change meant to alter refined labels (a retrained head, another encoder) updates
// EXPECTED and says why.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parseDump } from '../../../src/parser/dump';
import type { Thread } from '../../../src/parser/types';
import { StanceEngine, labelThread } from '../../../src/stance/index';
import { loadRefined } from '../../../src/stance/refined-node';
import { stackKind } from '../../../src/stance/encoder/head';

// stop 27: a row with a quoted comment in a person's voice (the relation layer); the discussion setting refitted
const EXPECTED_ROWS = '9c13e8cb51f96440ba04716218702aeb34754562dd7b629c999ba927a8f202fc';
const EXPECTED_DISCUSSIONS = 'e5faf4c9cc49e90006c4376dd2c69115045fcc9ac09fa6d902e8c0790437e96a';
// stop 27: the comment with no text keeps its fast label (only that label changed)
const EXPECTED = '170402722275ccd2985e973fd73d12ade13ad5b9373f3782165fa6f90833cf2f';

const seedDir = join(__dirname, '../../../seeds');
const seed = parseDump(readFileSync(join(seedDir, readdirSync(seedDir).find((f) => f.endsWith('.txt'))!)));
const gold: Thread = {
  article: { title: 'Japan and U.S. start talks on defense industrial cooperation', paragraphs: ['Japan and the United States kicked off talks on military industrial cooperation, including missile production and naval repairs in Japan, the U.S. ambassador said.'] },
  comments: ['Good move, long overdue.', "Don't do it Japan!", 'When do the talks start?', 'I had sushi for lunch today.', 'This is a terrible idea and will only escalate tensions.',
    'You are wrong, this is exactly what we need.', 'Why would anyone think this is a good idea?', '', 'lol', 'ÄÖÜ ß İstanbul ﬁne', 'no '.repeat(500)]
    .map((text, i) => ({ id: `g${i}`, author: 'x', text, ...(i === 5 ? { parentId: 'g4' } : {}) })),
};

test('refined labels, confidences and cues are unchanged over the seed and the gold comments', async () => {
  const engine = new StanceEngine();
  const pass = await loadRefined(engine);
  const out = [];
  for (const t of [seed, gold]) out.push(await pass.refiner.refineThread(t, labelThread(t, engine), pass.embed));
  const json = JSON.stringify(out);
  // every comment with text is refined; the one with none keeps its fast label (Refiner.fastLabel)
  const texts = [seed, gold].flatMap((t) => t.comments.map((c) => c.text));
  expect(out.flat().map((l, i) => (texts[i]!.trim() === '' ? l.pass === undefined : l.pass === 'refined')).every(Boolean)).toBe(true);
  expect(texts.filter((t) => t.trim() === '')).toHaveLength(1);
  expect(createHash('sha256').update(json).digest('hex')).toBe(EXPECTED);
});

// A page's thread is always a news page; `classify` with a short article gives the other kinds.
const ROWS: [string, string, string?][] = [
  ['BREAKING: the mayor has resigned, sources say.', 'This is fake, no credible outlet reports it.'],
  ['BREAKING: the mayor has resigned, sources say.', 'Is there a source for this?'],
  ['BREAKING: the mayor has resigned, sources say.', 'Confirmed by the city council just now.', 'Is there a source for this?'],
  ['Masks should be required on public transport during flu season.', 'No, that is an overreach and it does not work.'],
  ['Masks should be required on public transport during flu season.', 'Exactly right, it protects the vulnerable.'],
  // a quoted comment in a person's voice: the relation layer reads the reply too
  ['I think you should wear a mask on the bus, it protects everyone.', 'No, you should mind your own business.'],
  ['nuclear power', 'It is the only realistic way to cut emissions fast enough.'],
  ['nuclear power', 'Too expensive and too slow to build; renewables win.'],
];

test('refined labels of classify rows (a post, a nested reply, a quoted comment, a bare topic) are unchanged', async () => {
  const engine = new StanceEngine();
  const pass = await loadRefined(engine);
  const out = [];
  for (const [article, text, parent] of ROWS) {
    const [u, a, pu] = await pass.embed(parent ? [text, article, parent] : [text, article]);
    out.push(pass.refiner.classify({ ctx: engine.prepare(article), text, u: u!, a: a!, ...(parent ? { parent: { id: 'p', text: parent }, pu: pu! } : {}) }));
  }
  expect(new Set(ROWS.map(([article, , parent]) => stackKind(engine.prepare(article), parent !== undefined)))).toEqual(new Set(['post', 'nested', 'topic']));
  expect(createHash('sha256').update(JSON.stringify(out)).digest('hex')).toBe(EXPECTED_ROWS);
});

test('classify rows read as discussions are unchanged, and a line alone reads as classify() gives it', async () => {
  const engine = new StanceEngine();
  const pass = await loadRefined(engine);
  const ctxs = new Map<string, ReturnType<typeof engine.prepare>>();
  const inputs = [];
  for (const [article, text, parent] of ROWS) {
    const [u, a, pu] = await pass.embed(parent ? [text, article, parent] : [text, article]);
    if (!ctxs.has(article)) ctxs.set(article, engine.prepare(article));
    inputs.push({ ctx: ctxs.get(article)!, text, u: u!, a: a!, ...(parent ? { parent: { id: 'p', text: parent }, pu: pu! } : {}) });
  }
  const together = pass.refiner.classifyAll(inputs.map((x, i) => ({ ...x, discussion: ROWS[i]![0] })));
  expect(pass.refiner.head.stack?.discussion).toBeDefined();
  // without a key, or alone under its key, a line is read as classify() reads it
  const apart = pass.refiner.classifyAll(inputs);
  expect(apart).toEqual(inputs.map((x) => pass.refiner.classify(x)));
  expect(pass.refiner.classifyAll(inputs.map((x, i) => ({ ...x, discussion: String(i) })))).toEqual(apart);
  expect(together).not.toEqual(apart);
  expect(createHash('sha256').update(JSON.stringify(together)).digest('hex')).toBe(EXPECTED_DISCUSSIONS);
});
