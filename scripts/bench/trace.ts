// Who made each long main-thread task? One traced load per size (Chromium trace, devtools.timeline):
// every RunTask of 50 ms or more on the bench page's renderer main thread is split into script
// time and rendering time (style, layout, paint). Bench pages carry no script of their own, so
// script time there is ours (the harness's observer is a few µs); a task with none of it is
// rendering — the page's own first layout, or a relayout our DOM writes caused, which the
// no-extension run tells apart.
import type { Page } from 'puppeteer-core';

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'];

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown> }

const SCRIPT = new Set(['v8.evaluateModule', 'EvaluateScript', 'FunctionCall', 'RunMicrotasks', 'v8.compile', 'v8.compileModule', 'TimerFire', 'FireAnimationFrame', 'v8.run']);
const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'ParseHTML', 'RecalculateStyles']);

export interface LongTask {
  /** ms since the page's first ParseHTML */
  at: number;
  ms: number;
  /** our script's own time in it (rendering it forced is not counted here) */
  scriptMs: number;
  /** style, layout, paint in it, also when our script forced them */
  renderMs: number;
}

export interface TaskBreakdown {
  longTasks: LongTask[];
  /** the longest task with script in it (ours on a bench page), 0 when none reached 50 ms */
  longestOurs: number;
  /** the longest task without script: rendering */
  longestRender: number;
  /**
   * the longest rendering-only task after our comment-lens:detected mark: the page's own first
   * layout is done by then (document_end runs after it), so these follow our DOM writes
   */
  longestRenderAfterUs: number;
}

/** The intervals of the events of `kinds` within [from, to), merged (nested ones count once). */
function merged(events: TraceEvent[], kinds: Set<string>, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const e of events) {
    if (e.ts < from || e.ts >= to || !kinds.has(e.name)) continue;
    const stop = e.ts + (e.dur ?? 0);
    const last = out[out.length - 1];
    if (last && e.ts <= last[1]) last[1] = Math.max(last[1], stop);
    else out.push([e.ts, stop]);
  }
  return out;
}

const length = (xs: Array<[number, number]>): number => xs.reduce((s, [a, b]) => s + (b - a), 0);

/** Total length of the overlap of two sorted, merged interval lists. */
function overlap(a: Array<[number, number]>, b: Array<[number, number]>): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]![0], b[j]![0]);
    const hi = Math.min(a[i]![1], b[j]![1]);
    if (hi > lo) total += hi - lo;
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return total;
}

export function breakdown(raw: Uint8Array, pagePath: string): TaskBreakdown {
  const parsed = JSON.parse(Buffer.from(raw).toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const all = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const parse = all.find((e) => e.name === 'ParseHTML' && JSON.stringify(e.args ?? {}).includes(pagePath));
  if (!parse) return { longTasks: [], longestOurs: 0, longestRender: 0, longestRenderAfterUs: 0 };
  const detected = all.find((e) => e.pid === parse.pid && e.name === 'comment-lens:detected');
  const main = all.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const longTasks = main
    .filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= 50_000 && e.ts >= parse.ts - 1000)
    .map((t) => {
      const end = t.ts + (t.dur ?? 0);
      const script = merged(main, SCRIPT, t.ts, end);
      const render = merged(main, RENDER, t.ts, end);
      // A layout our script forces (a geometry read) is nested in its call: counted as rendering.
      return { at: (t.ts - parse.ts) / 1000, ms: (t.dur ?? 0) / 1000, scriptMs: (length(script) - overlap(script, render)) / 1000, renderMs: length(render) / 1000 };
    });
  const ours = longTasks.filter((t) => t.scriptMs >= 1);
  const render = longTasks.filter((t) => t.scriptMs < 1);
  const after = detected ? (detected.ts - parse.ts) / 1000 : Infinity;
  return {
    longTasks,
    longestOurs: ours.reduce((m, t) => Math.max(m, t.ms), 0),
    longestRender: render.reduce((m, t) => Math.max(m, t.ms), 0),
    longestRenderAfterUs: render.filter((t) => t.at >= after).reduce((m, t) => Math.max(m, t.ms), 0),
  };
}

/** Runs `load` with tracing on and returns the breakdown for the page at `pagePath`. */
export async function traced(page: Page, pagePath: string, load: () => Promise<void>): Promise<TaskBreakdown> {
  await page.tracing.start({ categories: TRACE_CATEGORIES });
  await load();
  const raw = await page.tracing.stop();
  return raw ? breakdown(raw, pagePath) : { longTasks: [], longestOurs: 0, longestRender: 0, longestRenderAfterUs: 0 };
}
