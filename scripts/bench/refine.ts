// The refined pass in the extension (`npm run bench`; BENCH_REFINE_ONLY=1 for this part alone):
// a generated page of 1,000 comments (BENCH_REFINE_N; 789 distinct texts, 78 characters on
// average) in Chromium and Firefox ESR, each in a fresh browser, so the encoder's worker starts
// cold (TF.js, the 7 MB encoder, the head). A second load would read the worker's embedding cache,
// so there is none. From the extension's marks: first panel -> first refined badge, the whole
// job (start to last label, the worker's start included), and the encoder's steady rate (first
// refined batch to the last). Then the size: dist/ per browser and the store zips (`npm run
// package`), against the 15 MB budget.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, ROOT, type BrowserKind } from '../lib/launch';
import { waitForPanel, waitForRefined } from '../lib/panel';
import { readTiming } from '../lib/timing';
import { startBenchServer } from './server';

export interface RefineRun {
  /** comments refined (the page's labelled comments) */
  n: number;
  state: string;
  /** ms from the first panel ("ready") to the first refined badge */
  firstRefinedAfterReady: number;
  /** ms from the job's start to its last label (the worker's start included) */
  refineMs: number;
  /** comments a second from the first refined batch (BATCH comments) to the last label */
  perSecond: number;
}

export interface RefineBench {
  runs: Array<{ browser: BrowserKind; run: RefineRun }>;
  size: { dist: Record<string, number>; zip: Record<string, number>; workerBundle: number };
}

/** comments per batch in the worker (refine/host.ts): the first refined badges come with the first */
const BATCH = 32;
const log = (s: string): void => void process.stderr.write(`  [refine] ${s}\n`);

async function oneLoad(page: Page, url: string): Promise<RefineRun> {
  await page.goto(url, { waitUntil: 'load' });
  await waitForPanel(page, 60_000);
  const state = await waitForRefined(page, 600_000);
  const { marks } = await readTiming(page);
  const n = await page.evaluate(() => document.querySelectorAll('[data-lens-stance]:not([data-lens-stance="none"])').length);
  const refineMs = (marks.refined ?? NaN) - (marks['refine-start'] ?? NaN);
  const steadyMs = (marks.refined ?? NaN) - (marks['refined-first'] ?? NaN);
  return { n, state, firstRefinedAfterReady: (marks['refined-first'] ?? NaN) - (marks.ready ?? NaN), refineMs, perSecond: ((n - BATCH) / steadyMs) * 1000 };
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) total += e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return total;
}

export async function runRefineBench(n = Number(process.env.BENCH_REFINE_N ?? 1000)): Promise<RefineBench> {
  const server = await startBenchServer(ROOT, 0);
  const url = `${server.origin}/comments/${n}.html`;
  const runs: RefineBench['runs'] = [];
  try {
    for (const browser of ['chromium', 'firefox'] as const) {
      const lens = await launchWithExtension(browser);
      try {
        const page = await lens.browser.newPage();
        const run = await oneLoad(page, url);
        runs.push({ browser, run });
        log(`${browser}: ${run.n} comments refined in ${(run.refineMs / 1000).toFixed(1)} s (${run.state})`);
      } finally {
        await lens.close();
      }
    }
  } finally {
    await server.close();
  }
  execFileSync(process.execPath, [join(ROOT, 'scripts/package.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const { version } = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string };
  const dist: Record<string, number> = {};
  const zip: Record<string, number> = {};
  for (const b of ['chromium', 'firefox']) {
    dist[b] = dirBytes(join(ROOT, 'dist', b));
    zip[b] = statSync(join(ROOT, 'artifacts', `comment-lens-${b}-${version}.zip`)).size;
  }
  const assets = join(ROOT, 'dist/chromium/assets');
  const workerBundle = readdirSync(assets).filter((f) => /^worker-.*\.js$/.test(f)).reduce((s, f) => s + statSync(join(assets, f)).size, 0);
  return { runs, size: { dist, zip, workerBundle } };
}

const MB = (b: number): string => (b / 1e6).toFixed(2);

export function printRefineTable(r: RefineBench): void {
  console.log('\nrefined pass in the extension (encoder in a worker, started cold; generated page, comments on screen first):');
  console.log('  browser    comments   panel -> first refined badge   whole job (worker start included)   encoder comments/s');
  for (const { browser, run } of r.runs) {
    console.log(`  ${browser.padEnd(9)}  ${String(run.n).padStart(8)}   ${`${run.firstRefinedAfterReady.toFixed(0)} ms`.padStart(28)}   ${`${(run.refineMs / 1000).toFixed(1)} s`.padStart(33)}   ${run.perSecond.toFixed(1).padStart(18)}`);
  }
  const { dist, zip, workerBundle } = r.size;
  console.log(`  size: dist/chromium ${MB(dist.chromium!)} MB, dist/firefox ${MB(dist.firefox!)} MB; zipped ${MB(zip.chromium!)} MB / ${MB(zip.firefox!)} MB (budget < 15 MB); worker bundle ${MB(workerBundle)} MB`);
}
