// The extension's own packaged files: the only thing it ever fetches. Small on purpose: the
// content script imports it to start the stance model's fetch beside the engine chunk's import.
/** Where the build puts the model file, inside the extension. */
export const MODEL_FILE = 'assets/stance-model.bin';

export type GetUrl = (path: string) => string;

export function extensionUrl(path: string): string {
  const rt = (globalThis as { chrome?: { runtime?: { getURL?: GetUrl } } }).chrome?.runtime;
  if (!rt?.getURL) throw new Error('stance model: no extension context');
  return rt.getURL(path);
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

/** The model file's bytes (model-file.ts decodes them). */
export async function fetchModelBytes(url: GetUrl = extensionUrl): Promise<ArrayBuffer> {
  const raw: unknown = await (await fetchOwnFile(url(MODEL_FILE), 'stance model')).arrayBuffer();
  // In a Firefox content script the buffer belongs to the page's compartment, and views on it
  // are refused ("Permission denied to access property constructor"): a copy of our own.
  return raw instanceof ArrayBuffer ? raw : (structuredClone(raw) as ArrayBuffer);
}

