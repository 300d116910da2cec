// The encoder in Node (CLI, eval, train, bench, tests): the files of models/use-lite read from
// disk and TF.js's WebAssembly backend, its .wasm read from node_modules. Nothing is fetched.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { Encoder } from './embed';
import type { EncoderFiles } from './load';

/**
 * models/use-lite: COMMENT_LENS_MODELS if set, else the nearest folder holding it above this file
 * (src/stance/encoder when run from source, or wherever a bundled CLI lives inside the repository).
 */
function findModelDir(): string {
  if (process.env.COMMENT_LENS_MODELS) return path.join(process.env.COMMENT_LENS_MODELS, 'use-lite');
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'models/use-lite');
    if (existsSync(path.join(candidate, 'model.json'))) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../models/use-lite');
}
export const MODEL_DIR = findModelDir();

export async function readEncoderFiles(dir = MODEL_DIR): Promise<EncoderFiles> {
  const model = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')) as EncoderFiles['model'];
  const paths = model.weightsManifest.flatMap((g) => g.paths);
  const parts = await Promise.all(paths.map((p) => readFile(path.join(dir, p))));
  const all = Buffer.concat(parts);
  const vocab = JSON.parse(await readFile(path.join(dir, 'vocab.json'), 'utf8')) as EncoderFiles['vocab'];
  return { model, weights: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength), vocab };
}

export function encoderAvailable(dir = MODEL_DIR): boolean {
  return existsSync(path.join(dir, 'model.json')) && existsSync(path.join(dir, 'weights.bin'));
}

let backend: Promise<void> | undefined;
/** The wasm backend (SIMD when the runtime has it), once per process. */
export function useBackend(name = process.env.COMMENT_LENS_TF_BACKEND ?? 'wasm'): Promise<void> {
  return (backend ??= (async () => {
    if (name === 'wasm') {
      // The .wasm files from the installed package, by file path (Node reads them from disk): also
      // right when this code is bundled away from node_modules.
      const wasm = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
      setWasmPaths(path.dirname(wasm) + path.sep);
    }
    const ok = await tf.setBackend(name);
    if (!ok) throw new Error(`encoder: the TF.js ${name} backend did not start`);
    await tf.ready();
  })());
}

let shared: Promise<Encoder> | undefined;
export function loadNodeEncoder(dir = MODEL_DIR): Promise<Encoder> {
  return (shared ??= (async () => {
    await useBackend();
    return Encoder.fromFiles(await readEncoderFiles(dir));
  })());
}
