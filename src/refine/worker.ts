// The encoder's worker (a module Worker of an extension page: Chromium's offscreen document,
// Firefox's event page): TF.js on its WebAssembly backend, the sentence encoder and the refined
// pass's head, and the job logic of host.ts. Every file comes from the extension's own package,
// by its own origin; nothing else is fetched. Messages: HostInbound in, HostOutbound out.
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import headData from '../stance/data/refine-head.json';
import type { HeadData } from '../stance/encoder/head';
import { Encoder } from '../stance/encoder/embed';
import type { EncoderFiles } from '../stance/encoder/load';
import { Refiner } from '../stance/refine';
import { loadShippedEngine } from '../shared/model-file';
import { fetchOwnFile } from '../shared/own-file';
import { isHostInbound, type HostOutbound } from '../shared/refine-messages';
import { ENCODER_DIR, WASM_DIR } from './files';
import { RefineHost, type RefinePass } from './host';

const scope = self as unknown as {
  location: Location;
  postMessage(m: unknown): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
};

/** a file of the extension's own package: the worker runs at its origin */
const own = (path: string): string => new URL(`/${path}`, scope.location.origin).href;

const ownFile = (path: string): Promise<Response> => fetchOwnFile(own(path), 'refine');

async function load(): Promise<RefinePass> {
  const t0 = performance.now();
  // No threads: they need SharedArrayBuffer (a cross-origin-isolated page), and the threaded build is not shipped.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths(own(WASM_DIR));
  if (!(await tf.setBackend('wasm'))) throw new Error('refine: the TF.js wasm backend did not start');
  await tf.ready();
  const [engine, model, weights, vocab] = await Promise.all([
    loadShippedEngine(own),
    ownFile(`${ENCODER_DIR}model.json`).then((r) => r.json() as Promise<EncoderFiles['model']>),
    ownFile(`${ENCODER_DIR}weights.bin`).then((r) => r.arrayBuffer()),
    ownFile(`${ENCODER_DIR}vocab.json`).then((r) => r.json() as Promise<EncoderFiles['vocab']>),
  ]);
  const encoder = await Encoder.fromFiles({ model, weights, vocab });
  console.info(`[Comment Lens] refined pass loaded in ${Math.round(performance.now() - t0)} ms`);
  return { refiner: new Refiner(engine, headData as unknown as HeadData), embed: (texts) => encoder.embed(texts) };
}

const host = new RefineHost(load, (out: HostOutbound) => scope.postMessage(out));
// How many jobs wait or run, for the end-to-end tests through the DevTools protocol (a worker's
// global: no page can reach it).
(scope as { lensPendingJobs?: () => number }).lensPendingJobs = () => host.pending;

scope.addEventListener('message', (e: MessageEvent) => {
  if (isHostInbound(e.data)) host.receive(e.data);
});
