// Embeddings by text, least recently used out first: the article and the parents a thread
// answers again and again are embedded once. Keyed by a 64-bit hash of the text, so the keys
// stay small whatever the comments' length.
export function textKey(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) + (h2 >>> 13);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0') + text.length.toString(36);
}

export class EmbeddingCache {
  private readonly map = new Map<string, Float32Array>();
  constructor(readonly capacity: number) {}

  get size(): number {
    return this.map.size;
  }

  get(text: string): Float32Array | undefined {
    const k = textKey(text);
    const v = this.map.get(k);
    if (v) { this.map.delete(k); this.map.set(k, v); }
    return v;
  }

  set(text: string, v: Float32Array): void {
    const k = textKey(text);
    this.map.delete(k);
    this.map.set(k, v);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }
}
