// extractComments: the cheap re-read the content script runs after live mutations under
// Extraction.container (comments appended, or the whole list replaced by the page's script).
import { describe, expect, test } from 'vitest';
import { detectPage, extractComments, extractPage } from '../../../src/sites/registry';
import { linkedomDoc } from '../../../scripts/lib/dom-impls';

const item = (id: number, name: string, text: string, children = ''): string =>
  `<li class="comment" id="comment-${id}"><div class="comment-author"><span class="fn">${name}</span></div>` +
  `<div class="comment-content"><p>${text}</p></div>${children}</li>`;

const page = (items: string): string =>
  `<html><body><article><h1>Bridge reopens</h1><p>The bridge reopened on Monday after two years of repairs.</p></article>` +
  `<section id="comments"><ol class="comment-list">${items}</ol></section><aside><p>Related stories</p></aside></body></html>`;

function append(doc: Document, parent: Element, id: number, name: string, text: string): void {
  const tpl = linkedomDoc(`<html><body><ol>${item(id, name, text)}</ol></body></html>`);
  parent.append(doc.importNode(tpl.querySelector('li') as Element, true));
}

describe('extractComments (linkedom)', () => {
  test('agrees with extractPage on the comments, and reads no article', () => {
    const doc = linkedomDoc(page(item(1, 'ann', 'Finally.') + item(2, 'bo', 'Two years is too long.')));
    const adapter = detectPage(doc);
    expect(adapter?.id).toBe('wordpress');
    const full = extractPage(doc, undefined, adapter ?? undefined);
    const only = extractComments(doc, adapter!, full.container);
    expect(only.comments).toEqual(full.page.comments);
    expect(only.elements).toEqual(full.elements);
    expect(only.container).toBe(full.container);
    expect(Object.keys(only).sort()).toEqual(['comments', 'container', 'elements', 'skipped']);
  });

  test('comments appended to the container are found on the re-read, in page order', () => {
    const doc = linkedomDoc(page(item(1, 'ann', 'Finally.')));
    const adapter = detectPage(doc)!;
    const first = extractPage(doc, undefined, adapter);
    const list = doc.querySelector('.comment-list') as Element;
    append(doc, list, 2, 'bo', 'Two years is too long.');
    append(doc, doc.getElementById('comment-1') as Element, 3, 'cy', 'It was worth the wait.'); // a nested reply
    const before = doc.documentElement.outerHTML;
    const again = extractComments(doc, adapter, first.container);
    expect(doc.documentElement.outerHTML).toBe(before); // still read-only
    expect(again.comments.map((c) => [c.id, c.author, c.text, c.parentId ?? null])).toEqual([
      ['comment-1', 'ann', 'Finally.', null],
      ['comment-3', 'cy', 'It was worth the wait.', 'comment-1'],
      ['comment-2', 'bo', 'Two years is too long.', null],
    ]);
    expect(again.elements.map((e) => e.id)).toEqual(['comment-1', 'comment-3', 'comment-2']);
    expect(again.container).toBe(first.container);
  });

  test('the list replaced inside the container: only the new comments', () => {
    const doc = linkedomDoc(page(item(1, 'ann', 'Finally.') + item(2, 'bo', 'Too long.')));
    const adapter = detectPage(doc)!;
    const first = extractPage(doc, undefined, adapter);
    const section = doc.getElementById('comments') as Element;
    const fresh = linkedomDoc(page(item(7, 'dee', 'New page of comments.'))).querySelector('.comment-list') as Element;
    (section.querySelector('.comment-list') as Element).replaceWith(doc.importNode(fresh, true));
    const again = extractComments(doc, adapter, first.container);
    expect(again.comments.map((c) => [c.id, c.author, c.text])).toEqual([['comment-7', 'dee', 'New page of comments.']]);
    expect(again.container).toBe(section);
  });

  test('the whole section replaced (old container detached): the page is read again, new container', () => {
    const doc = linkedomDoc(page(item(1, 'ann', 'Finally.')));
    const adapter = detectPage(doc)!;
    const first = extractPage(doc, undefined, adapter);
    const fresh = linkedomDoc(page(item(8, 'eve', 'Rebuilt.') + item(9, 'fay', 'Me too.'))).getElementById('comments') as Element;
    const replacement = doc.importNode(fresh, true);
    (first.container as Element).replaceWith(replacement);
    const again = extractComments(doc, adapter, first.container);
    expect(again.comments.map((c) => c.id)).toEqual(['comment-8', 'comment-9']);
    expect(again.container).toBe(replacement);
  });

  test('comments outside the given container are not read (the scope is the section)', () => {
    const doc = linkedomDoc(page(item(1, 'ann', 'Finally.')).replace('<aside>', `<aside><ol class="comment-list">${item(5, 'zed', 'elsewhere')}</ol>`));
    const adapter = detectPage(doc)!;
    const section = doc.getElementById('comments') as Element;
    expect(extractComments(doc, adapter, section).comments.map((c) => c.id)).toEqual(['comment-1']);
    expect(extractComments(doc, adapter).comments.map((c) => c.id)).toEqual(['comment-1', 'comment-5']);
  });

  test('a widget that fills in later: empty first, comments once they arrive', () => {
    const doc = linkedomDoc('<html><body><article><h1>t</h1><p>Story text here.</p></article><div id="comments"></div></body></html>');
    const adapter = detectPage(doc)!;
    const first = extractPage(doc, undefined, adapter);
    expect(first.page.widgetOnly).toBe(true);
    expect(first.container?.id).toBe('comments');
    const list = doc.createElement('ol');
    list.className = 'comment-list';
    (first.container as Element).append(list);
    append(doc, list, 4, 'gus', 'Arrived late.');
    // the generic heuristic picks its item selector again inside the container
    const again = extractComments(doc, adapter, first.container);
    expect(again.comments.map((c) => [c.author, c.text])).toEqual([['gus', 'Arrived late.']]);
    expect(again.container).toBe(first.container);
  });
});
