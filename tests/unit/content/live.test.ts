import { expect, test, vi } from 'vitest';
import { Window } from 'happy-dom';
import { ancestors, hasPageChange, isOwnNode, observePage } from '../../../src/content/live';

function doc() {
  const w = new Window({ url: 'https://x.example/' });
  const d = w.document as unknown as Document;
  d.body.append(d.createElement('ol'));
  return { w, d, list: d.querySelector('ol')! };
}

test('own nodes and nodes inside them are recognised', () => {
  const { d, w } = doc();
  const own = d.createElement('comment-lens-tag');
  own.setAttribute('data-lens-own', '');
  const inner = d.createElement('span');
  own.append(inner, d.createTextNode('t'));
  expect(isOwnNode(own)).toBe(true);
  expect(isOwnNode(inner)).toBe(true);
  expect(isOwnNode(own.lastChild!)).toBe(true);
  expect(isOwnNode(d.createElement('li'))).toBe(false);
  w.close();
});

test.each([
  ['only our tag added', [['own']], false],
  ['a page comment added', [['li']], true],
  ['whitespace text only', [['ws']], false],
  ['ours and the page together', [['own', 'li']], true],
  ['nothing', [], false],
])('%s -> %s', (_n, records, want) => {
  const { d, w } = doc();
  const make = (k: string): Node => {
    if (k === 'ws') return d.createTextNode('\n  ');
    const e = d.createElement(k === 'own' ? 'comment-lens-tag' : 'li');
    if (k === 'own') e.setAttribute('data-lens-own', '');
    return e;
  };
  const recs = records.map((nodes) => ({ addedNodes: nodes.map(make), removedNodes: [] as Node[] }));
  expect(hasPageChange(recs)).toBe(want);
  w.close();
});

test('observer waits for a quiet page, keeps a minimum interval, ignores ours, stops on abort', async () => {
  const { d, w, list } = doc();
  // Our own timers are faked (the page's MutationObserver delivery is not), so nothing here
  // depends on how fast the machine is.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  try {
    const ac = new AbortController();
    let calls = 0;
    observePage(list, ac.signal, () => calls++, 10, 150);
    const settle = async (ms: number) => {
      for (let i = 0; i < 5; i++) await Promise.resolve(); // let mutation records arrive
      await new Promise((r) => queueMicrotask(() => r(null)));
      vi.advanceTimersByTime(ms);
    };
    const own = d.createElement('comment-lens-tag');
    own.setAttribute('data-lens-own', '');
    list.append(own);
    await settle(100);
    expect(calls).toBe(0);
    list.append(d.createElement('li'), d.createElement('li'));
    list.append(d.createElement('li'));
    await settle(5);
    expect(calls).toBe(0); // not quiet for 10 ms yet
    await settle(10);
    expect(calls).toBe(1); // one call for the whole batch
    list.append(d.createElement('li'));
    await settle(50);
    expect(calls).toBe(1); // within the minimum interval: deferred, not dropped
    await settle(150);
    expect(calls).toBe(2);
    ac.abort();
    list.append(d.createElement('li'));
    await settle(500);
    expect(calls).toBe(2);
  } finally {
    vi.useRealTimers();
    w.close();
  }
});

test('ancestors climb from a node inside a shadow root to the document', () => {
  const { d, w } = doc();
  const host = d.createElement('div');
  d.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const inner = d.createElement('section');
  root.append(inner);
  expect(ancestors(inner)).toEqual([root, host, d.body, d.documentElement, d]);
  w.close();
});

test('a watched section the page replaces in its parent calls back; a sibling change does not', async () => {
  const { d, w, list } = doc();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  try {
    const ac = new AbortController();
    let calls = 0;
    observePage(list, ac.signal, () => calls++, 10, 0);
    const settle = async (ms: number) => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      await new Promise((r) => queueMicrotask(() => r(null)));
      vi.advanceTimersByTime(ms);
    };
    d.body.append(d.createElement('aside')); // an ancestor's child list changes, the section stays
    await settle(50);
    expect(calls).toBe(0);
    list.replaceWith(d.createElement('ol')); // outside the watched subtree
    await settle(50);
    expect(calls).toBe(1);
    ac.abort();
    d.body.firstElementChild!.remove();
    await settle(50);
    expect(calls).toBe(1);
  } finally {
    vi.useRealTimers();
    w.close();
  }
});
