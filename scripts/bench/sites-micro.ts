// Micro-bench of src/sites alone in headless Chromium (no extension): detectPage on the bench
// comment pages and on every no-comments fixture, and planPage (items, warm-ups, reads, finish) on
// the bench comment pages. The code is esbuild-bundled from a source tree; with --base, an older
// copy of the tree is bundled too and every measurement alternates between the two (a shared,
// loaded machine then blurs both alike), and --fixtures checks that both trees detect and extract
// every page of tests/fixtures identically in Chromium.
//   npx tsx scripts/bench/sites-micro.ts [--root DIR] [--base OLD_DIR] [--sizes 1000,10000] [--runs 5]
//     [--only detect|extract|fixtures]
// Prints ms figures and a hash of each extraction but its url (equal hashes: byte-identical output).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, ROOT } from '../../tests/e2e/helpers/launch';
import { startBenchServer } from './server';
import { median } from './stats';

const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const root = resolve(arg('root', ROOT));
const base = arg('base', '');
const sizes = arg('sizes', '1000,10000').split(',').map(Number);
const runs = Number(arg('runs', '5'));
const only = arg('only', ''); // one part alone

// Kept as source text: tsx would wrap serialized functions in a __name() helper the page lacks.
// `first`: the first call on the page, the one the content script makes (the code already compiled
// on a made-up page of each probe kind, so it is not counted); `warm`: the median of 11 x 10 calls
// after it (browser caches warm: lower than a content script ever sees).
const DETECT = `(() => {
  const detect = window.__sites.detectPage;
  for (const n of [10, 5000]) {
    const d = document.implementation.createHTMLDocument('');
    for (let i = 0; i < n; i++) d.body.appendChild(d.createElement('div')).className = 'x' + i;
    detect(d, location.href);
  }
  const t0 = performance.now();
  const found = detect(document, location.href);
  const first = performance.now() - t0;
  const warm = [];
  for (let i = 0; i < 11; i++) {
    const t = performance.now();
    for (let k = 0; k < 10; k++) detect(document, location.href);
    warm.push((performance.now() - t) / 10);
  }
  warm.sort((a, b) => a - b);
  return { first, warm: warm[5], found: found ? found.id : null, elements: document.getElementsByTagName('*').length };
})()`;

/** One planPage run in the stages the content script slices it into; the longest single step too. */
const EXTRACT = `(() => {
  const { detectPage, planPage } = window.__sites;
  const adapter = detectPage(document, location.href);
  let t = performance.now();
  const plan = planPage(document, location.href, adapter);
  const items = performance.now() - t;
  let prepare = 0, maxPrepare = 0, read = 0, maxRead = 0;
  for (const step of plan.prepare) {
    // a step answering false has more to do: each call is one part (the content script's slices)
    for (let more = true; more;) {
      t = performance.now(); more = step() === false; const d = performance.now() - t;
      prepare += d; maxPrepare = Math.max(maxPrepare, d);
    }
  }
  for (let i = 0; i < plan.items.length; i++) {
    t = performance.now(); plan.read(i); const d = performance.now() - t;
    read += d; maxRead = Math.max(maxRead, d);
  }
  t = performance.now();
  const ex = plan.finish();
  const finish = performance.now() - t;
  return { items, prepare, maxPrepare, read, maxRead, finish, total: items + prepare + read + finish,
    comments: ex.page.comments.length, out: JSON.stringify({ ...ex.page, url: undefined }) };
})()`;

type Detect = { first: number; warm: number; found: string | null; elements: number };
type Extract = { items: number; prepare: number; maxPrepare: number; read: number; maxRead: number; finish: number; total: number; comments: number; out: string };

const f = (ms: number): string => ms.toFixed(ms < 10 ? 3 : 1).padStart(8);

async function bundle(tree: string): Promise<string> {
  return (await build({
    stdin: { contents: `import { detectPage, planPage, extractPage } from './src/sites/registry'; window.__sites = { detectPage, planPage, extractPage };`, resolveDir: tree, loader: 'ts' },
    bundle: true, format: 'iife', write: false, target: 'es2022', logLevel: 'silent',
  })).outputFiles[0]!.text;
}

const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);

