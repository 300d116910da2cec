// Dev aid (not a test): extractPage / extractComments in real Chromium on synthetic WordPress pages.
// Usage: npx tsx tests/unit/sites/bench-extract-chromium.mts [tree root, default .] [sizes 1000,10000]
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { syntheticPage } from './synthetic';
const root = process.argv[2] ?? process.cwd();
const sizes = (process.argv[3] ?? '1000,10000').split(',').map(Number);
const bundle = await build({
  stdin: { contents: `import { detectPage, extractPage, extractComments } from '${root}/src/sites/registry'; import { extractArticle } from '${root}/src/sites/article'; Object.assign(window, { __cl: { detectPage, extractPage, extractComments, extractArticle } });`, resolveDir: process.cwd(), loader: 'ts' },
  bundle: true, write: false, format: 'iife', target: 'es2022',
});
const code = bundle.outputFiles[0]!.text;
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new'] });
const page = await browser.newPage();
for (const shape of ['flat', 'nested'] as const) for (const n of sizes) {
  await page.setContent(syntheticPage(n, shape), { waitUntil: 'domcontentloaded' });
  const r = await page.evaluate(`(() => { ${code}; const a = window.__cl.detectPage(document);
    let s = performance.now(); const ex = window.__cl.extractPage(document, undefined, a); const e = performance.now() - s;
    s = performance.now(); const c = window.__cl.extractComments(document, a, ex.container); const re = performance.now() - s;
    s = performance.now(); window.__cl.extractArticle(document, [ex.container, ...ex.elements]); const art = performance.now() - s;
    return [e, re, ex.page.comments.length, c.comments.length, art]; })()`, ) as number[];
  console.log(`${shape} n=${n} extractPage ${r[0]!.toFixed(0)} ms  extractComments ${r[1]!.toFixed(0)} ms  comments ${r[2]}/${r[3]}  (article alone ${r[4]!.toFixed(0)} ms)`);
}
await browser.close();
