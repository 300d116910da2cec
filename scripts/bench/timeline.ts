// Dev aid (not part of `npm run bench`): one traced load of a bench page with the built extension,
// printed as a timeline of the renderer main thread's tasks (≥ 2 ms) with our marks, in ms after
// the page's DOMContentLoaded end. `npx tsx scripts/bench/timeline.ts 1000 [runs]`
import { launchWithExtension } from '../../tests/e2e/helpers/launch';
import { startBenchServer } from './server';
import { PRELOAD } from './in-page';
import { TRACE_CATEGORIES } from './trace';

interface Ev { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown> }
const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'RecalculateStyles']);
const SCRIPT = new Set(['v8.evaluateModule', 'EvaluateScript', 'FunctionCall', 'RunMicrotasks', 'v8.compile', 'v8.compileModule', 'TimerFire', 'FireAnimationFrame', 'v8.run']);

const n = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 1);
const server = await startBenchServer(process.cwd(), 0);
const lens = await launchWithExtension('chromium');
try {
  for (let r = 0; r < runs; r++) {
    const page = await lens.browser.newPage();
    await page.evaluateOnNewDocument(PRELOAD);
    await page.goto(`${server.origin}/blank.html`);
    const path = `/comments/${n}.html`;
    await page.tracing.start({ categories: TRACE_CATEGORIES });
    await page.evaluate(`location.href = ${JSON.stringify(server.origin + path)}`);
    await page.waitForFunction('window.__bench && window.__bench.paintedAt !== null', { timeout: 60_000, polling: 100 });
    // on the page's clock: painted after our detected mark, placed in the trace at detected + that
    const paintedAfter = (await page.evaluate(`window.__bench.paintedAt - performance.getEntriesByName('comment-lens:detected')[0].startTime`)) as number;
    const raw = await page.tracing.stop();
    const all = (JSON.parse(Buffer.from(raw!).toString('utf8')) as { traceEvents: Ev[] }).traceEvents;
    const parse = all.find((e) => e.name === 'ParseHTML' && JSON.stringify(e.args ?? {}).includes(path))!;
    const dcl = all.find((e) => e.pid === parse.pid && e.name === 'domContentLoadedEventEnd') ?? all.find((e) => e.pid === parse.pid && e.name === 'MarkDOMContent');
    const t0 = dcl?.ts ?? parse.ts;
    const ms = (ts: number): string => ((ts - t0) / 1000).toFixed(1).padStart(7);
    const main = all.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
    const marks = all.filter((e) => e.pid === parse.pid && (e.name.startsWith('comment-lens:') || e.name.startsWith('bench')) && e.ph !== 'X');
    const lines: Array<[number, string]> = marks.map((m) => [m.ts, `${ms(m.ts)}  mark ${m.name}`]);
    for (const t of main) {
      if (t.name !== 'RunTask' || (t.dur ?? 0) < 2000 || t.ts < parse.ts - 1000) continue;
      const end = t.ts + t.dur!;
      const inner = main.filter((e) => e.ts >= t.ts && e.ts < end && e !== t);
      const sum = (set: Set<string>): number => inner.filter((e) => set.has(e.name)).reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
      const kinds = [...new Set(inner.filter((e) => (e.dur ?? 0) > 1000).map((e) => e.name))].slice(0, 6).join(',');
      lines.push([t.ts, `${ms(t.ts)}  task ${(t.dur! / 1000).toFixed(1).padStart(6)} ms  script~${sum(SCRIPT).toFixed(1)} render~${sum(RENDER).toFixed(1)}  ${kinds}`]);
      for (const e of inner) {
        if (!RENDER.has(e.name) || (e.dur ?? 0) < 1500) continue;
        const a = JSON.stringify(e.args ?? {}).replace(/"frame":"[^"]*",?/g, '').slice(0, 160);
        lines.push([e.ts, `${ms(e.ts)}      ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms ${a}`]);
      }
    }
    // the background's service worker thread, when the trace has it
    if (process.env.THREADS) console.log([...new Set(all.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => String(e.args?.name)))].join(' / '));
    const sw = all.find((e) => e.ph === 'M' && e.name === 'thread_name' && String(e.args?.name ?? '').includes('ServiceWorker'));
    if (sw) {
      for (const t of all) {
        if (t.pid !== sw.pid || t.tid !== sw.tid || t.ph !== 'X' || (t.dur ?? 0) < 500 || t.ts < parse.ts) continue;
        if (!['RunTask', 'ThreadControllerImpl::RunTask'].includes(t.name) && !t.name.startsWith('v8.') && t.name !== 'FunctionCall') continue;
        lines.push([t.ts, `${ms(t.ts)}                                              bg ${t.name} ${(t.dur! / 1000).toFixed(1)} ms`]);
      }
    }
    const detectedTs = marks.find((m) => m.name === 'comment-lens:detected')?.ts;
    if (detectedTs !== undefined) lines.push([detectedTs + paintedAfter * 1000, `${ms(detectedTs + paintedAfter * 1000)}  mark painted (the bench's end point: rAF + a task after ready)`]);
    lines.sort((a, b) => a[0] - b[0]);
    console.log(`--- run ${r + 1}: ${n} comments (t0 = ${dcl ? dcl.name : 'ParseHTML'})`);
    for (const [, l] of lines) console.log(l);
    await page.close();
  }
} finally {
  await lens.close();
  await server.close();
}
