// Platforms with no saved real page in the corpus: small SYNTHETIC snippets written from each
// platform's public markup. They check that the adapter's data is wired right (fields, nesting,
// shadow roots, widgets); they are not evidence that the selectors match the live sites.
import { afterAll, describe, expect, test } from 'vitest';
import { detectPage, extractPage } from '../../../src/sites/registry';
import { extractFromHtml } from '../../../src/cli/html';
import { DOMS, closeHappyWindows, happyDoc } from '../../../scripts/lib/dom-impls';

afterAll(closeHappyWindows);
const wrap = (s: string): string => `<html><body><article><h1>Story</h1><p>Body of the story here.</p></article>${s}</body></html>`;

const HN = wrap(`<table class="comment-tree">
<tr class="athing comtr" id="101"><td><table><tr><td class="ind" indent="0"></td><td class="default">
<div><span class="comhead"><a class="hnuser">alice</a> <span class="age" title="2024-01-02T03:04:05"><a>1 hour ago</a></span></span></div>
<div class="comment"><div class="commtext c00">Top level.<p>Second paragraph.</p></div><div class="reply"><p><a>reply</a></p></div></div></td></tr></table></td></tr>
<tr class="athing comtr" id="102"><td><table><tr><td class="ind" indent="1"></td><td class="default">
<div><span class="comhead"><a class="hnuser">bob</a></span></div><div class="comment"><div class="commtext c00">A reply.</div></div></td></tr></table></td></tr>
</table>`);

const DISQUS_FRAME = wrap(`<div id="posts"><ul id="post-list" class="post-list">
<li class="post" id="post-1"><div class="post-content"><span class="author"><a data-role="username">Ann</a></span>
<a class="time-ago" title="Tuesday, May 2, 2024 10:00 AM">2 days ago</a><div class="post-message" data-role="message"><p>First!</p></div>
<footer class="post-footer"><a>Reply</a></footer></div>
<ul class="children"><li class="post" id="post-2"><div class="post-content"><span class="author"><a data-role="username">Ben</a></span>
<div class="post-message" data-role="message"><p>No.</p></div></div></li></ul></li></ul></div>`);

const FACEBOOK = wrap('<div class="fb-comments" data-href="https://example.org/a"></div><span class="fb-comments-count">17</span>');

describe.each(DOMS)('%s', (_name, make) => {
  test('Hacker News: indent attribute gives depth and parent', () => {
    const doc = make(HN);
    expect(detectPage(doc)?.id).toBe('hacker-news');
    expect(extractPage(doc).page.comments).toEqual([
      { id: '101', author: 'alice', text: 'Top level.\nSecond paragraph.', time: '2024-01-02T03:04:05', depth: 0 },
      { id: '102', author: 'bob', text: 'A reply.', parentId: '101', depth: 1 },
    ]);
  });

  test('Disqus embed document: nested posts, footer buttons left out', () => {
    const doc = make(DISQUS_FRAME);
    expect(detectPage(doc, 'https://disqus.com/embed/comments/?f=x')?.id).toBe('disqus');
    const { comments } = extractPage(doc, 'https://disqus.com/embed/comments/?f=x').page;
    expect(comments.map((c) => [c.id, c.author, c.text, c.parentId])).toEqual([
      ['1', 'Ann', 'First!', undefined],
      ['2', 'Ben', 'No.', '1'],
    ]);
  });

  test('Facebook plugin: widget only, with the stated count', () => {
    const { page } = extractPage(make(FACEBOOK));
    expect(page.platform).toBe('facebook');
    expect(page.comments).toEqual([]);
    expect(page.widgetOnly).toBe(true);
    expect(page.statedCount).toBe(17);
  });
});

test('Coral: comments inside the open shadow root are read, the light DOM is left alone', () => {
  const doc = happyDoc(wrap('<div id="coral_thread"></div>'));
  const host = doc.getElementById('coral_thread') as HTMLElement;
  const root = host.attachShadow({ mode: 'open' });
  const stream = doc.createElement('div');
  stream.className = 'coral coral-stream';
  for (const [name, body] of [['carol', 'Shadow text.'], ['dave', 'More.']]) {
    const c = doc.createElement('div');
    c.className = 'coral coral-comment';
    const u = doc.createElement('span');
    u.className = 'coral coral-username coral-comment-username';
    u.textContent = name as string;
    const t = doc.createElement('div');
    t.className = 'coral coral-content coral-comment-content';
    t.textContent = body as string;
    c.append(u, t);
    stream.append(c);
  }
  root.append(stream);
  expect(detectPage(doc)?.id).toBe('coral');
  const ex = extractPage(doc);
  expect(ex.page.comments.map((c) => [c.author, c.text])).toEqual([['carol', 'Shadow text.'], ['dave', 'More.']]);
  expect(ex.elements[0]?.getRootNode()).toBe(root);
});

