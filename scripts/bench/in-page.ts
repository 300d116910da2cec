// Source text run inside the bench pages. Kept as strings: tsx (esbuild keepNames) would wrap
// serialized functions in a __name() helper that does not exist in the page.

/**
 * Installed before the page loads: long tasks (buffered), and the moment our panel is "ready"
 * with every li.comment labelled (or the floor's done marker, or DOMContentLoaded for the page
 * alone), then rAF + a task for "painted".
 * The observer watches only our two attributes, so it adds no work per comment.
 */
export const PRELOAD = `(() => {
  const b = window.__bench = { longtasks: [], readyAt: null, paintedAt: null, floorAt: null, floorPaintedAt: null, pagePaintedAt: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { b.longtaskError = String(e); }
  const painted = (key) => requestAnimationFrame(() => setTimeout(() => { b[key] = performance.now(); }, 0));
  // the page's own first paint after DOMContentLoaded: the no-extension run's end point
  document.addEventListener('DOMContentLoaded', () => painted('pagePaintedAt'), { once: true });
  const check = () => {
    if (b.readyAt === null && document.getElementById('comment-lens')?.getAttribute('data-lens-state') === 'ready'
        && document.querySelector('li.comment:not([data-lens-stance])') === null) {
      b.readyAt = performance.now();
      painted('paintedAt');
    }
    if (b.floorAt === null && document.documentElement.hasAttribute('data-floor-done')) {
      b.floorAt = performance.now();
      painted('floorPaintedAt');
    }
    return b.readyAt !== null || b.floorAt !== null;
  };
  const mo = new MutationObserver(() => { if (check()) { mo.disconnect(); clearInterval(poll); } });
  mo.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-lens-state', 'data-floor-done'] });
  // Fallback for a host inserted already "ready" (no attribute change to observe).
  const poll = setInterval(() => { if (check()) { mo.disconnect(); clearInterval(poll); } }, 100);
})();`;

/** Reads the figures once painted: ms are relative to domContentLoadedEventEnd. */
export const READ_RESULT = `(() => {
  const b = window.__bench;
  const nav = performance.getEntriesByType('navigation')[0];
  const dcl = nav.domContentLoadedEventEnd;
  const after = b.longtasks.filter((t) => t.start >= dcl);
  const marks = Object.fromEntries(performance.getEntriesByType('mark')
    .filter((m) => m.name.startsWith('comment-lens:')).map((m) => [m.name.slice(13), m.startTime - dcl]));
  return {
    dcl,
    ready: b.readyAt === null ? null : b.readyAt - dcl,
    painted: b.paintedAt === null ? null : b.paintedAt - dcl,
    floor: b.floorAt === null ? null : b.floorAt - dcl,
    floorPainted: b.floorPaintedAt === null ? null : b.floorPaintedAt - dcl,
    pagePainted: b.pagePaintedAt === null ? null : b.pagePaintedAt - dcl,
    longestAfterDcl: after.reduce((m, t) => Math.max(m, t.duration), 0),
    tasksAfterDcl: after.map((t) => [Math.round(t.start - dcl), Math.round(t.duration)]),
    longestAny: b.longtasks.reduce((m, t) => Math.max(m, t.duration), 0),
    longtaskError: b.longtaskError ?? null,
    comments: document.querySelectorAll('li.comment').length,
    labelled: document.querySelectorAll('li.comment[data-lens-stance]').length,
    marks,
  };
})()`;

/** One timed Readability parse of a clone of the live document (Readability must be defined). */
export const TIME_READABILITY = `(() => {
  const t0 = performance.now();
  const article = new window.__BenchReadability(document.cloneNode(true)).parse();
  return { ms: performance.now() - t0, chars: article?.textContent?.length ?? 0 };
})()`;

/**
 * Our detector bundled (esbuild IIFE) and timed on the live document: the first call (cold: lazy
 * compile, probe keys), then 11 samples of 10 warm calls each (the page clock ticks in 0.1 ms).
 */
export const TIME_DETECTOR = `(() => {
  const detect = window.__benchDetect;
  const t0 = performance.now();
  const found = detect(document, location.href);
  const cold = performance.now() - t0;
  const warm = [];
  for (let i = 0; i < 11; i++) {
    const t = performance.now();
    for (let k = 0; k < 10; k++) detect(document, location.href);
    warm.push((performance.now() - t) / 10);
  }
  warm.sort((a, b) => a - b);
  return { cold, warm: warm[5], found: found ? (found.id ?? 'adapter') : null };
})()`;
