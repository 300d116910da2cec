// The session's refined pass over a fake refining client: batches that come back to back (the
// worker's cache answers at once) relabel badges and counts together, so every look agrees.
import { afterEach, expect, test } from 'vitest';
import { Window } from 'happy-dom';
import type { RefineClient, RefineJob } from '../../../src/content/refine-client';
import { Session } from '../../../src/content/session';
import { defaultSettings } from '../../../src/options/schema';
import type { StanceLabel } from '../../../src/parser/types';
import { STANCES } from '../../../src/parser/types';
import { detectPage } from '../../../src/sites/registry';
import { StanceEngine } from '../../../src/stance/index';
import { TEXTS } from './bridge-texts';

const URL = 'https://news.example/bridge';
const engine = new StanceEngine();
const comment = (i: number, text: string) => `<li id="comment-${i}" class="comment"><article class="comment-body">
<footer class="comment-meta"><b class="fn">reader_${i % 3}</b></footer><div class="comment-content"><p>${text}</p></div></article></li>`;

let win: Window | undefined;
afterEach(() => win?.close());

/** The bridge article with TEXTS as its comments; host(): our panel's host once there. */
function bridgePage() {
  const window = new Window({ url: URL });
  win = window;
  const document = window.document as unknown as Document;
  document.write(`<!doctype html><html><body><main><article><h1>City approves bridge plan</h1>
<p>The council approved a plan to replace the old bridge.</p></article><section id="comments"><ol class="comment-list">
${TEXTS.map((t, i) => comment(i + 1, t)).join('')}</ol></section></main></body></html>`);
  return { document, host: () => document.getElementById('comment-lens') };
}

test('refined batches back to back: after each, the panel counts what the badges say', async () => {
  const { document, host } = bridgePage();
  const count = (k: string) => host()?.shadowRoot?.querySelector(`[data-count="${k}"]`)?.textContent;
  const looks: Array<{ counts: Record<string, string | undefined>; badges: Record<string, number> }> = [];
  const look = () => {
    const marks = [...document.querySelectorAll('[data-lens-stance]')].map((e) => e.getAttribute('data-lens-stance'));
    looks.push({
      counts: Object.fromEntries(STANCES.map((s) => [s, count(s)])),
      badges: Object.fromEntries(STANCES.map((s) => [s, marks.filter((m) => m === s).length])),
    });
  };
  // Every refined label flips the comment to the next stance, so each batch changes the counts.
  const flip = (l: StanceLabel): StanceLabel => ({ ...l, label: STANCES[(STANCES.indexOf(l.label) + 1) % STANCES.length]!, pass: 'refined' });
  let jobs = 0;
  const refine = {
    run: async (j: RefineJob) => {
      jobs++;
      // three batches, one right after the other
      const n = j.order.length;
      const cuts = [0, Math.ceil(n / 3), Math.ceil((2 * n) / 3), n];
      for (let b = 0; b < 3; b++) {
        j.onBatch(j.order.slice(cuts[b], cuts[b + 1]).map((i) => [i, flip(j.labels[i]!)] as const), cuts[b + 1]!, n);
        look();
      }
      return 'done' as const;
    },
    close: () => {},
  } as unknown as RefineClient;
  const session = new Session(document, detectPage(document, URL)!, defaultSettings(), { persist: () => {}, count: () => {}, engine: () => Promise.resolve(engine), refine });
  session.start();
  for (let i = 0; i < 400 && host()?.getAttribute('data-lens-refine') !== 'done'; i++) await new Promise((r) => setTimeout(r, 10));
  expect(host()?.getAttribute('data-lens-refine')).toBe('done');
  expect(jobs).toBe(1);
  expect(looks).toHaveLength(3);
  for (const l of looks) expect(l.counts).toEqual(Object.fromEntries(STANCES.map((s) => [s, String(l.badges[s])])));
  // each batch changed what the one before showed
  expect(looks[0]).not.toEqual(looks[1]);
  expect(looks[1]).not.toEqual(looks[2]);
  session.stop();
});

test('a rerun that starts while the refined pass waits for its frame: the stale pass never starts, the rerun refines the whole thread', async () => {
  const { document, host } = bridgePage();
  const jobs: number[] = [];
  const refine = {
    run: async (j: RefineJob) => {
      jobs.push(j.thread.comments.length);
      j.onBatch(j.order.map((i) => [i, { ...j.labels[i]!, pass: 'refined' as const }] as const), j.order.length, j.order.length);
      return 'done' as const;
    },
    close: () => {},
  } as unknown as RefineClient;
  let added = false;
  // The page's engine is slow to come (400 ms): a reader's comment added when it is asked for is
  // seen (after the observer's 300 ms of quiet) while this first pass still runs, so a rerun
  // follows it at once, while its refined pass waits for the panel's frame.
  const slowEngine = () => {
    if (!added) {
      added = true;
      document.querySelector('.comment-list')!.insertAdjacentHTML('beforeend', comment(TEXTS.length + 1, 'I think the new bridge is a great idea.'));
    }
    return new Promise<StanceEngine>((r) => setTimeout(() => r(engine), 400));
  };
  const session = new Session(document, detectPage(document, URL)!, defaultSettings(), { persist: () => {}, count: () => {}, engine: slowEngine, refine });
  session.start();
  for (let i = 0; i < 400 && !(jobs.length > 0 && host()?.getAttribute('data-lens-refine') === 'done'); i++) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 300)); // a stale pass, had it survived, would have started by now
  expect(added).toBe(true);
  expect(jobs).toEqual([TEXTS.length + 1]);
  expect(host()?.getAttribute('data-lens-refine')).toBe('done');
  session.stop();
});

test("a thread the refined pass cannot carry (unsent): the panel says skipped, the badges keep the fast labels", async () => {
  const { document, host } = bridgePage();
  const refine = { run: async () => 'unsent' as const, close: () => {} } as unknown as RefineClient;
  const session = new Session(document, detectPage(document, URL)!, defaultSettings(), { persist: () => {}, count: () => {}, engine: () => Promise.resolve(engine), refine });
  session.start();
  for (let i = 0; i < 400 && host()?.getAttribute('data-lens-refine') !== 'skipped'; i++) await new Promise((r) => setTimeout(r, 10));
  expect(host()?.getAttribute('data-lens-refine')).toBe('skipped');
  const passes = [...document.querySelectorAll('comment-lens-tag')].map((t) => t.getAttribute('data-lens-pass'));
  expect(passes.length).toBeGreaterThan(0);
  expect(passes.filter((p) => p !== 'fast')).toEqual([]);
  session.stop();
});