test('CLI reader: extractFromHtml picks the adapter by host when a URL is given', () => {
  const r = extractFromHtml(DISQUS_FRAME, 'https://disqus.com/embed/comments/?f=x');
  expect(r.platform).toBe('disqus');
  expect(r.detected).toBe(true);
  expect(r.page.comments).toHaveLength(2);
  const none = extractFromHtml(wrap(''));
  expect(none).toMatchObject({ platform: 'generic', detected: false });
  expect(none.page.comments).toEqual([]);
});

test('a comment with a name and a blank body keeps its slot: its reply keeps its parent', () => {
  const html = wrap(`<div class="commentarea">
<div class="thing comment" data-fullname="t1_a" data-author="x"><div class="entry"><div class="usertext-body"><div class="md"></div></div></div>
<div class="child"><div class="sitetable"><div class="thing comment" data-fullname="t1_b" data-author="yo"><div class="entry"><p class="tagline"><a class="author">yo</a></p><div class="usertext-body"><div class="md"><p>Reply to a deleted one.</p></div></div></div></div></div></div></div></div>`);
  for (const [, make] of DOMS) {
    const ex = extractPage(make(html));
    expect(ex.page.comments).toEqual([
      { id: 't1_a', author: 'x', text: '', depth: 0 },
      { id: 't1_b', author: 'yo', text: 'Reply to a deleted one.', parentId: 't1_a', depth: 1 },
    ]);
    expect(ex.skipped).toBe(0);
  }
});

test('an item showing nothing at all is counted as skipped; its reply gets no parent and no depth', () => {
  const html = wrap(`<div class="commentarea">
<div class="thing comment" data-fullname="t1_a"><div class="entry"><div class="usertext-body"><div class="md"></div></div></div>
<div class="child"><div class="sitetable"><div class="thing comment" data-fullname="t1_b" data-author="yo"><div class="entry"><p class="tagline"><a class="author">yo</a></p><div class="usertext-body"><div class="md"><p>Reply to a deleted one.</p></div></div></div></div></div></div></div></div>`);
  for (const [, make] of DOMS) {
    const ex = extractPage(make(html));
    expect(ex.page.comments).toEqual([{ id: 't1_b', author: 'yo', text: 'Reply to a deleted one.' }]);
    expect(ex.skipped).toBe(1);
  }
});

test('TypePad: the empty comment-preview template (a blank byline) is no comment; a posted one is read', () => {
  // TypePad pages carry a hidden preview template whose footer reads "Posted by: &nbsp;|&nbsp;":
  // the byline pattern captured the blank, and the empty item counted as one comment.
  const html = wrap(`<div class="comments" id="all-comments"><h3>Comments</h3><div class="comments-content">
<div class="comment" id="comment-6a01"><div class="comment-content"><p>A fair point, well made.</p></div>
<p class="comment-footer">Posted by: <a href="http://x.example">Dana</a> | <a href="#comment-6a01">November 20, 2012 at 10:02 AM</a></p></div>
</div></div>
<div id="comment-preview" class="hiddenBox"><div class="comments-content"><div class="comment comment-has-avatar">
<div id="comment-preview-content" class="comment-content"></div>
<p class="comment-footer">Posted by: <span id="comment-preview-author"></span>&nbsp;|&nbsp;<span id="comment-preview-datetime"></span></p></div></div></div>`);
  const url = 'https://someone.typepad.com/blog/2012/11/post.html';
  for (const [, make] of DOMS) {
    const doc = make(html);
    const adapter = detectPage(doc, url);
    expect(adapter?.id).toBe('typepad');
    const ex = extractPage(doc, url, adapter!);
    expect(ex.page.comments.map((c) => [c.author, c.text])).toEqual([['Dana', 'A fair point, well made.']]);
    expect(ex.skipped).toBe(1);
  }
});
