// The model file format and the linear scorer. Weights ship as base64 int16 (small, no
// corpus text), decoded once; scoring is a sparse dot product per class.
import { DENSE } from './dense';
import type { Features } from './features';

export interface LinearModelData {
  classes: string[];
  hashBits: number;
  dense: string[]; // dense feature ids, checked against the code's table at load
  scale: number; // weight = int16 * scale
  // base64 little-endian int16, class-major: classes x (2^hashBits + dense); already decoded
  // when the model came as the binary file (unpackModel)
  weights: string | Int16Array;
  bias: number[];
  temperature: number; // fitted on held-out data so probabilities are calibrated-ish
}

export interface StanceModel {
  version: 1;
  stance: LinearModelData; // classes: support, oppose, neutral, question
  agreement: LinearModelData; // classes: agree, disagree, neutral (reply toward its parent)
  reply: { alpha: number }; // how strongly a reply's (dis)agreement carries the parent's stance
  /**
   * A question in rhetorical form (DESIGN.md: it carries a position) is labelled support or
   * oppose when that class has at least this probability; absent = questions stay questions.
   */
  rhetorical?: { minStance: number };
  /** how it was made: settings, cross-validated scores, and provenance (corpus and code hashes) */
  meta: Record<string, string | number | Record<string, string>>;
}

export interface LinearModel {
  classes: string[];
  hashBits: number;
  dim: number;
  w: Float32Array;
  bias: Float64Array;
  temperature: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeInt16(values: Int16Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[n & 63]! : '=');
  }
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
// Base64 digit of each character code (B64 only).
const LOOKUP = new Uint8Array(128);
for (let i = 0; i < B64.length; i++) LOOKUP[B64.charCodeAt(i)] = i;

/** The platform's own base64 decoder: Uint8Array.fromBase64 (Chromium 140+, Firefox 133+), or Node's Buffer. */
function nativeBase64(): ((s: string) => Uint8Array) | undefined {
  const fromBase64 = (Uint8Array as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (fromBase64) return (s) => fromBase64(s);
  const buffer = (globalThis as { Buffer?: { from(s: string, enc: 'base64'): Uint8Array } }).Buffer;
  return buffer ? (s) => buffer.from(s, 'base64') : undefined;
}

/** `native`: the platform's decoder, or null for the portable one (tests compare the two). */
export function decodeInt16(s: string, native: ((s: string) => Uint8Array) | null | undefined = LITTLE_ENDIAN ? nativeBase64() : undefined): Int16Array {
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const n = (s.length / 4) * 3 - pad;
  // Straight into the int16s' own buffer, two bytes little-endian per value: no second pass.
  const out = new Int16Array(n >> 1);
  const bytes = new Uint8Array(out.buffer, 0, out.length * 2);
  if (native) {
    // Native code, not a cold JS loop over a megabyte of text (~20 ms of a cold start).
    bytes.set(native(s).subarray(0, bytes.length));
    return out;
  }
  const full = bytes.length - (bytes.length % 3); // whole 3-byte groups
  let i = 0;
  let j = 0;
  for (; j < full; i += 4) {
    const v = (LOOKUP[s.charCodeAt(i)]! << 18) | (LOOKUP[s.charCodeAt(i + 1)]! << 12) | (LOOKUP[s.charCodeAt(i + 2)]! << 6) | LOOKUP[s.charCodeAt(i + 3)]!;
    bytes[j++] = v >> 16;
    bytes[j++] = (v >> 8) & 255;
    bytes[j++] = v & 255;
  }
  if (j < bytes.length) {
    const v = (LOOKUP[s.charCodeAt(i)]! << 18) | (LOOKUP[s.charCodeAt(i + 1)]! << 12) | (LOOKUP[s.charCodeAt(i + 2)]! << 6) | LOOKUP[s.charCodeAt(i + 3)]!;
    bytes[j++] = v >> 16;
    if (j < bytes.length) bytes[j++] = (v >> 8) & 255;
  }
  if (!LITTLE_ENDIAN) for (let k = 0; k < out.length; k++) out[k] = (bytes[2 * k]! | (bytes[2 * k + 1]! << 8)) << 16 >> 16;
  return out;
}
export function loadLinear(data: LinearModelData): LinearModel {
  const ids = DENSE.map((f) => f.id);
  if (data.dense.join() !== ids.join()) throw new Error('stance model: dense features do not match the code; run npm run train');
  const dim = (1 << data.hashBits) + ids.length;
  const q = typeof data.weights === 'string' ? decodeInt16(data.weights) : data.weights;
  if (q.length !== dim * data.classes.length) throw new Error(`stance model: expected ${dim * data.classes.length} weights, got ${q.length}`);
  const w = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) w[i] = q[i]! * data.scale;
  return { classes: data.classes, hashBits: data.hashBits, dim, w, bias: Float64Array.from(data.bias), temperature: data.temperature };
}

