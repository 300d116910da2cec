// `npm run bench`: stance throughput, the refined pass's encoder throughput in Node, and dump parse time and peak memory at 1k / 10k / 100k comments.
// The browser half ends with the refined pass in the extension (both browsers) and its size (scripts/bench/refine.ts).
// Each size is parsed in a fresh child process so its peak memory is its own. Then the browser
// half (scripts/bench/browser.ts): the built extension in headless Chromium, against a floor and
// Readability. Figures go to artifacts/bench.json too. BENCH_BROWSER_ONLY=1 skips the Node half,
// BENCH_NODE_ONLY=1 the browser half.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StanceEngine } from '../src/stance/index';
import { makeThread } from './bench/generate';
import { runBrowserBench } from './bench/browser';
import { printBrowserTable } from './bench/report';
import { printRatioTable, runRatioBench } from './bench/ratio';
import { printFirstPanelTable, runFirstPanelBench } from './bench/first-panel';
import { printRefineTable, runRefineBench } from './bench/refine';

const here = fileURLToPath(new URL('.', import.meta.url));

function stanceThroughput(n: number): { perSecond: number; ms: number } {
  const thread = makeThread(n, 7);
  const engine = new StanceEngine();
  const ctx = engine.prepare(thread.article);
  // Warm up the JIT on a small slice first.
  for (const c of thread.comments.slice(0, 500)) engine.classify(ctx, c.text);
  const t0 = performance.now();
  for (const c of thread.comments) engine.classify(ctx, c.text);
  const ms = performance.now() - t0;
  return { perSecond: Math.round((n / ms) * 1000), ms };
}

/** The refined pass in Node: encoder load, then a 1,000-comment thread refined (embedding + head). */
async function encoderBench(n = Number(process.env.BENCH_REFINE_N ?? 1000)): Promise<{ loadMs: number; perSecond: number; refineMs: number; n: number } | null> {
  const { refinedAvailable, loadRefined } = await import('../src/stance/refined-node');
  const { labelThread } = await import('../src/stance/index');
  if (!refinedAvailable()) { console.log('encoder: models/use-lite absent, skipped\n'); return null; }
  const engine = new StanceEngine();
  const t0 = performance.now();
  const pass = await loadRefined(engine);
  const loadMs = performance.now() - t0;
  await pass.embed(makeThread(40, 3).comments.map((c) => c.text)); // warm-up
  const thread = makeThread(n, 11);
  const fast = labelThread(thread, engine);
  const t1 = performance.now();
  await pass.refiner.refineThread(thread, fast, pass.embed);
  const refineMs = performance.now() - t1;
  const perSecond = (n / refineMs) * 1000;
  const chars = thread.comments.reduce((s, c) => s + c.text.length, 0) / n;
  console.log(`encoder (Node, TF.js wasm, uint8 USE-lite, batch 32): load ${loadMs.toFixed(0)} ms; refine ${n.toLocaleString('en')} comments (mean ${chars.toFixed(0)} characters) in ${(refineMs / 1000).toFixed(1)} s = ${perSecond.toFixed(1)} comments/s\n`);
  return { loadMs, perSecond, refineMs, n };
}

interface NodeBench { stancePerSecond: number; encoder: Awaited<ReturnType<typeof encoderBench>>; parse: Array<{ n: number; bytes: number; ms: number; maxRssMB: number; heapMB: number }> }

async function nodeBench(): Promise<NodeBench> {
  const st = stanceThroughput(50_000);
  console.log(`stance: ${st.perSecond.toLocaleString('en')} comments/s  (50,000 comments in ${st.ms.toFixed(0)} ms; budget > 20,000/s)\n`);
  const encoder = await encoderBench();

  console.log('dump parse (renderDump -> parseDump), one child process per size:');
  console.log('  comments   bytes        parse ms   µs/comment   peak RSS MB   heap used MB');
  const rows: NodeBench['parse'] = [];
  for (const n of [1_000, 10_000, 100_000]) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', `${here}bench/parse-worker.ts`, String(n)], { encoding: 'utf8' });
    const r = JSON.parse(out) as { n: number; bytes: number; ms: number; maxRssMB: number; heapMB: number };
    rows.push(r);
    console.log(
      `  ${String(n).padStart(8)}   ${String(r.bytes).padStart(10)}   ${r.ms.toFixed(1).padStart(8)}   ${((r.ms * 1000) / n).toFixed(2).padStart(10)}   ${r.maxRssMB.toFixed(0).padStart(11)}   ${r.heapMB.toFixed(0).padStart(12)}`,
    );
  }
  const growth = rows[2]!.ms / rows[1]!.ms;
  console.log(`\nparse time 100k / 10k = ${growth.toFixed(1)}× for 10× the comments (linear ≈ 10×; quadratic would be ≈ 100×)`);
  return { stancePerSecond: st.perSecond, encoder, parse: rows };
}

console.log('Comment Lens benchmark (Node ' + process.version + ')\n');
if (process.env.BENCH_FIRST_ONLY) {
  // only the first panel on the seed page, cold and warm background (scripts/bench/first-panel.ts)
  printFirstPanelTable(await runFirstPanelBench());
  process.exit(0);
}
if (process.env.BENCH_REFINE_ONLY) {
  // only the refined pass in the extension and its size (scripts/bench/refine.ts)
  printRefineTable(await runRefineBench());
  process.exit(0);
}
if (process.env.BENCH_RATIO_ONLY) {
  // only the cross-browser ours/floor table (scripts/bench/ratio.ts)
  printRatioTable(await runRatioBench());
  process.exit(0);
}
const node = process.env.BENCH_BROWSER_ONLY ? null : await nodeBench();
if (process.env.BENCH_NODE_ONLY) process.exit(0);
const started = Date.now();
const raw = await runBrowserBench();
const browser = printBrowserTable(raw);
console.log(`\nbrowser half: ${((Date.now() - started) / 1000).toFixed(0)} s`);
const ratio = await runRatioBench();
printRatioTable(ratio);
const firstPanel = await runFirstPanelBench();
printFirstPanelTable(firstPanel);
const refine = await runRefineBench();
printRefineTable(refine);
const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
mkdirSync(artifacts, { recursive: true });
writeFileSync(`${artifacts}bench.json`, JSON.stringify({ date: new Date().toISOString(), node, browser: { chromium: raw.chromium, ...browser, raw }, ratio, firstPanel, refine }, null, 2));
console.log('wrote artifacts/bench.json');
