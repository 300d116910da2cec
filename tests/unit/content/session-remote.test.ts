// The session with a background labeller (the background's service over fake ports): the panel
// shows what the shared pipeline computes, live comments are labelled through it too, stop()
// closes the port and restores the page, and a dead background leaves the page labelling itself.
import { afterEach, expect, test } from 'vitest';
import { Window } from 'happy-dom';
import { serveLabels } from '../../../src/background/label-service';
import { RemoteLabeller, type ClientPort } from '../../../src/content/remote-labeller';
import { Session } from '../../../src/content/session';
import { TEXTS } from './bridge-texts';
import { defaultSettings } from '../../../src/options/schema';
import { buildThread } from '../../../src/parser/thread';
import { analyze } from '../../../src/pipeline';
import { detectPage, extractPage } from '../../../src/sites/registry';
import { StanceEngine } from '../../../src/stance/index';
import { portPair, type FakePort } from '../background/fake-port';

const URL = 'https://news.example/bridge';
const engine = new StanceEngine();

const comment = (i: number, text: string, replies = '') => `<li id="comment-${i}" class="comment"><article class="comment-body">
<footer class="comment-meta"><b class="fn">reader_${i % 3}</b></footer><div class="comment-content"><p>${text}</p></div></article>${replies}</li>`;

let win: Window | undefined;
afterEach(() => win?.close());

function setup(alive = true) {
  const window = new Window({ url: URL });
  win = window;
  const document = window.document as unknown as Document;
  document.write(`<!doctype html><html><head><title>Bridge</title></head><body><main><article><h1>City approves bridge plan</h1>
<p>The council approved a plan to replace the old bridge.</p></article><section id="comments"><ol class="comment-list">
${comment(1, TEXTS[0]!, `<ol class="children">${comment(2, 'I disagree, it is a waste.')}</ol>`)}${TEXTS.slice(1).map((t, i) => comment(i + 3, t)).join('')}</ol></section></main></body></html>`);
  const before = document.documentElement.outerHTML;
  const ports: FakePort[] = [];
  const connect = (): ClientPort => {
    const [client, service] = portPair();
    ports.push(client);
    if (alive) serveLabels(service, () => engine);
    return client;
  };
  // A live background gets time to answer on a loaded machine; a dead one is given up on quickly.
  const remote = new RemoteLabeller(connect, { stallMs: alive ? 2_000 : 100 });
  const session = new Session(document, detectPage(document, URL)!, defaultSettings(), { persist: () => {}, count: () => {}, remote, engine: () => Promise.resolve(engine) });
  const host = () => document.getElementById('comment-lens');
  const count = (k: string) => host()?.shadowRoot?.querySelector(`[data-count="${k}"]`)?.textContent;
  const want = () => {
    const ex = extractPage(document, URL);
    return { ex, ...analyze(buildThread(ex.page), engine) };
  };
  return { document, before, ports, remote, session, host, count, want };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
};

test('labelled through the background: the panel and the badges equal the pipeline, live comments too; stop() closes the port', async () => {
  const r = setup();
  r.session.start();
  await until(() => r.host()?.getAttribute('data-lens-state') === 'ready');
  let w = r.want();
  expect(r.count('total')).toBe(String(w.summary.total));
  for (const s of ['support', 'oppose', 'neutral', 'question'] as const) expect(r.count(s)).toBe(String(w.summary.byStance[s]));
  expect(w.ex.elements.map((e) => e.getAttribute('data-lens-stance'))).toEqual(w.labels.map((l) => l.label));
  // the warm-up and the job went out on one port, answered there
  expect(r.ports).toHaveLength(1);
  expect((r.ports[0]!.sent as Array<{ type: string }>).map((m) => m.type)).toEqual(['lens:warm', 'lens:job', 'lens:comments']);
  // a live reply to comment 1: labelled in the background with its parent's kept label
  const box = r.document.createElement('ol');
  box.innerHTML = comment(9, 'Exactly right, well said.');
  r.document.querySelector('#comment-1 ol.children')!.append(box.firstElementChild!);
  await until(() => r.count('total') === String(TEXTS.length + 2));
  w = r.want();
  expect(w.ex.elements.map((e) => e.getAttribute('data-lens-stance'))).toEqual(w.labels.map((l) => l.label));
  const sent = r.ports[0]!.sent as Array<{ type: string; comments?: Array<{ id: string; kept?: unknown }> }>;
  expect(sent.filter((m) => m.type === 'lens:job')).toHaveLength(2);
  expect(sent.at(-1)!.comments!.filter((c) => c.kept === undefined)).toHaveLength(1);
  // of the kept comments, only the new reply's parent travels with its label
  expect(sent.at(-1)!.comments!.filter((c) => c.kept !== undefined && c.kept !== null).map((c) => c.id)).toEqual([w.ex.page.comments[0]!.id ?? 'c1']);
  r.document.getElementById('comment-9')!.remove();
  r.session.stop();
  expect(r.ports[0]!.open).toBe(false);
  expect(r.document.documentElement.outerHTML).toBe(r.before);
});

test('a background that never answers: a small thread is labelled in the page without waiting for it, same panel; stop() restores', async () => {
  const r = setup(false);
  r.session.start();
  await until(() => r.host()?.getAttribute('data-lens-state') === 'ready');
  const w = r.want();
  expect(r.count('total')).toBe(String(w.summary.total));
  expect(w.ex.elements.map((e) => e.getAttribute('data-lens-stance'))).toEqual(w.labels.map((l) => l.label));
  // the page's engine answered first: the silent background's job was dropped, and it is not blamed
  expect((r.ports[0]!.sent as Array<{ type: string }>).map((m) => m.type)).toEqual(['lens:warm', 'lens:job', 'lens:comments']);
  expect(r.remote.usable).toBe(true);
  r.session.stop();
  expect(r.document.documentElement.outerHTML).toBe(r.before);
});
