// The stance model as the extension loads it: one binary file (stance/model.ts packModel, written
// by vite.config.ts at build) fetched from the extension's own files, not compiled in as a
// module. Measured in Chromium (scripts/bench/first-panel.ts): the 1.4 MB module took 150-330 ms
// to load in a page, and a service worker must import statically whatever it imports, so a woken
// background answered only after that load; the JSON file fetched instead still spent ~85 ms in
// JSON.parse and ~50 ms decoding base64 in a waking service worker. The binary file is a view.
import { Engine } from '../stance/engine';
import { unpackModel, type StanceModel } from '../stance/model';
import { isNum, isObject } from './guards';
import { extensionUrl, fetchModelBytes, MODEL_FILE, type GetUrl } from './own-file';

const isLinear = (v: unknown): boolean =>
  isObject(v) && (typeof v.weights === 'string' || v.weights instanceof Int16Array) && Array.isArray(v.classes) && Array.isArray(v.dense) && isNum(v.hashBits) && isNum(v.scale) && Array.isArray(v.bias) && isNum(v.temperature);

/** The shape Engine reads; Engine checks the rest (dense features, sizes, classes) itself. */
export function isStanceModel(v: unknown): v is StanceModel {
  return isObject(v) && v.version === 1 && isLinear(v.stance) && isLinear(v.agreement) && isObject(v.reply) && isNum(v.reply.alpha);
}

/**
 * The shipped model, decoded: throws when the file is missing or is not a model. `bytes` may be a
 * fetch started earlier (content/run.ts starts it beside this chunk's import).
 */
export async function loadShippedEngine(url: GetUrl = extensionUrl, bytes: Promise<ArrayBuffer> = fetchModelBytes(url)): Promise<Engine> {
  const data = unpackModel(await bytes);
  if (!isStanceModel(data)) throw new Error(`stance model: ${MODEL_FILE} is not a model file`);
  return new Engine(data);
}
