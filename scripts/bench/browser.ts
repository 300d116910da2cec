// The browser half of `npm run bench`: headless Debian Chromium, one launch, three phases —
// 1. the BUILT extension (dist/chromium) on the comment pages and the no-comments fixtures,
// 2. the FLOOR extension instead (same pages), plus Readability's parse of each page,
// 3. no extension: each comment page alone (its own first paint and long tasks), the fixtures'
//    baseline script time, our detector timed in the page, Readability.
// Each size also gets one traced load with ours and one without: who made each long task.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'puppeteer-core';
import { launchWithExtension, ROOT } from '../lib/launch';
import { writeFloorExtension } from './floor-ext';
import { measureLoad, withPage, type LoadResult } from './page-run';
import type { TaskBreakdown } from './trace';
import { startBenchServer } from './server';
import { TIME_DETECTOR, TIME_READABILITY } from './in-page';
import { median } from './stats';

export const SIZES: number[] = process.env.BENCH_SIZES
  ? process.env.BENCH_SIZES.split(',').map(Number) // e.g. BENCH_SIZES=100,1000 for a quick look
  : [100, 1_000, 10_000, 50_000];

export interface SizeResult {
  n: number;
  ours: LoadResult[];
  floor: LoadResult[];
  /** no extension: the page's own first paint after DCL */
  page: LoadResult[];
  readabilityMs: number[];
  tracedOurs?: TaskBreakdown;
  tracedPage?: TaskBreakdown;
}
export interface FixtureResult {
  name: string;
  scriptMsWith: number;
  scriptMsWithout: number;
  /** with the floor extension instead: what any content script at all costs the page */
  scriptMsFloor: number;
  detectorColdMs: number;
  detectorWarmMs: number;
  detectorFound: string | null;
  /** our extension marked comment-lens:detected here (a false positive) */
  markedDetected: boolean;
  readabilityMs: number;
}
export interface BrowserBench { chromium: string; sizes: SizeResult[]; fixtures: FixtureResult[] }

const log = (s: string): void => void process.stderr.write(`  [bench] ${s}\n`);
// BENCH_TIMEOUT_MS overrides, to try the timeout path quickly.
const timeoutFor = (n: number): number => Number(process.env.BENCH_TIMEOUT_MS ?? (n >= 50_000 ? 120_000 : 60_000));

/** 3 runs, but one for 50k and for a size whose first run already took over 5 s. */
async function repeat(n: number, run: () => Promise<LoadResult>): Promise<LoadResult[]> {
  const out = [await run()];
  const first = out[0]!;
  const slow = first.timedOut || (first.painted ?? first.floorPainted ?? first.pagePainted ?? 0) > 5000;
  if (n < 50_000 && !slow) for (let i = 1; i < 3; i++) out.push(await run());
  return out;
}

async function scriptMs(browser: Browser, url: string): Promise<{ ms: number; detected: boolean }> {
  return withPage(browser, async (page, cdp) => {
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    // document_idle has passed by load; a short wait lets the content script finish in any case.
    await new Promise((r) => setTimeout(r, 300));
    const { metrics } = await cdp.send('Performance.getMetrics');
    const detected = (await page.evaluate(`performance.getEntriesByName('comment-lens:detected').length > 0`)) as boolean;
    return { ms: (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000, detected };
  });
}

async function readabilityTimes(page: import('puppeteer-core').Page, source: string, runs: number): Promise<number[]> {
  await page.evaluate(`${source}\n;window.__BenchReadability = Readability;`);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = (await page.evaluate(TIME_READABILITY)) as { ms: number };
    ms.push(r.ms);
    if (r.ms > 5000) break; // a 50k page: one parse says enough
  }
  return ms;
}

