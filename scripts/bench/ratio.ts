// Ours against the floor, in Chromium AND Firefox ESR, by one definition for both: the time from
// DOMContentLoaded until the page shows the result — ours: the panel ready and every comment
// marked (data-lens-stance); the floor: every comment marked. A preload script in the page watches
// each animation frame for that, so no browser-specific tracing is needed. Loads alternate
// between a browser with ours and one with the floor (the same pages, the same machine moment);
// medians and the spread are printed. `npm run bench` runs it; BENCH_RATIO_SIZES / _RUNS adjust.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { EXECUTABLES, launchWithExtension, ROOT, type BrowserKind } from '../lib/launch';
import { ourRunAt } from './floor-ext';
import { startBenchServer } from './server';
import { benchBrowsers, median } from './stats';

export interface RatioRow {
  browser: BrowserKind;
  n: number;
  ours: number[];
  floor: number[];
}

const log = (s: string): void => void process.stderr.write(`  [ratio] ${s}\n`);

// Runs in the page before its own scripts: from DOMContentLoaded, each frame checks whether the
// result is there; the time taken ends when the frame showing it has been painted.
const WATCH = `(() => {
  const done = () => {
    const items = document.querySelectorAll('li.comment');
    if (document.documentElement.hasAttribute('data-floor-done')) return true;
    const host = document.getElementById('comment-lens');
    if (!host || host.getAttribute('data-lens-state') !== 'ready') return false;
    for (const el of items) if (!el.hasAttribute('data-lens-stance')) return false;
    return true;
  };
  document.addEventListener('DOMContentLoaded', () => {
    const t0 = performance.now();
    // the frame after the one that first shows the result: by then that one has been painted
    const frame = (t) => {
      if (done()) requestAnimationFrame((t2) => (window.__benchDone = Math.max(0, t2 - t0)));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
})();`;

/** The floor for both browsers: marks every li.comment, at our run_at; Firefox needs an id. */
function floorDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'comment-lens-floor-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'Comment Lens bench floor', version: '1.0',
    browser_specific_settings: { gecko: { id: 'floor@comment-lens.example' } },
    content_scripts: [{ matches: ['http://*/*'], js: ['content.js'], run_at: ourRunAt(ROOT) }],
  }));
  writeFileSync(join(dir, 'content.js'), `document.querySelectorAll('li.comment').forEach(e => e.setAttribute('data-floor', '1'));
document.documentElement.setAttribute('data-floor-done', '1');`);
  return dir;
}

async function launchFloor(kind: BrowserKind, dir: string): Promise<Browser> {
  const browser = kind === 'chromium'
    ? await puppeteer.launch({ executablePath: EXECUTABLES.chromium, headless: true, pipe: true, enableExtensions: true, handleSIGINT: false,
      args: ['--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      defaultViewport: { width: 1280, height: 900 } })
    : await puppeteer.launch({ browser: 'firefox', executablePath: EXECUTABLES.firefox, headless: true, handleSIGINT: false,
      args: ['--remote-allow-system-access'], defaultViewport: { width: 1280, height: 900 } });
  await browser.installExtension(dir);
  return browser;
}

/** One load in a fresh tab: ms from DOMContentLoaded to the result on screen (NaN on time-out). */
async function timeLoad(browser: Browser, url: string, timeoutMs: number): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(WATCH);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await page.waitForFunction('window.__benchDone !== undefined', { timeout: timeoutMs, polling: 50 });
    return (await page.evaluate('window.__benchDone')) as number;
  } catch {
    return Number.NaN;
  } finally {
    await page.close();
  }
}

export async function runRatioBench(): Promise<RatioRow[]> {
  const sizes = (process.env.BENCH_RATIO_SIZES ?? '1000,10000').split(',').map(Number);
  const runs = Number(process.env.BENCH_RATIO_RUNS ?? 5);
  const server = await startBenchServer(ROOT, 0);
  const floor = floorDir();
  const rows: RatioRow[] = [];
  try {
    for (const kind of benchBrowsers()) {
      const ours = await launchWithExtension(kind);
      const base = await launchFloor(kind, floor);
      try {
        for (const n of sizes) {
          const url = `${server.origin}/comments/${n}.html`;
          const timeout = n >= 10_000 ? 90_000 : 30_000;
          // one unmeasured load each: the page cached by the server, the browsers' code warm
          await timeLoad(ours.browser, url, timeout);
          await timeLoad(base, url, timeout);
          const row: RatioRow = { browser: kind, n, ours: [], floor: [] };
          for (let i = 0; i < runs; i++) {
            row.ours.push(await timeLoad(ours.browser, url, timeout));
            row.floor.push(await timeLoad(base, url, timeout));
          }
          log(`${kind} ${n}: ours ${row.ours.map((x) => x.toFixed(0)).join(' ')} | floor ${row.floor.map((x) => x.toFixed(0)).join(' ')}`);
          rows.push(row);
        }
      } finally {
        await ours.close();
        await base.close();
      }
    }
  } finally {
    rmSync(floor, { recursive: true, force: true });
    await server.close();
  }
  return rows;
}

export function printRatioTable(rows: readonly RatioRow[]): void {
  console.log('\nours / floor, DOMContentLoaded -> result on screen (ms; median of the runs, [min-max]):');
  console.log('  browser    comments   ours                   floor                  ours/floor   target');
  const span = (xs: number[]): string => {
    const ok = xs.filter(Number.isFinite);
    const timedOut = xs.length - ok.length;
    return ok.length ? `${median(ok).toFixed(0)} [${Math.min(...ok).toFixed(0)}-${Math.max(...ok).toFixed(0)}]${timedOut ? ` (${timedOut} timed out)` : ''}` : 'timed out';
  };
  for (const r of rows) {
    const o = r.ours.filter(Number.isFinite);
    const f = r.floor.filter(Number.isFinite);
    const ratio = o.length && f.length ? median(o) / median(f) : Number.NaN;
    const target = r.n >= 10_000 ? (ratio <= 1.3 ? '<= 1.3: met' : '<= 1.3: NOT met') : '';
    console.log(`  ${r.browser.padEnd(9)}  ${String(r.n).padStart(8)}   ${span(r.ours).padEnd(21)}  ${span(r.floor).padEnd(21)}  ${ratio.toFixed(2).padStart(10)}   ${target}`);
  }
}
