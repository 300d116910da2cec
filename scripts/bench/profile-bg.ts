// Dev aid (not part of `npm run bench`): a CPU profile of the extension's service worker while a
// bench page is labelled (after one warm-up load), self and inclusive time per function.
// `npx tsx scripts/bench/profile-bg.ts 1000`
import { launchWithExtension } from '../../tests/e2e/helpers/launch';
import { startBenchServer } from './server';
import { PRELOAD } from './in-page';

const n = Number(process.argv[2] ?? 1000);
const server = await startBenchServer(process.cwd(), 0);
const lens = await launchWithExtension('chromium');
try {
  const load = async (): Promise<void> => {
    const page = await lens.browser.newPage();
    await page.evaluateOnNewDocument(PRELOAD);
    await page.goto(`${server.origin}/comments/${n}.html`);
    await page.waitForFunction('window.__bench && window.__bench.paintedAt !== null', { timeout: 60_000, polling: 100 });
    await page.close();
  };
  await load();
  const sw = await lens.browser.waitForTarget((t) => t.type() === 'service_worker');
  const cdp = await sw.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await load();
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const key = (nid: number): string => {
      const f = byId.get(nid)!.callFrame;
      return `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    };
    const ms = (dt[i] ?? 0) / 1000;
    self.set(key(id), (self.get(key(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const k = key(x);
      if (!seen.has(k)) incl.set(k, (incl.get(k) ?? 0) + ms);
      seen.add(k);
    }
  });
  console.log('self:');
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(ms.toFixed(1).padStart(8), k);
  console.log('inclusive:');
  for (const [k, ms] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(ms.toFixed(1).padStart(8), k);
} finally {
  await lens.close();
  await server.close();
}
