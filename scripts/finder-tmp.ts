import { build } from 'esbuild';
import { createServer } from 'node:http';
import puppeteer from 'puppeteer-core';
import { renderBenchPage } from './bench/page';
import { EXECUTABLES } from './lib/launch';
const det = (await build({
  stdin: { contents: `import { detectPage } from './src/sites/registry'; import { rankGroups, scoreGroup } from './src/sites/finder/score'; import { findGroups } from './src/sites/finder/candidates'; import { findComments, finderSignal } from './src/sites/finder/index'; window.__d = detectPage; window.__r = rankGroups; window.__g = findGroups; window.__s = scoreGroup; window.__f = findComments; window.__sig = finderSignal;`, resolveDir: process.cwd(), loader: 'ts' },
  bundle: true, format: 'iife', write: false, target: 'es2022', logLevel: 'silent',
})).outputFiles[0]!.text;
const pages = new Map<number, string>();
for (const n of [1000, 10000]) pages.set(n, renderBenchPage(n).replace('<html', '<html data-comment-lens-adapters="off"'));
const srv = createServer((req, res) => { const n = Number(req.url!.slice(1)); res.setHeader('content-type', 'text/html'); res.end(pages.get(n)); }).listen(0, '127.0.0.1');
await new Promise((r) => srv.once('listening', r));
const port = (srv.address() as { port: number }).port;
for (const kind of ['chromium'] as const) {
  const browser = await puppeteer.launch(kind === 'chromium' ? { executablePath: EXECUTABLES.chromium, headless: true, args: ['--no-sandbox'] } : { browser: 'firefox', executablePath: EXECUTABLES.firefox, headless: true });
  const page = await browser.newPage();
  for (const n of [1000, 10000]) {
    for (let i = 0; i < 1; i++) {
      await page.goto(`http://127.0.0.1:${port}/${n}`, { waitUntil: 'load' });
      await page.evaluate(det);
      const r = await page.evaluate(`(() => { const t0 = performance.now(); const a = window.__d(document, location.href); const t1 = performance.now(); return { ms: t1 - t0, id: a && a.id, items: a ? document.querySelectorAll(a.comment).length : 0 }; })()`);
      console.log(kind, n, JSON.stringify(r));
      const r2 = await page.evaluate(`(() => { const out = {}; let t = performance.now(); const sig = window.__sig(document); out.signal = performance.now() - t; t = performance.now(); const gs = window.__g(document); out.groups = performance.now() - t; out.ngroups = gs.length;
        t = performance.now(); const slow = []; for (const g of gs) { const t1 = performance.now(); window.__s(document, g); const d = performance.now() - t1; if (d > 2) slow.push([g.key, g.members.length, Math.round(d)]); } out.scoring = performance.now() - t; out.slow = slow.slice(0, 10); out.nslow = slow.length;
        t = performance.now(); window.__r(document); out.rank = performance.now() - t; t = performance.now(); window.__f(document); out.find = performance.now() - t; return out; })()`);
      console.log(JSON.stringify(r2));
      const cdp = await page.createCDPSession();
      await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start');
      await page.evaluate('window.__f(document)');
      const { profile } = await cdp.send('Profiler.stop');
      const self = new Map<string, number>();
      const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
      const dt = profile.timeDeltas ?? [];
      (profile.samples ?? []).forEach((id, k) => { const nd = byId.get(id)!; const key = `${nd.callFrame.functionName || '(anon)'}:${nd.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[k] ?? 0) / 1000); });
      console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${k} ${v.toFixed(0)}ms`).join('\n'));
    }
  }
  await browser.close();
}
srv.close();
