// The stance model as the extension loads it: one binary file (stance/model.ts packModel, written
// by vite.config.ts at build) fetched from the extension's own files, not compiled in as a
// module. Measured in Chromium (scripts/bench/first-panel.ts): the 1.4 MB module took 150-330 ms
// to load in a page, and a service worker must import statically whatever it imports, so a woken
// background answered only after that load; the JSON file fetched instead still spent ~85 ms in
// JSON.parse and ~50 ms decoding base64 in a waking service worker. The binary file is a view.
import { Engine } from '../stance/engine';
import { unpackModel, type StanceModel } from '../stance/model';
import { isNum, isObject } from './guards';

/** Where the build puts the model file, inside the extension. */
export const MODEL_FILE = 'assets/stance-model.bin';

type GetUrl = (path: string) => string;

function extensionUrl(path: string): string {
  const rt = (globalThis as { chrome?: { runtime?: { getURL?: GetUrl } } }).chrome?.runtime;
  if (!rt?.getURL) throw new Error('stance model: no extension context');
  return rt.getURL(path);
}

const isLinear = (v: unknown): boolean =>
  isObject(v) && (typeof v.weights === 'string' || v.weights instanceof Int16Array) && Array.isArray(v.classes) && Array.isArray(v.dense) && isNum(v.hashBits) && isNum(v.scale) && Array.isArray(v.bias) && isNum(v.temperature);

/** The shape Engine reads; Engine checks the rest (dense features, sizes, classes) itself. */
export function isStanceModel(v: unknown): v is StanceModel {
  return isObject(v) && v.version === 1 && isLinear(v.stance) && isLinear(v.agreement) && isObject(v.reply) && isNum(v.reply.alpha);
}

/**
 * A file of the extension's own package. Only such a file is ever fetched, never the network
 * (README, no request): any other address throws before a request is made. `what` names it in errors.
 */
export async function fetchOwnFile(href: string, what: string): Promise<Response> {
  if (!/^(chrome|moz)-extension:\/\//.test(href)) throw new Error(`${what}: ${href} is not an extension file`);
  // eslint-disable-next-line no-restricted-globals -- the extension's own packaged file, checked above
  const res = await fetch(href);
  if (!res.ok) throw new Error(`${what}: ${href} answered ${res.status}`);
  return res;
}

/** The shipped model, decoded: throws when the file is missing or is not a model. */
export async function loadShippedEngine(url: GetUrl = extensionUrl): Promise<Engine> {
  const raw = await (await fetchOwnFile(url(MODEL_FILE), 'stance model')).arrayBuffer();
  // In a Firefox content script the buffer belongs to the page's compartment, and views on it
  // are refused ("Permission denied to access property constructor"): a copy of our own.
  const data = unpackModel(raw instanceof ArrayBuffer ? raw : (structuredClone(raw) as ArrayBuffer));
  if (!isStanceModel(data)) throw new Error(`stance model: ${MODEL_FILE} is not a model file`);
  return new Engine(data);
}