/**
 * Weight i (class-major, as in `w`) minus that feature's mean over the classes: its pull toward
 * one class over the others, for cues. Computed per lookup, for the few features a comment has:
 * a table of all of them took ~60 ms of a cold start (the CLI, a background waking), the same
 * float32 values.
 */
export function relWeight(m: LinearModel, i: number): number {
  const k = m.classes.length;
  const j = i % m.dim;
  let sum = 0;
  for (let c = 0; c < k; c++) sum += m.w[c * m.dim + j]!;
  return Math.fround(m.w[i]! - sum / k);
}

/** Raw class scores (logits) for one feature vector. */
export function logits(m: LinearModel, f: Features, out: Float64Array = new Float64Array(m.classes.length)): Float64Array {
  const H = 1 << m.hashBits;
  for (let c = 0; c < m.classes.length; c++) {
    const base = c * m.dim;
    let h = 0;
    for (const j of f.hashed) h += m.w[base + j]!;
    let z = m.bias[c]! + h * f.hashScale;
    for (let j = 0; j < f.dense.length; j++) {
      const x = f.dense[j]!;
      if (x !== 0) z += m.w[base + H + j]! * x;
    }
    out[c] = z;
  }
  return out;
}

export function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  const p = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) sum += p[i] = Math.exp((z[i]! - max) / temperature);
  for (let i = 0; i < z.length; i++) p[i] = p[i]! / sum;
  return p;
}

export function predict(m: LinearModel, f: Features): Float64Array {
  return softmax(logits(m, f), m.temperature);
}

const MAGIC = 'CLM1';

/**
 * The model as one binary file, for the extension (vite.config.ts writes it at build): "CLM1", the
 * header's byte length (uint32 LE), the header (the model as JSON, each `weights` replaced by its
 * value count), zero padding to an even offset, then each part's int16 weights, little-endian,
 * stance then agreement. Loading it is a view on the bytes: no JSON parse of a megabyte of base64,
 * no base64 decoding.
 */
export function packModel(m: StanceModel): Uint8Array {
  const parts = [decodeInt16(asText(m.stance.weights)), decodeInt16(asText(m.agreement.weights))];
  const head = new TextEncoder().encode(JSON.stringify({ ...m, stance: { ...m.stance, weights: parts[0]!.length }, agreement: { ...m.agreement, weights: parts[1]!.length } }));
  const start = 8 + head.length + ((8 + head.length) % 2);
  const out = new Uint8Array(start + 2 * (parts[0]!.length + parts[1]!.length));
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, head.length, true);
  out.set(head, 8);
  let at = start;
  for (const w of parts) {
    const dv = new DataView(out.buffer, at, w.length * 2);
    for (let i = 0; i < w.length; i++) dv.setInt16(2 * i, w[i]!, true);
    at += w.length * 2;
  }
  return out;
}

function asText(w: string | Int16Array): string {
  return typeof w === 'string' ? w : encodeInt16(w);
}

/** packModel's file read back (the weights as int16 arrays); throws on anything else. */
export function unpackModel(buf: ArrayBufferLike): StanceModel {
  const bytes = new Uint8Array(buf);
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error('stance model: not a model file');
  const headLen = new DataView(buf).getUint32(4, true);
  if (8 + headLen > bytes.length) throw new Error('stance model: truncated header');
  const m = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headLen))) as StanceModel & { stance: { weights: unknown }; agreement: { weights: unknown } };
  let at = 8 + headLen + ((8 + headLen) % 2);
  for (const part of [m.stance, m.agreement]) {
    const n = part?.weights;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || at + 2 * n > bytes.length) throw new Error('stance model: truncated weights');
    let w = new Int16Array(buf, at, n);
    if (!LITTLE_ENDIAN) w = Int16Array.from({ length: n }, (_v, i) => new DataView(buf).getInt16(at + 2 * i, true));
    part.weights = w;
    at += 2 * n;
  }
  if (at !== bytes.length) throw new Error('stance model: trailing bytes');
  return m;
}
