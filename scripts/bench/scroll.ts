// Scroll cost of lazy tagging: loads /comments/<n>.html with the built extension, waits for the
// panel ready, then scrolls (steps, then jumps: End, Home, random) under a Chromium trace. Prints
// the time in IntersectionObserverController::computeIntersections (total and per frame) and
// checks, after every step, that each comment on screen has its tag.
// Usage: npx tsx scripts/bench/scroll.ts [n=10000]   (E2E_DIST=/other/dist for another build;
// the trace is devtools.timeline only: with 'blink' it passes 500 MB at 10,000 comments)
import { launchWithExtension, ROOT } from '../../tests/e2e/helpers/launch';
import { PRELOAD } from './in-page';
import { startBenchServer } from './server';

const n = Number(process.argv[2] ?? 10000);
const STEPS = 100;
const JUMPS = 20;

// In-page, as a string (see in-page.ts): one scroll per frame, then a check of the comments on
// screen once that frame is painted. A comment's tag is its own when the nearest li.comment
// around it is the comment (inside), or it sits in the wrapper just before the comment (before).
const RUN = `(async (steps, jumps) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const ownTag = (el) => {
    for (const t of el.querySelectorAll('comment-lens-tag')) if (t.parentElement.closest('li.comment') === el) return true;
    const prev = el.previousElementSibling;
    return !!prev && (prev.localName === 'comment-lens-tag' || !!prev.querySelector(':scope > comment-lens-tag'));
  };
  const all = [...document.querySelectorAll('li.comment')];
  let checked = 0, missing = 0;
  const missed = { steps: 0, jumpsFirstFrame: 0, jumpsSettled: 0 };
  const check = () => {
    const h = innerHeight;
    const before = missing;
    for (const el of all) {
      const r = el.getBoundingClientRect();
      if (r.bottom <= 0 || r.top >= h || (!r.width && !r.height)) continue;
      checked++;
      if (!ownTag(el)) missing++;
    }
    return missing - before;
  };
  let seed = 1;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const t0 = performance.now();
  for (let i = 0; i < steps + jumps; i++) {
    const max = document.documentElement.scrollHeight - innerHeight;
    if (i < steps) scrollBy(0, 600);
    else if (i === steps) scrollTo(0, max);
    else if (i === steps + 1) scrollTo(0, 0);
    else scrollTo(0, Math.floor(rand() * max));
    await frame();
    const m = check();
    if (i < steps) missed.steps += m;
    else {
      missed.jumpsFirstFrame += m;
      // The observer reports after the frame it computed in: the jump's tags come one frame later.
      await frame();
      await frame();
      missed.jumpsSettled += check();
    }
  }
  return { checked, missing: missed, ms: performance.now() - t0, tags: document.querySelectorAll('comment-lens-tag').length, comments: all.length };
})`;

interface Ev { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number }

async function main(): Promise<void> {
  const server = await startBenchServer(ROOT, 0);
  const lens = await launchWithExtension('chromium');
  try {
    const page = await lens.browser.newPage();
    await page.evaluateOnNewDocument(PRELOAD);
    await page.goto(`${server.origin}/comments/${n}.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction('window.__bench && window.__bench.paintedAt !== null', { timeout: 120_000, polling: 200 });
    await new Promise((r) => setTimeout(r, 1000)); // let the last labelling frames settle
    await page.tracing.start({ categories: (process.env.SCROLL_CATS ?? 'devtools.timeline').split(',') });
    const res = (await page.evaluate(`${RUN}(${STEPS}, ${JUMPS})`)) as { checked: number; missing: Record<string, number>; ms: number; tags: number; comments: number };
    const raw = await page.tracing.stop();
    console.error(`trace ${raw?.length} bytes`);
    const events = (JSON.parse(Buffer.from(raw!).toString('utf8')) as { traceEvents: Ev[] }).traceEvents;
    const ci = events.filter((e) => e.name === 'IntersectionObserverController::computeIntersections' && e.ph === 'X');
    const main = ci[0];
    const frames = events.filter((e) => e.name === 'UpdateLayoutTree' || e.name === 'Paint').length;
    const ms = ci.map((e) => (e.dur ?? 0) / 1000);
    const total = ms.reduce((a, b) => a + b, 0);
    const sorted = [...ms].sort((a, b) => a - b);
    console.log(JSON.stringify({
      comments: res.comments, frames: STEPS + 3 * JUMPS, tagsAtEnd: res.tags,
      computeIntersections: { events: ci.length, totalMs: +total.toFixed(1), perFrameMs: +(total / (STEPS + 3 * JUMPS)).toFixed(2),
        p50Ms: +(sorted[sorted.length >> 1] ?? 0).toFixed(2), maxMs: +(sorted.at(-1) ?? 0).toFixed(2) },
      onScreenChecked: res.checked, onScreenWithoutTag: res.missing, scrollMs: Math.round(res.ms),
      ...(main ? {} : { note: 'no computeIntersections event in the trace' }), renderEvents: frames,
    }, null, 1));
  } finally {
    await lens.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