export async function runBrowserBench(): Promise<BrowserBench> {
  if (!existsSync(join(ROOT, 'dist/chromium/manifest.json'))) {
    log('dist/chromium missing: npm run build:chromium');
    execSync('npm run build:chromium', { cwd: ROOT, stdio: 'inherit' });
  }
  const readability = readFileSync(join(ROOT, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');
  const detector = (await build({
    stdin: { contents: `import { detectPage } from './src/sites/registry'; window.__benchDetect = detectPage;`, resolveDir: ROOT, loader: 'ts' },
    bundle: true, format: 'iife', write: false, target: 'es2022', logLevel: 'silent',
  })).outputFiles[0]!.text;
  const server = await startBenchServer(ROOT, Number(process.env.BENCH_FIXTURES ?? Infinity));
  const floorDir = writeFloorExtension(ROOT);
  const lens = await launchWithExtension('chromium');
  const { browser } = lens;
  try {
    const chromium = await browser.version();
    const sizes: SizeResult[] = SIZES.map((n) => ({ n, ours: [], floor: [], page: [], readabilityMs: [] }));
    const urlOf = (n: number): string => `${server.origin}/comments/${n}.html`;
    for (const s of sizes) {
      log(`ours ${s.n} comments`);
      s.ours = await repeat(s.n, () => measureLoad(browser, server.origin, urlOf(s.n), 'ours', timeoutFor(s.n)));
      if (!s.ours.every((r) => r.timedOut)) s.tracedOurs = (await measureLoad(browser, server.origin, urlOf(s.n), 'ours', timeoutFor(s.n), true)).tasks;
    }
    const withExt = new Map<string, { ms: number; detected: boolean }>();
    log(`ours on ${server.noComments.length} no-comments pages`);
    for (const f of server.noComments) withExt.set(f, await scriptMs(browser, `${server.origin}/no-comments/${f}`));

    await browser.uninstallExtension(lens.extensionId);
    const floorId = await browser.installExtension(floorDir);
    for (const s of sizes) {
      log(`floor ${s.n} comments + Readability`);
      const url = `${server.origin}/comments/${s.n}.html`;
      s.floor = await repeat(s.n, () => measureLoad(browser, server.origin, url, 'floor', timeoutFor(s.n)));
      await withPage(browser, async (page) => {
        await page.goto(url, { waitUntil: 'load', timeout: timeoutFor(s.n) });
        s.readabilityMs = await readabilityTimes(page, readability, 3);
      });
    }
    const withFloor = new Map<string, number>();
    log(`floor on ${server.noComments.length} no-comments pages`);
    for (const f of server.noComments) withFloor.set(f, (await scriptMs(browser, `${server.origin}/no-comments/${f}`)).ms);
    await browser.uninstallExtension(floorId);

    for (const s of sizes) {
      log(`no extension: ${s.n} comments, the page alone`);
      s.page = await repeat(s.n, () => measureLoad(browser, server.origin, urlOf(s.n), 'page', timeoutFor(s.n)));
      s.tracedPage = (await measureLoad(browser, server.origin, urlOf(s.n), 'page', timeoutFor(s.n), true)).tasks;
    }
    log('no extension: baseline script time, detector and Readability on the no-comments pages');
    const fixtures: FixtureResult[] = [];
    for (const f of server.noComments) {
      const url = `${server.origin}/no-comments/${f}`;
      const base = await scriptMs(browser, url);
      const inPage = await withPage(browser, async (page) => {
        await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
        await page.evaluate(detector);
        const d = (await page.evaluate(TIME_DETECTOR)) as { cold: number; warm: number; found: string | null };
        return { ...d, readability: median(await readabilityTimes(page, readability, 3)) };
      });
      const w = withExt.get(f)!;
      fixtures.push({
        name: f, scriptMsWith: w.ms, scriptMsWithout: base.ms, scriptMsFloor: withFloor.get(f)!, markedDetected: w.detected,
        detectorColdMs: inPage.cold, detectorWarmMs: inPage.warm, detectorFound: inPage.found, readabilityMs: inPage.readability,
      });
    }
    return { chromium, sizes, fixtures };
  } finally {
    await lens.close();
    rmSync(floorDir, { recursive: true, force: true });
    await server.close();
  }
}
