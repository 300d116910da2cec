// The content script's session on a happy-dom page with the real adapters, parser, stance engine
// and summary: the panel numbers match the pipeline, live comments are picked up, stop() restores.
import { afterEach, expect, test } from 'vitest';
import { Window } from 'happy-dom';
import { Session } from '../../../src/content/session';
import { TEXTS } from './bridge-texts';
import { Labeller } from '../../../src/stance/index';
import { defaultSettings, type Settings } from '../../../src/options/schema';
import { buildThread } from '../../../src/parser/thread';
import { detectPage, extractPage } from '../../../src/sites/registry';
import { StanceEngine, labelThread } from '../../../src/stance/index';
import { analyze } from '../../../src/pipeline';

const inPage = new StanceEngine();
const engine = () => Promise.resolve(inPage);
import { reportOf } from '../../../src/ui/frames';


function comment(i: number, text: string): string {
  return `<li id="comment-${i}" class="comment" itemscope itemtype="https://schema.org/Comment">
<article class="comment-body"><footer class="comment-meta"><b class="fn" itemprop="author">reader_${i % 3}</b></footer>
<div class="comment-content" itemprop="text"><p>${text}</p></div></article></li>`;
}

function page() {
  const window = new Window({ url: 'https://news.example/bridge' });
  const document = window.document as unknown as Document;
  document.write(`<!doctype html><html><head><title>Bridge</title></head><body><main><article><h1>City approves bridge plan</h1>
<p>The council approved a plan to replace the old bridge.</p><p>Critics say buses need the money more.</p></article>
<section id="comments"><h2>Comments</h2><ol class="comment-list">${TEXTS.map((t, i) => comment(i + 1, t)).join('')}</ol></section></main></body></html>`);
  return { window, document };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
};

let win: Window | undefined;
afterEach(() => win?.close());

function run(settings: Settings = defaultSettings()) {
  const { window, document } = page();
  win = window;
  const before = document.documentElement.outerHTML;
  const adapter = detectPage(document, 'https://news.example/bridge');
  expect(adapter).not.toBeNull();
  const counts: number[] = [];
  const session = new Session(document, adapter!, settings, { persist: () => {}, count: (n) => counts.push(n), engine });
  session.start();
  const host = () => document.getElementById('comment-lens');
  const count = (k: string) => host()?.shadowRoot?.querySelector(`[data-count="${k}"]`)?.textContent;
  return { window, document, before, session, host, count, counts };
}

test('Labeller gives the same labels as labelThread', () => {
  const { document, window } = page();
  win = window;
  const thread = buildThread(extractPage(document, 'https://news.example/bridge').page);
  const engine = new StanceEngine();
  const l = new Labeller(engine, thread);
  thread.comments.forEach((_c, i) => l.label(i));
  expect(l.labels).toEqual(labelThread(thread, engine));
});

test('Labeller: a placeholder is neutral with zero confidence, whatever its text says', () => {
  const thread = {
    article: { paragraphs: ['The council approved the bridge.'] },
    comments: [
      { id: 'c1', author: 'a', text: 'Great plan, I fully support it.' },
      { id: 'c2', author: '', text: '[deleted]', placeholder: 'deleted' as const, parentId: 'c1' },
      { id: 'c3', author: 'b', text: 'Agreed!', parentId: 'c2' },
    ],
  };
  const l = new Labeller(new StanceEngine(), thread);
  thread.comments.forEach((_c, i) => l.label(i));
  expect(l.labels[1]).toEqual({ label: 'neutral', confidence: 0, cues: [{ rule: 'placeholder', reason: 'deleted comment: nothing to read', weight: 0 }] });
  expect(l.labels).toHaveLength(3);
});

test('panel counts equal the shared pipeline on the same page', async () => {
  const r = run();
  await until(() => r.host()?.getAttribute('data-lens-state') === 'ready');
  const ex = extractPage(r.document, 'https://news.example/bridge');
  const { summary, labels } = analyze(buildThread(ex.page));
  expect(r.count('total')).toBe(String(summary.total));
  for (const s of ['support', 'oppose', 'neutral', 'question'] as const) expect(r.count(s)).toBe(String(summary.byStance[s]));
  expect(ex.elements.map((e) => e.getAttribute('data-lens-stance'))).toEqual(labels.map((l) => l.label));
  expect(r.counts.at(-1)).toBe(TEXTS.length);
  r.session.stop();
});

test('a live comment gets labelled and counted; stop() restores the page exactly', async () => {
  const r = run({ ...defaultSettings(), loadMode: 'collapse-all' });
  await until(() => r.host()?.getAttribute('data-lens-state') === 'ready');
  expect([...r.document.querySelectorAll('li.comment')].every((e) => e.getAttribute('data-lens-collapsed') === 'true')).toBe(true);
  const list = r.document.querySelector('ol.comment-list')!;
  const tmp = r.document.createElement('ol');
  tmp.innerHTML = comment(9, 'Does anyone know the total cost?');
  list.append(tmp.firstElementChild!);
  await until(() => r.count('total') === String(TEXTS.length + 1));
  const added = r.document.getElementById('comment-9')!;
  expect(added.getAttribute('data-lens-stance')).toBeTruthy();
  expect(added.querySelectorAll('comment-lens-tag').length).toBe(1);
  added.remove();
  r.session.stop();
  expect(r.document.documentElement.outerHTML).toBe(r.before);
  expect(r.document.adoptedStyleSheets.length).toBe(0);
});