async function main(): Promise<void> {
  const trees = base ? [{ name: 'base', code: await bundle(resolve(base)) }, { name: 'new', code: await bundle(root) }] : [{ name: 'new', code: await bundle(root) }];
  const server = await startBenchServer(ROOT);
  const lens = await launchWithExtension('chromium');
  await lens.browser.uninstallExtension(lens.extensionId); // its content script would change the pages
  const page: Page = await lens.browser.newPage();
  const open = async (path: string, code: string): Promise<void> => {
    await page.goto(`${server.origin}${path}`, { waitUntil: 'load', timeout: 120_000 });
    await page.evaluate(code);
  };
  /** `runs` fresh loads of `path` per tree, alternating trees; the results per tree. */
  const measure = async <T>(path: string, script: string): Promise<T[][]> => {
    const out: T[][] = trees.map(() => []);
    for (let r = 0; r < runs; r++) {
      for (const [i, t] of trees.entries()) {
        await open(path, t.code);
        out[i]!.push((await page.evaluate(script)) as T);
      }
    }
    return out;
  };
  try {
    console.log(`sites micro-bench: ${root}${base ? ` against ${resolve(base)}` : ''}  (${await lens.browser.version()})`);
    if (!only || only === 'detect') await detectBench();
    if (!only || only === 'extract') await extractBench();
    if (base && (!only || only === 'fixtures')) await fixtureCheck();
  } finally {
    await lens.close();
    await server.close();
  }

  async function detectBench(): Promise<void> {
    console.log(`\ndetectPage (ms; median of ${runs} fresh loads)`);
    const summary = trees.map(() => ({ first: [] as number[], warm: [] as number[] }));
    const rows = async (name: string, path: string, sum: boolean): Promise<void> => {
      const per = await measure<Detect>(path, DETECT);
      for (const [i, t] of trees.entries()) {
        const all = per[i]!;
        const first = median(all.map((d) => d.first));
        const warm = median(all.map((d) => d.warm));
        if (sum) {
          summary[i]!.first.push(first);
          summary[i]!.warm.push(warm);
        }
        const least = Math.min(...all.map((d) => d.first));
        console.log(`  ${t.name.padEnd(5)}${name.padEnd(40)} first ${f(first)} (min ${f(least)})  warm ${f(warm)}  found ${String(all[0]!.found).padEnd(10)} elements ${all[0]!.elements}`);
      }
    };
    for (const name of server.noComments) await rows(name, `/no-comments/${name}`, true);
    for (const [i, t] of trees.entries()) {
      const s = summary[i]!;
      console.log(`  ${t.name.padEnd(5)}no-comments pages: median first ${f(median(s.first))}  warm ${f(median(s.warm))};  max first ${f(Math.max(...s.first))}  warm ${f(Math.max(...s.warm))}`);
    }
    for (const n of sizes) await rows(`comments/${n}`, `/comments/${n}.html`, false);
  }

  async function extractBench(): Promise<void> {
    console.log(`\nplanPage on the bench pages (ms; median of ${runs} runs on a fresh load each; max = longest single step)`);
    for (const n of sizes) {
      const per = await measure<Extract>(`/comments/${n}.html`, EXTRACT);
      for (const [i, t] of trees.entries()) {
        const all = per[i]!;
        const m = (k: keyof Extract): number => median(all.map((x) => x[k] as number));
        const hashes = new Set(all.map((x) => hash(x.out)));
        const least = Math.min(...all.map((x) => x.total));
        console.log(`  ${t.name.padEnd(5)}comments/${n}: total ${f(m('total'))} (min ${f(least)})  items ${f(m('items'))}  prepare ${f(m('prepare'))} (max ${f(m('maxPrepare'))})` +
          `  reads ${f(m('read'))} (max ${f(m('maxRead'))})  finish ${f(m('finish'))}  comments ${all[0]!.comments}  output ${[...hashes].join(',')}`);
      }
    }
  }

  /** Both trees on every saved page, scripts off, no network: the same adapter and the same extraction. */
  async function fixtureCheck(): Promise<void> {
    const index = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/index.json'), 'utf8')) as { slug: string; category: string }[];
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (r) => void (r.url().startsWith('data:') || r.url() === 'about:blank' ? r.continue() : r.abort()));
    let same = 0;
    const differ: string[] = [];
    for (const p of index) {
      const html = readFileSync(join(ROOT, `tests/fixtures/${p.category}/${p.slug}.html`), 'utf8');
      const outs: string[] = [];
      for (const t of trees) {
        await page.setContent(html, { waitUntil: 'domcontentloaded' });
        outs.push((await page.evaluate(`(() => { ${t.code}; const a = window.__sites.detectPage(document, 'https://example.org/');
          const ex = window.__sites.extractPage(document, 'https://example.org/', a ?? undefined);
          return JSON.stringify({ a: a && a.id, page: ex.page, skipped: ex.skipped, n: ex.elements.length }); })()`)) as string);
      }
      if (outs[0] === outs[1]) same++;
      else differ.push(`${p.category}/${p.slug}`);
    }
    console.log(`\nfixtures in Chromium: ${same}/${index.length} detect + extract identically${differ.length ? `; DIFFER: ${differ.join(', ')}` : ''}`);
  }
}

await main();
