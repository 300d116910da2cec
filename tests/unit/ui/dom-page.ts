// Test helpers: a small comment page in happy-dom, and a serializer that ignores what the
// extension may add (its own nodes and data-lens-* attributes) — the "restores exactly" check.
import { Window } from 'happy-dom';

export const COMMENTS = [
  ['ann', 'Great plan, long overdue. I fully support it.'],
  ['bob', 'This will never work and it wastes money.'],
  ['cy', 'When does it start?'],
  ['dee', 'The old bridge was built in 1962.'],
] as const;

export function makePage(): { window: Window; document: Document } {
  const window = new Window({ url: 'https://news.example/2024/bridge' });
  const document = window.document as unknown as Document;
  document.write(`<!doctype html><html><head><title>Bridge</title></head><body>
<article><h1>City approves bridge plan</h1><p>The council approved a new bridge on Tuesday.</p></article>
<section id="comments"><ol class="comment-list">
${COMMENTS.map(([a, t], i) => `<li class="comment" id="comment-${i + 1}" style="color: red"><div class="meta"><b class="fn">${a}</b></div><div class="comment-content"><p>${t}</p></div></li>`).join('\n')}
</ol><table><tbody><tr class="row-comment" id="tr1"><td>${COMMENTS[0][0]}</td><td>a row comment</td></tr></tbody></table>
<div class="bare" id="bare">bare text comment <i>x</i></div>
<textarea id="typing"></textarea></section></body></html>`);
  return { window, document };
}

/** Serialization of `root` without our nodes and attributes. */
export function pageView(root: Element): string {
  const clone = root.cloneNode(true) as Element;
  for (const own of clone.querySelectorAll('[data-lens-own]')) own.remove();
  for (const el of [clone, ...clone.querySelectorAll('*')]) {
    for (const name of el.getAttributeNames()) if (name.startsWith('data-lens-')) el.removeAttribute(name);
  }
  return (clone as HTMLElement).outerHTML;
}
