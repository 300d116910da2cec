// The one place the extension fetches: its own packaged files. Any other address must throw before
// a request is made (the product makes no network request).
import { afterEach, expect, test, vi } from 'vitest';
import { loadShippedEngine } from '../../../src/shared/model-file';
import { fetchOwnFile } from '../../../src/shared/own-file';

afterEach(() => vi.unstubAllGlobals());

test('only extension files are fetched: web, file and data addresses throw before any request', async () => {
  const fetch = vi.fn(async () => new Response('x'));
  vi.stubGlobal('fetch', fetch);
  for (const href of ['https://example.com/assets/stance-model.bin', 'http://127.0.0.1/x', 'file:///etc/passwd', 'data:,x', '//cdn.example/x', 'assets/stance-model.bin']) {
    await expect(fetchOwnFile(href, 'test'), href).rejects.toThrow(/is not an extension file/);
  }
  await expect(loadShippedEngine(() => 'https://example.com/stance-model.bin')).rejects.toThrow(/not an extension file/);
  expect(fetch).not.toHaveBeenCalled();
  await expect(fetchOwnFile('chrome-extension://abc/assets/x.bin', 'test')).resolves.toBeInstanceOf(Response);
  await expect(fetchOwnFile('moz-extension://abc/assets/x.bin', 'test')).resolves.toBeInstanceOf(Response);
  expect(fetch).toHaveBeenCalledTimes(2);
});

test('a missing file says which and how it failed', async () => {
  vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 404 })));
  await expect(fetchOwnFile('chrome-extension://abc/models/use-lite/weights.bin', 'refine')).rejects.toThrow('refine: chrome-extension://abc/models/use-lite/weights.bin answered 404');
});
