// Embeddings of the labelled sets, kept OUTSIDE the repository (default ../cache/embeddings beside it,
// or COMMENT_LENS_EMBED_CACHE), keyed by text hash, under a folder named for the shipped
// weights and the token limit, so a changed model never reads stale vectors. Append-only:
// keys.txt (one key a line) and vectors.f32 (512 float32 a key, same order); an interrupted run
// keeps every whole batch it finished. Training, eval and bench read it; nothing here ships.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { textKey } from './cache';
import { DIM, type Encoder } from './embed';
import { MAX_TOKENS } from './tokenizer';
import { MODEL_DIR } from './node';

export function defaultCacheDir(modelDir = MODEL_DIR): string {
  const prov = JSON.parse(readFileSync(path.join(modelDir, 'PROVENANCE.json'), 'utf8')) as { output: Record<string, string> };
  // beside the repository, like ../shared: src/stance/encoder -> the repository's parent folder
  const root = process.env.COMMENT_LENS_EMBED_CACHE ?? fileURLToPath(new URL('../../../../cache/embeddings', import.meta.url));
  return path.join(root, `use-lite-${prov.output['weights.bin']!.slice(0, 12)}-t${MAX_TOKENS}`);
}

export class DiskCache {
  private readonly map = new Map<string, Float32Array>();
  private constructor(readonly dir: string) {}

  static open(dir = defaultCacheDir()): DiskCache {
    const c = new DiskCache(dir);
    mkdirSync(dir, { recursive: true });
    const kf = path.join(dir, 'keys.txt');
    const vf = path.join(dir, 'vectors.f32');
    if (existsSync(kf) && existsSync(vf)) {
      const keys = readFileSync(kf, 'utf8').split('\n').filter(Boolean);
      const buf = readFileSync(vf);
      const n = Math.min(keys.length, Math.floor(buf.length / (DIM * 4)));
      const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + n * DIM * 4));
      for (let i = 0; i < n; i++) c.map.set(keys[i]!, all.subarray(i * DIM, (i + 1) * DIM));
    }
    return c;
  }

  get size(): number {
    return this.map.size;
  }

  get(text: string): Float32Array | undefined {
    return this.map.get(textKey(text));
  }

  /** Embeds the texts not yet cached, batch by batch, appending each batch to disk. */
  async fill(encoder: Encoder, texts: readonly string[], onProgress?: (done: number, total: number, perSec: number) => void): Promise<void> {
    const todo = [...new Set(texts)].filter((t) => !this.map.has(textKey(t)));
    const t0 = performance.now();
    const B = 32;
    for (let i = 0; i < todo.length; i += B) {
      const batch = todo.slice(i, i + B);
      const vs = await encoder.embedBatch(batch);
      const keys = batch.map(textKey);
      const bytes = new Float32Array(batch.length * DIM);
      vs.forEach((v, j) => bytes.set(v, j * DIM));
      // vectors first: a crash between the two writes leaves a vector without a key, never the reverse
      appendFileSync(path.join(this.dir, 'vectors.f32'), new Uint8Array(bytes.buffer));
      appendFileSync(path.join(this.dir, 'keys.txt'), keys.join('\n') + '\n');
      keys.forEach((k, j) => this.map.set(k, vs[j]!));
      const done = Math.min(i + B, todo.length);
      onProgress?.(done, todo.length, done / ((performance.now() - t0) / 1000));
    }
  }
}
