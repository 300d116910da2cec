// The sentence encoder: texts in, 512-d unit vectors out (Universal Sentence Encoder Lite), in
// batches; repeated texts (the article, a parent answered many times) are embedded once.
import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import { EmbeddingCache } from './cache';
import { graphFromFiles, type EncoderFiles } from './load';
import { Pieces } from './tokenizer';

export const DIM = 512;
export const BATCH = 32;

export class Encoder {
  readonly cache = new EmbeddingCache(4096);
  private constructor(private readonly graph: GraphModel, readonly pieces: Pieces) {}

  static async fromFiles(files: EncoderFiles, maxTokens?: number): Promise<Encoder> {
    return new Encoder(await graphFromFiles(files), new Pieces(files.vocab, maxTokens));
  }

  /** One batch through the graph (no cache). Empty texts give the embedding of no tokens. */
  async embedBatch(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const ids = texts.map((t) => this.pieces.encode(t));
    const n = ids.reduce((s, a) => s + a.length, 0);
    const indices = new Int32Array(n * 2);
    const values = new Int32Array(n);
    let k = 0;
    ids.forEach((a, i) => a.forEach((id, j) => { indices[2 * k] = i; indices[2 * k + 1] = j; values[k++] = id; }));
    const inputs = { indices: tf.tensor2d(indices, [n, 2], 'int32'), values: tf.tensor1d(values, 'int32') };
    try {
      const out = (await this.graph.executeAsync(inputs)) as tf.Tensor;
      const data = (await out.data()) as Float32Array;
      out.dispose();
      const rows = out.shape[0]!;
      if (rows !== texts.length || out.shape[1] !== DIM) throw new Error(`encoder: unexpected output shape ${out.shape.join('x')}`);
      return texts.map((_, i) => data.slice(i * DIM, (i + 1) * DIM));
    } finally {
      inputs.indices.dispose();
      inputs.values.dispose();
    }
  }

  /** Embeddings of many texts, BATCH at a time, cached by text; onBatch reports progress. */
  async embed(texts: readonly string[], onBatch?: (done: number, total: number) => void): Promise<Float32Array[]> {
    const got = new Map<string, Float32Array>();
    for (const t of texts) {
      const v = got.has(t) ? undefined : this.cache.get(t);
      if (v) got.set(t, v);
    }
    const todo = [...new Set(texts.filter((t) => !got.has(t)))];
    for (let i = 0; i < todo.length; i += BATCH) {
      const batch = todo.slice(i, i + BATCH);
      const vs = await this.embedBatch(batch);
      batch.forEach((t, j) => { this.cache.set(t, vs[j]!); got.set(t, vs[j]!); });
      onBatch?.(Math.min(i + BATCH, todo.length), todo.length);
    }
    return texts.map((t) => got.get(t)!);
  }
}
