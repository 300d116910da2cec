// The refined pass (sentence encoder + head) on its own terms: every label says it is refined and
// why, replies still inherit from a parent that took a side, a thread is refined in the order asked
// and stops when told, and the hand-written gold set of gold.test.ts mostly reads right.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Stance, StanceLabel, Thread } from '../../../src/parser/types';
import { StanceEngine, labelThread } from '../../../src/stance/index';
import { cosine, discussionKind, personalVoice, productOf, similarities, stackKind, withAbsent, withRelation } from '../../../src/stance/encoder/head';
import { loadRefined, REFINE_HEAD, type RefinedPass } from '../../../src/stance/refined-node';
import { articleText, Refiner } from '../../../src/stance/refine';
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
  // gets 9 of 33 here (it learned stance from topics, quoted comments and rumours), the product 28
  // (29 with stop 22's head, whose fit was Adam's last step and swung with one step more; the fit
  // is now tail-averaged, dense-logreg.ts); the fast pass, built around
  // these, all 33. This guards against it getting worse.
  test('the gold set: at least 28 of 33 right (the fast pass: all 33)', () => {
    const wrong = GOLD.flatMap(([want, text], i) => (labels[i]!.label === want ? [] : [`${want} -> ${labels[i]!.label}: ${text}`]));
    expect(GOLD.length - wrong.length, wrong.join('\n')).toBeGreaterThanOrEqual(28);
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

describe('a comment with no text', () => {
  // The encoder would read the empty string's embedding, and the head would claim a side for it
  // ("the sentence encoder reads the comment's meaning as oppose"): the fast label stands instead.
  test('keeps the fast label, alone and among others, and does not lean its discussion', async () => {
    const post = 'BREAKING: the bridge on route 9 has collapsed, police say.';
    const ctx = engine.prepare(post);
    const texts = ['', 'This is fake, the bridge is fine.', 'Fake news. No such thing happened.', 'Wow, I drive over that bridge every day.'];
    const [blank, ...vs] = await pass.embed([...texts, post]);
    const a = vs.pop()!;
    const line = (i: number) => ({ ctx, text: texts[i]!, u: i === 0 ? blank! : vs[i - 1]!, a, discussion: post });
    for (const text of ['', ' \n\t']) {
      const got = pass.refiner.classify({ ...line(0), text });
      expect(got).toEqual(engine.classify(ctx, text));
      expect(got.pass).toBeUndefined();
      expect(got.cues.map((c) => c.rule)).not.toContain('sentence-encoder');
    }
    const withBlank = pass.refiner.classifyAll([0, 1, 2, 3].map(line));
    expect(withBlank[0]).toEqual(engine.classify(ctx, ''));
    expect(withBlank.slice(1)).toEqual(pass.refiner.classifyAll([1, 2, 3].map(line)));
  });

  test('a comment answering no text (no article found, no parent) keeps the fast label; a thread without an article is not embedded', async () => {
    const text = 'hello there';
    const [u, a] = await pass.embed([text, '']);
    for (const article of ['', { title: ' ', paragraphs: ['', '\n'] }]) {
      const ctx = engine.prepare(article);
      expect(pass.refiner.classify({ ctx, text, u: u!, a: a! })).toEqual(engine.classify(ctx, text));
      expect(pass.refiner.classifyAll([{ ctx, text, u: u!, a: a!, discussion: '' }])).toEqual([engine.classify(ctx, text)]);
    }
    const t: Thread = { article: { title: '', paragraphs: [] }, comments: [{ id: 'c', author: 'x', text: 'Good move.' }] };
    const fast = labelThread(t, engine);
    let embedded = 0;
    const out = await pass.refiner.refineThread(t, fast, async (texts) => { embedded += texts.length; return pass.embed(texts); });
    expect(out).toEqual(fast);
    expect(embedded).toBe(0);
  });
});

describe('the relation layer: a reply to someone speaking as a person', () => {
  test('personalVoice: first or second person, "us" only in lower case', () => {
    for (const t of ['I think masks work.', "You're wrong about this", 'My kid wears one', 'We should all stay home.', 'Trust us, it works', 'I’m done']) expect(personalVoice(t), t).toBe(true);
    for (const t of ['BREAKING: the mayor has resigned, sources say.', 'US troops leave the base', 'Is it true that the Queen backs Brexit?', 'Italian minister denies the report', 'imaginary youth in Usbekistan']) expect(personalVoice(t), t).toBe(false);
  });

  test('withRelation pools support / oppose / neutral, keeps the question\'s probability; mix 0 is the pass, 1 the layer', () => {
    const p = [0.5, 0.2, 0.2, 0.1];
    const r = [0.1, 0.8, 0.1];
    const sum = (x: ArrayLike<number>): number => Array.from(x).reduce((a, v) => a + v, 0);
    for (const mix of [0, 0.5, 1]) {
      const q = withRelation(p, r, mix);
      expect(sum(q)).toBeCloseTo(1, 9);
      expect(q[3]).toBeCloseTo(0.1, 9);
    }
    expect(Array.from(withRelation(p, r, 0))).toEqual(p.map((v) => expect.closeTo(v, 9)));
    expect(Array.from(withRelation(p, r, 1)).slice(0, 3)).toEqual(r.map((v) => expect.closeTo(v * 0.9, 9)));
    expect(withRelation(p, r, 0.75)[1]!).toBeGreaterThan(withRelation(p, r, 0.75)[0]!);
  });

  test('read only in the post kind, where the text answered speaks as a person; it moves the probabilities and names itself when it agrees with the label', async () => {
    expect(pass.refiner.head.relation?.mix).toBeGreaterThan(0);
    const quote = 'I think you should wear a mask on the bus, it protects everyone.';
    const reply = 'You are completely right, I wear mine every day.';
    const report = 'Masks will be required on all buses from Monday, the city said.';
    const [u, aq, ar, an] = await pass.embed([reply, quote, report, articleText(article)]);
    const viaQuote = pass.refiner.direct(engine.prepare(quote), reply, u!, aq!);
    expect(stackKind(engine.prepare(quote))).toBe('post');
    expect(viaQuote.rel).not.toBeNull();
    // without the layer, the same reply reads otherwise
    const data = structuredClone(REFINE_HEAD);
    delete data.relation;
    expect([...new Refiner(engine, data).direct(engine.prepare(quote), reply, u!, aq!).p]).not.toEqual([...viaQuote.p]);
    // a report, a news page, a reply to a reply: not read
    expect(pass.refiner.direct(engine.prepare(report), reply, u!, ar!).rel).toBeNull();
    expect(pass.refiner.direct(engine.prepare(article), reply, u!, an!).rel).toBeNull();
    expect(pass.refiner.direct(engine.prepare(quote), reply, u!, aq!, 'Some other comment.', u!).rel).toBeNull();
    const label = pass.refiner.classify({ ctx: engine.prepare(quote), text: reply, u: u!, a: aq! });
    expect(label.label).toBe('support');
    expect(label.cues.map((c) => c.rule)).toContain('reply-relation');
    expect(label.cues.find((c) => c.rule === 'reply-relation')!.reason).toMatch(/agreeing with it/);
  });
});

describe('reading a reply against its parent (the similarity inputs)', () => {
  test('cosine and the two similarities: a direct reply is no closer to a parent than to the article', () => {
    expect(cosine([1, 0], [1, 0])).toBeCloseTo(1, 6);
    expect(cosine([1, 0], [0, 2])).toBeCloseTo(0, 6);
    expect(cosine([1, 1], [-2, -2])).toBeCloseTo(-1, 6);
    const [sa, sp] = similarities([1, 0, 0], [1, 1, 0], [0, 0, 1]);
    expect(sa).toBeCloseTo(Math.SQRT1_2, 6);
    expect(sp).toBeCloseTo(-Math.SQRT1_2, 6); // farther from the parent than from the article
    expect(similarities([1, 0, 0], [1, 1, 0], [2, 0, 0])[1]).toBeCloseTo(1 - Math.SQRT1_2, 6);
    expect(similarities([1, 0, 0], [1, 1, 0])).toEqual([sa, 0]);
  });

  test('a short text is a bare topic only if it reads as a name; a short sentence someone said is answered as a post', () => {
    const kind = (t: Parameters<typeof engine.prepare>[0]): string => stackKind(engine.prepare(t));
    for (const t of ['nuclear power', 'gun control', 'parent religious belief', 'c.i.a']) expect(kind(t), t).toBe('topic');
    // ends as a sentence ends, or runs longer than a name (more than five words)
    for (const t of ['Good for her.', 'Is that mod 12 years old?', 'Screw him!', '"So brave."', 'That is not how it works that is not how any of this works']) expect(kind(t), t).toBe('post');
    // a news page stays news
    expect(kind(article)).toBe('news');
  });

  test('a reply to a reply under a post is its own kind (nested); under a topic or a news page it is not', () => {
    expect(stackKind(engine.prepare('Good for her.'), true)).toBe('nested');
    expect(stackKind(engine.prepare('Good for her.'), false)).toBe('post');
    expect(stackKind(engine.prepare('nuclear power'), true)).toBe('topic');
    expect(stackKind(engine.prepare(article), true)).toBe('news');
    // one discussion holds a post's direct and nested replies: both are weighed against the post's mix
    expect(discussionKind('nested')).toBe('post');
    expect(discussionKind('topic')).toBe('topic');
  });

  const post = 'BREAKING: the mayor has resigned, sources say.';
  const reply = 'Confirmed by the city council just now.';
  const parentText = 'Is there a source for this?';

  test('a post-kind reply needs its parent\'s vector; the parent changes the label\'s probabilities', async () => {
    const ctx = engine.prepare(post);
    expect(stackKind(ctx)).toBe('post');
    expect(pass.refiner.needsParentVector(ctx)).toBe(true);
    // a news page's product reads no similarity; the topic kind learned from direct replies only
    expect(pass.refiner.needsParentVector(engine.prepare(article))).toBe(false);
    expect(pass.refiner.needsParentVector(engine.prepare('nuclear power'))).toBe(false);
    const [u, a, pu, other] = await pass.embed([reply, post, parentText, 'I had sushi for lunch today.']);
    const parent = { id: 'p1', text: parentText };
    expect(() => pass.refiner.classify({ ctx, text: reply, u: u!, a: a!, parent })).toThrow(/parent comment's embedding/);
    const read = (v: Float32Array): number[] => [...pass.refiner.direct(ctx, reply, u!, a!, parent.text, v).p];
    expect(read(pu!)).not.toEqual(read(other!));
  });

  test('a nested reply is read by its own stacker; a direct reply is not; a head without one reads nested replies as the post\'s', async () => {
    const ctx = engine.prepare(post);
    expect(pass.refiner.head.stack?.kinds).toContain('nested');
    const data = structuredClone(REFINE_HEAD);
    const st = data.stack!;
    const k = st.kinds.indexOf('nested');
    for (const key of ['kinds', 'how', 'w', 'b', 'absent'] as const) (st[key] as unknown[] | undefined)?.splice(k, 1);
    const older = new Refiner(engine, data);
    const [u, a, pu] = await pass.embed([reply, post, parentText]);
    const nested = (r: Refiner): number[] => [...r.direct(ctx, reply, u!, a!, parentText, pu).p];
    const direct = (r: Refiner): number[] => [...r.direct(ctx, reply, u!, a!).p];
    expect(direct(older)).toEqual(direct(pass.refiner));
    expect(nested(older)).not.toEqual(nested(pass.refiner));
    expect(older.needsParentVector(ctx)).toBe(true); // the post's stacker reads the parent too
  });

  test('refineThread embeds a parent that comes later in the order when the kind reads it, and labels as classify with its vector', async () => {
    // A page's thread is news or a bare topic; the shipped topic stacker gives the parent no weight
    // (its rows were direct replies), so this head is the shipped one with the topic kind reading it.
    const data = structuredClone(REFINE_HEAD);
    const st = data.stack!;
    const k = st.kinds.indexOf('topic');
    const at = st.inputs.indexOf('sim-parent');
    for (let c = 0; c < 4; c++) st.w[k]![c * st.inputs.length + at] = c === 2 ? -1 : 0.5;
    const refiner = new Refiner(engine, data);
    const topic: Thread = { article: { paragraphs: ['nuclear power'] }, comments: [{ id: 'p1', author: 'a', text: parentText }, { id: 'r1', author: 'b', text: reply, parentId: 'p1' }] };
    const ctx = engine.prepare(topic.article);
    expect(stackKind(ctx)).toBe('topic');
    expect(refiner.needsParentVector(ctx)).toBe(true);
    const calls: string[][] = [];
    const embed = async (texts: string[]): Promise<Float32Array[]> => { calls.push(texts); return pass.embed(texts); };
    const fast = labelThread(topic, engine);
    const out = await refiner.refineThread(topic, fast, embed, { order: [1, 0], batch: 1 });
    // the reply's batch brought its parent along; the parent's own turn embedded nothing new
    expect(calls).toEqual([['nuclear power'], [reply, parentText]]);
    const [u, a, pu] = await pass.embed([reply, 'nuclear power', parentText]);
    expect(out[1]).toEqual(refiner.classify({ ctx, text: reply, u: u!, a: a!, parent: { id: 'p1', text: parentText, label: fast[0] }, pu: pu! }));
    // with the shipped head nothing extra is embedded
    calls.length = 0;
    await pass.refiner.refineThread(topic, fast, embed, { order: [1, 0], batch: 1 });
    expect(calls).toEqual([['nuclear power'], [reply], [parentText]]);
  });
});

describe('a class a kind never saw in training (the topic kind: no questions in VAST)', () => {
  test('withAbsent: the absent class takes the reference probability, the rest share what is left as the stacker has it', () => {
    const p = withAbsent([0, Math.log(3), 0, 50], [3], [0.1, 0.1, 0.1, 0.7]);
    expect(p[3]).toBeCloseTo(0.7, 9);
    expect(p[1]).toBeCloseTo(0.3 * 0.6, 9);
    expect(p[0]).toBeCloseTo(0.3 * 0.2, 9);
    expect(p.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 9);
    // nothing absent: a plain softmax
    const q = withAbsent([0, Math.log(3), 0, 0], undefined, [1, 0, 0, 0]);
    expect([...q].map((v) => +v.toFixed(6))).toEqual([0.166667, 0.5, 0.166667, 0.166667]);
  });

  test('productOf is the normalised product of experts', () => {
    const r = productOf([0.5, 0.5, 0, 0], [0.2, 0.6, 0.1, 0.1]);
    expect(r[0]).toBeCloseTo(0.25, 4);
    expect(r[1]).toBeCloseTo(0.75, 4);
    expect(r.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 9);
  });

  test('a question under a bare topic still reads as a question in the refined pass', async () => {
    expect(pass.refiner.head.stack?.absent?.[pass.refiner.head.stack.kinds.indexOf('topic')]).toEqual([STANCES.indexOf('question')]);
    const ctx = engine.prepare('nuclear power');
    expect(stackKind(ctx)).toBe('topic');
    for (const text of ['Is this confirmed?', 'When will the new plants open?']) {
      const [u, a] = await pass.embed([text, 'nuclear power']);
      expect(pass.refiner.classify({ ctx, text, u: u!, a: a! }).label, text).toBe('question');
    }
  });
});
