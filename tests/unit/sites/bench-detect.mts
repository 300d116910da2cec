// Dev aid (not a test): detectPage's median time per fixture in real Chromium, page scripts off,
// every network request aborted; one extractPage, and the median re-read by extractComments. Usage: npx tsx tests/unit/sites/bench-detect.mts [chromium path]
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { readFileSync } from 'node:fs';

const index = JSON.parse(readFileSync('tests/fixtures/index.json', 'utf8'));
const bundle = await build({
  stdin: { contents: "import { detectPage, extractPage, extractComments } from './src/sites/registry'; Object.assign(window, { __cl: { detectPage, extractPage, extractComments } });", resolveDir: process.cwd(), loader: 'ts' },
  bundle: true, write: false, format: 'iife', target: 'es2022',
});
const code = bundle.outputFiles[0]!.text;
const browser = await puppeteer.launch({ executablePath: process.argv[2] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new'] });
const page = await browser.newPage();
await page.setJavaScriptEnabled(false);
await page.setRequestInterception(true);
page.on('request', (r) => (r.url().startsWith('data:') ? r.continue() : r.abort()));
for (const p of index) {
  const html = readFileSync(`tests/fixtures/${p.category}/${p.slug}.html`, 'utf8');
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  const r = await page.evaluate(`(() => { ${code}; const t = []; let id = null;
    for (let i = 0; i < 60; i++) { const s = performance.now(); const a = window.__cl.detectPage(document); t.push(performance.now() - s); id = a && a.id; }
    t.sort((a, b) => a - b);
    const a = window.__cl.detectPage(document);
    const s = performance.now(); const ex = window.__cl.extractPage(document, undefined, a ?? undefined); const et = performance.now() - s;
    const u = [];
    for (let i = 0; a && i < 21; i++) { const s2 = performance.now(); window.__cl.extractComments(document, a, ex.container); u.push(performance.now() - s2); }
    u.sort((x, y) => x - y);
    return { id, median: t[30], n: document.getElementsByTagName('*').length, comments: ex.page.comments.length, extract: et, reread: u[10] ?? 0 }; })()`) as { id: string | null; median: number; n: number; comments: number; extract: number; reread: number };
  console.log(`${p.category.padEnd(13)} ${p.slug.padEnd(40)} ${String(r.id).padEnd(16)} detect ${r.median.toFixed(3)} ms  extract ${r.extract.toFixed(1)} ms  re-read ${r.reread.toFixed(2)} ms  comments ${r.comments}  elements ${r.n}`);
}
await browser.close();
