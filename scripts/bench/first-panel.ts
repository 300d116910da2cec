// The first panel on a small page (the seed demo, nine comments), with a warm and with a COLD
// background, in Chromium and Firefox ESR: the extension's marks relative to our content script's
// true start ("start": when crxjs's loader was injected; "detected" where absent), medians over
// the runs. Cold: Chromium's service worker is stopped through the DevTools protocol before the
// load; Firefox's event page is left to suspend (its idle timeout set to 1 s for this browser).
// `npm run bench` runs it; BENCH_FIRST_RUNS adjusts.
import type { Page } from 'puppeteer-core';
import { launchWithExtension, type BrowserKind, type LensBrowser } from '../lib/launch';
import { waitForPanel } from '../lib/panel';
import { readTiming } from '../lib/timing';
import { startDemoServer } from '../demo/server';
import { benchBrowsers, median } from './stats';

export interface FirstPanelRow {
  browser: BrowserKind;
  background: 'cold' | 'warm';
  /** per run: mark name -> ms after "start" (the loader's injection; "detected" where absent) */
  runs: Array<Record<string, number>>;
}

const log = (s: string): void => void process.stderr.write(`  [first-panel] ${s}\n`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Stops the extension's background, so the next page finds it asleep. */
export async function putToSleep(lens: LensBrowser): Promise<void> {
  if (lens.kind === 'firefox') {
    await sleep(2_500); // idle timeout 1 s (pref below), then suspended
    return;
  }
  const cdp = await lens.browser.target().createCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  for (const t of targetInfos) {
    if (t.type === 'service_worker' && t.url.startsWith(lens.extensionOrigin)) await cdp.send('Target.closeTarget', { targetId: t.targetId }).catch(() => {});
  }
  await cdp.detach();
  await sleep(300);
}

async function oneLoad(page: Page, url: string): Promise<Record<string, number>> {
  await page.goto(url, { waitUntil: 'load' });
  await waitForPanel(page, 30_000);
  // the gist comes after "ready"
  await page.waitForFunction(() => performance.getEntriesByName('comment-lens:gist').length > 0, { timeout: 10_000 }).catch(() => {});
  const { marks } = await readTiming(page);
  const t0 = marks.start ?? marks.detected ?? 0;
  return Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, v - t0]));
}

export async function runFirstPanelBench(runs = Number(process.env.BENCH_FIRST_RUNS ?? 7)): Promise<FirstPanelRow[]> {
  const server = await startDemoServer();
  const seed = server.seeds[0];
  if (!seed) throw new Error('no seed page');
  const url = server.seedUrl(seed.name);
  const rows: FirstPanelRow[] = [];
  try {
    for (const kind of benchBrowsers()) {
      const lens = await launchWithExtension(kind, { firefoxPrefs: { 'extensions.background.idle.timeout': 1000 } });
      try {
        const page = await lens.browser.newPage();
        await oneLoad(page, url); // the browser's own first-page costs are not ours
        const cold: FirstPanelRow = { browser: kind, background: 'cold', runs: [] };
        const warm: FirstPanelRow = { browser: kind, background: 'warm', runs: [] };
        for (let i = 0; i < runs; i++) {
          await putToSleep(lens);
          cold.runs.push(await oneLoad(page, url));
          warm.runs.push(await oneLoad(page, url));
          log(`${kind} run ${i + 1}/${runs}: ready ${cold.runs.at(-1)!.ready} ms cold, ${warm.runs.at(-1)!.ready} ms warm`);
        }
        rows.push(cold, warm);
      } finally {
        await lens.close();
      }
    }
  } finally {
    await server.close();
  }
  return rows;
}

const ORDER = ['start', 'detected', 'loaded', 'settings', 'extracted', 'thread', 'labels-remote', 'labels-local', 'engine-loaded', 'labelled', 'ready', 'gist'];

export function printFirstPanelTable(rows: FirstPanelRow[]): void {
  console.log('\nfirst panel on the seed page (9 comments): ms after our content script\'s start (its loader injected), medians');
  for (const r of rows) {
    const names = ORDER.filter((n) => r.runs.some((m) => n in m));
    const cells = names.map((n) => `${n} ${Math.round(median(r.runs.filter((m) => n in m).map((m) => m[n]!)))}`);
    const ready = r.runs.map((m) => m.ready ?? NaN).sort((a, b) => a - b);
    console.log(`  ${r.browser.padEnd(8)} ${r.background} background: ${cells.join(', ')}  (ready ${Math.round(ready[0]!)}–${Math.round(ready.at(-1)!)} ms over ${r.runs.length} runs; target ≤ 150)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) printFirstPanelTable(await runFirstPanelBench());
