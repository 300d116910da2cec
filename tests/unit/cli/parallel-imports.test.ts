// The build step that starts a dynamic import's dependencies beside it, and points crxjs's loader
// past the entry facade (scripts/lib/parallel-imports.ts; vite.config.ts runs it).
import { expect, test } from 'vitest';
import { directLoader, parallelDynamicImports, type ChunkFacts } from '../../../scripts/lib/parallel-imports';

const chunks: Record<string, ChunkFacts> = {
  'assets/content-A.js': { code: 'import{t as n}from"./names-N.js";let go=()=>import(`./run-R.js`).then(m=>m.start());export{go as t}', imports: ['assets/names-N.js'] },
  'assets/names-N.js': { code: 'export const t=1', imports: [] },
  'assets/run-R.js': { code: 'import"./i18n-I.js";import"./names-N.js";import"./polyfill-P.js";', imports: ['assets/i18n-I.js', 'assets/names-N.js', 'assets/polyfill-P.js'] },
  'assets/i18n-I.js': { code: 'import"./strings-S.js";', imports: ['assets/strings-S.js'] },
  'assets/strings-S.js': { code: '', imports: [] },
  'assets/polyfill-P.js': { code: '', imports: [] },
  'assets/src-content-index.ts-F.js': { code: 'export{t as onExecute}from"./content-A.js";', imports: ['assets/content-A.js'] },
};

test("a dynamic import's dependencies, all levels deep, load beside it; what the importer has already is not asked again", () => {
  const out = parallelDynamicImports(chunks);
  expect(Object.keys(out)).toEqual(['assets/content-A.js']);
  const code = out['assets/content-A.js']!;
  // names-N is a static import of content-A: in memory already
  expect(code).toContain('(import(`./i18n-I.js`).catch(()=>{}),import(`./polyfill-P.js`).catch(()=>{}),import(`./strings-S.js`).catch(()=>{}),import(`./run-R.js`))');
  expect(code).not.toContain('import(`./names-N.js`)');
  // still the run chunk's namespace that .then receives
  expect(code).toContain('),import(`./run-R.js`)).then(m=>m.start())');
});

test('imports of files outside the bundle, and chunks without new dependencies, are left as they are', () => {
  const own: Record<string, ChunkFacts> = {
    'assets/a.js': { code: 'import("./b.js");import("./elsewhere.js");import(x)', imports: [] },
    'assets/b.js': { code: '', imports: [] },
  };
  expect(parallelDynamicImports(own)).toEqual({});
});

test('the loader imports the chunk behind a facade entry with its imports beside it, and takes onExecute under its chunk name', () => {
  const loader = `(function () {
  'use strict';
  const injectTime = performance.now();
  (async () => {
    const { onExecute } = await import(
      /* @vite-ignore */
      chrome.runtime.getURL("assets/src-content-index.ts-F.js")
    );
    onExecute?.({ perf: { injectTime, loadTime: performance.now() - injectTime } });
  })().catch(console.error);
})();`;
  const out = directLoader(loader, chunks)!;
  expect(out).toContain('import(chrome.runtime.getURL("assets/names-N.js")).catch(() => {});');
  expect(out).toContain('const { t: onExecute } = await import(chrome.runtime.getURL("assets/content-A.js"));');
  expect(out).toContain('onExecute?.({ perf');
  expect(out).not.toContain('src-content-index');
  // an entry with code of its own is not a facade: the loader imports it, with its imports beside it
  const notFacade = { ...chunks, 'assets/src-content-index.ts-F.js': { code: 'console.log(1);export{t as onExecute}from"./content-A.js";', imports: ['assets/content-A.js'] } };
  const own = directLoader(loader, notFacade)!;
  expect(own).toContain('const { onExecute: onExecute } = await import(chrome.runtime.getURL("assets/src-content-index.ts-F.js"));');
  expect(own).toContain('import(chrome.runtime.getURL("assets/content-A.js")).catch(() => {}); import(chrome.runtime.getURL("assets/names-N.js")).catch(() => {});');
  // nothing to gain: an entry without imports
  expect(directLoader(loader, { 'assets/src-content-index.ts-F.js': { code: 'export const onExecute=()=>{}', imports: [] } })).toBeNull();
  expect(directLoader('(function(){})()', chunks)).toBeNull();
});