test('a failure shows an error state instead of labelling forever, and stop() still restores', async () => {
  const { window, document } = page();
  win = window;
  const before = document.documentElement.outerHTML;
  const adapter = detectPage(document, 'https://news.example/bridge')!;
  // Any throw inside the run will do: here the page's address cannot be read.
  Object.defineProperty(document, 'location', {
    get: () => {
      throw new Error('no location');
    },
  });
  const session = new Session(document, adapter, defaultSettings(), { persist: () => {}, count: () => {}, engine });
  session.start();
  await until(() => document.getElementById('comment-lens')?.getAttribute('data-lens-state') === 'error');
  session.stop();
  expect(document.documentElement.outerHTML).toBe(before);
});

test('stop() during labelling and an immediate start() still finish a run', async () => {
  const r = run();
  r.session.stop(); // while the first pass is in flight
  r.session.start();
  await until(() => r.host()?.getAttribute('data-lens-state') === 'ready');
  expect(r.document.querySelectorAll('#comment-lens').length).toBe(1);
  expect(r.count('total')).toBe(String(TEXTS.length));
  expect(r.document.querySelectorAll('comment-lens-tag').length).toBe(TEXTS.length);
  r.session.stop();
  expect(r.document.documentElement.outerHTML).toBe(r.before);
});

test('a comment section the page replaces is read anew: new counts, new tags, none left of the old', async () => {
  const r = run();
  await until(() => r.host()?.getAttribute('data-lens-state') === 'ready' && r.count('total') === String(TEXTS.length));
  const next = r.document.createElement('section');
  next.id = 'comments';
  const fresh = ['Why was the north left out?', 'Good decision, finally.', 'This is a waste of money.'];
  // Parsed in a detached box: the new section enters the page in one replaceWith, as a site would do it.
  const box = r.document.createElement('div');
  box.innerHTML = `<h2>Comments</h2><ol class="comment-list">${fresh.map((t, i) => comment(20 + i, t)).join('')}</ol>`;
  next.append(...box.childNodes);
  r.document.querySelector('#comments')!.replaceWith(next);
  await until(() => r.count('total') === String(fresh.length));
  await until(() => r.host()?.getAttribute('data-lens-state') === 'ready');
  expect([...next.querySelectorAll('li.comment')].every((li) => li.hasAttribute('data-lens-stance'))).toBe(true);
  expect(r.document.querySelectorAll('comment-lens-tag').length).toBe(fresh.length);
  expect(r.counts.at(-1)).toBe(fresh.length);
  // The observer moved to the new section: a comment added there is counted too.
  const more = r.document.createElement('ol');
  more.innerHTML = comment(30, 'When will it open?');
  next.querySelector('ol')!.append(more.firstElementChild!);
  await until(() => r.count('total') === String(fresh.length + 1));
  r.session.stop();
  expect(r.document.querySelectorAll('[data-lens-stance], [data-lens-own]').length).toBe(0);
});

test('a section emptied by the page counts zero instead of keeping the old numbers', async () => {
  const r = run();
  await until(() => r.host()?.getAttribute('data-lens-state') === 'ready' && r.count('total') === String(TEXTS.length));
  r.document.querySelector('ol.comment-list')!.replaceChildren();
  await until(() => r.count('total') === '0');
  expect(r.counts.at(-1)).toBe(0);
  r.session.stop();
});

test('in a comment frame: no panel, the counts go to report(), stop() reports off', async () => {
  const { window, document } = page();
  win = window;
  const adapter = detectPage(document, 'https://news.example/bridge')!;
  const reports: Array<{ state: string; total: number; support: number }> = [];
  const session = new Session(document, adapter, defaultSettings(), {
    persist: () => {},
    count: () => {},
    engine,
    report: (r) => reports.push({ state: r.state, total: r.total, support: r.byStance.support }),
  });
  session.start();
  await until(() => reports.some((r) => r.state === 'ready'));
  expect(document.getElementById('comment-lens')).toBeNull();
  expect(document.querySelectorAll('[data-lens-stance]').length).toBe(TEXTS.length);
  const want = analyze(buildThread(extractPage(document, 'https://news.example/bridge', adapter).page)).summary;
  expect(reports).toEqual([
    { state: 'labelling', total: TEXTS.length, support: 0 },
    { state: 'ready', total: want.total, support: want.byStance.support },
  ]);
  session.command({ command: 'collapse-all' });
  expect(document.querySelectorAll('[data-lens-collapsed="true"]').length).toBe(TEXTS.length);
  session.stop();
  expect(reports.at(-1)).toEqual({ state: 'off', total: 0, support: 0 });
  expect(document.querySelectorAll('[data-lens-stance], comment-lens-tag').length).toBe(0);
});

test('top frame: a frame report (even one from before start) is added to the panel and the toolbar count', async () => {
  const { session, count, counts, host } = run();
  session.stop();
  const frameSummary = { total: 4, byStance: { support: 1, oppose: 1, neutral: 1, question: 1 }, byAuthor: [['zed', 3], ['amy', 1]] as Array<[string, number]>, repliesInferred: 0, repliesMarked: 0, unsure: 0 };
  session.frameReport(6, reportOf(frameSummary, 'ready'));
  session.start();
  await until(() => host()?.getAttribute('data-lens-state') === 'ready' && count('total') === String(TEXTS.length + 4));
  expect(counts.at(-1)).toBe(TEXTS.length + 4);
  expect(host()!.shadowRoot!.querySelector('[data-role="status"]')!.textContent).toBe('Comments on this page and in the Disqus frame');
  session.frameReport(6, reportOf(frameSummary, 'off'));
  expect(count('total')).toBe(String(TEXTS.length));
  expect(counts.at(-1)).toBe(TEXTS.length);
});
