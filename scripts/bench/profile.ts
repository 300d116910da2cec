// Dev aid (not part of `npm run bench`): a CPU profile of one bench page with the built extension,
// self time summed per function. `npx tsx scripts/bench/profile.ts 10000`
import { launchWithExtension } from '../../tests/e2e/helpers/launch';
import { startBenchServer } from './server';
import { PRELOAD } from './in-page';

const n = Number(process.argv[2] ?? 1000);
const server = await startBenchServer(process.cwd(), 0);
const lens = await launchWithExtension('chromium');
try {
  const page = await lens.browser.newPage();
  const cdp = await page.createCDPSession();
  await page.evaluateOnNewDocument(PRELOAD);
  await page.goto(`${server.origin}/blank.html`);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.evaluate(`location.href = ${JSON.stringify(`${server.origin}/comments/${n}.html`)}`);
  await page.waitForFunction('window.__bench && window.__bench.paintedAt !== null', { timeout: 60_000, polling: 100 });
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const node = byId.get(id)!;
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  // inclusive time of the functions named in PROFILE_FNS (a sample counts once per function)
  const fns = (process.env.PROFILE_FNS ?? '').split(',').filter(Boolean);
  if (fns.length) {
    const parent = new Map<number, number>();
    for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
    const incl = new Map<string, number>();
    (profile.samples ?? []).forEach((id, i) => {
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const name = byId.get(n)!.callFrame.functionName;
        if (fns.includes(name) && !seen.has(name)) {
          seen.add(name);
          incl.set(name, (incl.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
        }
      }
    });
    for (const f of fns) console.log('incl', (incl.get(f) ?? 0).toFixed(1).padStart(8), f);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [k, ms] of top) console.log(ms.toFixed(1).padStart(8), k);
  console.log(await page.evaluate(`JSON.stringify(Object.fromEntries(performance.getEntriesByType('mark').map(m=>[m.name,Math.round(m.startTime - performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd)])))`));
} finally {
  await lens.close();
  await server.close();
}
