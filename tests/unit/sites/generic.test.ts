// The common markup every adapter builds on, under both DOM implementations.
import { afterAll, describe, expect, test } from 'vitest';
import { detectPage, extractPage } from '../../../src/sites/registry';
import { generic } from '../../../src/sites/generic';
import { DOMS, closeHappyWindows, linkedomDoc, withoutSvgStyles } from '../../../scripts/lib/dom-impls';
import { blockText, hasText } from '../../../src/sites/dom';

const ARTICLE = `<article><h1>Council approves bike lanes</h1><time datetime="2024-05-02">May 2</time>
<p>The council voted 7-2 on Tuesday to add protected bike lanes on Main Street.</p>
<p>Work starts in June and should take four months.</p></article>`;

function core(items: string): string {
  return `<html><head><title>t</title></head><body>${ARTICLE}<section id="comments"><ol class="comment-list">${items}</ol></section></body></html>`;
}
const item = (id: number, name: string, text: string, children = ''): string =>
  `<li class="comment" id="comment-${id}" itemscope itemtype="https://schema.org/Comment"><article class="comment-body"><footer>` +
  `<span class="comment-author" itemprop="author">${name}</span> <time itemprop="dateCreated" datetime="2024-05-0${id}T10:00">May ${id}</time></footer>` +
  `<div class="comment-content" itemprop="text">${text}</div><div class="reply"><a class="comment-reply-link">Reply</a></div></article>${children}</li>`;

const DEMO = core(
  item(1, 'reader_one', '<p>Good move, long overdue.</p><p>Second line<br>third line</p>',
    `<ul class="children">${item(2, 'reader_two', '<p>It will never work.</p><blockquote>Good move</blockquote>')}</ul>`) +
  item(3, 'reader_three', '<p>When does work start?</p>'),
);

const microdataOnly = `<html><body>${ARTICLE}<div class="talk"><div itemscope itemtype="http://schema.org/Comment">
<span itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Ann</span></span>
<meta itemprop="dateCreated" content="2024-05-03"><div itemprop="text">Nice.</div></div></div></body></html>`;

afterAll(closeHappyWindows);

describe.each(DOMS)('%s', (_name, make) => {
  test('WordPress core markup with microdata: authors, text, times, nesting', () => {
    const doc = make(DEMO);
    const before = doc.documentElement.outerHTML;
    expect(detectPage(doc)).not.toBeNull();
    const ex = extractPage(doc);
    expect(ex.page.comments).toEqual([
      { id: 'comment-1', author: 'reader_one', text: 'Good move, long overdue.\nSecond line\nthird line', time: '2024-05-01T10:00', depth: 0 },
      { id: 'comment-2', author: 'reader_two', text: 'It will never work.\nGood move', time: '2024-05-02T10:00', parentId: 'comment-1', depth: 1 },
      { id: 'comment-3', author: 'reader_three', text: 'When does work start?', time: '2024-05-03T10:00', depth: 0 },
    ]);
    expect(ex.elements.map((e) => e.id)).toEqual(['comment-1', 'comment-2', 'comment-3']);
    expect(ex.container?.id).toBe('comments');
    expect(ex.page.article.paragraphs.join(' ')).toContain('protected bike lanes');
    expect(ex.page.article.paragraphs.join(' ')).not.toContain('overdue');
    expect(ex.page.article.date).toBe('2024-05-02');
    expect(doc.documentElement.outerHTML).toBe(before); // read-only
  });

  test('schema.org Comment microdata alone is found by the generic heuristic', () => {
    const doc = make(microdataOnly);
    expect(detectPage(doc)).toBe(generic);
    const ex = extractPage(doc);
    expect(ex.page.comments).toEqual([{ id: 'c1', author: 'Ann', text: 'Nice.', time: '2024-05-03', depth: 0 }]);
  });

  test('a page without a comment section is not detected', () => {
    expect(detectPage(make(`<html><body>${ARTICLE}<div class="comments-link"><a href="#">3 comments</a></div></body></html>`))).toBeNull();
  });

  test('an empty comment section is a widget, never invented comments', () => {
    const ex = extractPage(make(`<html><body>${ARTICLE}<div id="comments"></div></body></html>`));
    expect(ex.page.comments).toEqual([]);
    expect(ex.page.widgetOnly).toBe(true);
  });

  test('pingbacks, the recent-comments widget and our own panel are ignored', () => {
    const doc = make(core(item(1, 'a', '<p>real</p>') + '<li class="pingback" id="comment-9"><div class="comment-body">Pingback: x</div></li>')
      .replace('</body>', '<aside class="widget_recent_comments"><ul><li class="comment" id="comment-7">w on post</li></ul></aside><div id="comment-lens"><li class="comment" id="comment-8"><div class="comment-content">ours</div></li></div></body>'));
    expect(extractPage(doc).page.comments.map((c) => c.text)).toEqual(['real']);
  });
});

test.each([
  ['<div>  <span> </span><b>x</b></div>', true],
  ['<div> <script>var a = 1;</script><span hidden>secret</span></div>', false],
  ['<div aria-hidden="true">x</div>', false],
  ['<div><p></p><p><i>deep</i></p></div>', true],
  [`<div>${'<p></p>'.repeat(50)}<p>late</p></div>`, false], // past a budget of 40 nodes
])('hasText(%s) is %s (budget 40)', (html, want) => {
  const el = linkedomDoc(`<html><body>${html}</body></html>`).body.firstElementChild as Element;
  expect(hasText(el, 40)).toBe(want);
  if (want) expect(blockText(el).length).toBeGreaterThan(0);
});

test('the happy-dom workaround only drops <style> inside <svg>', () => {
  expect(withoutSvgStyles('<style>p{}</style><svg><style>a{}</style><path/></svg><p>x</p>')).toBe('<style>p{}</style><svg><path/></svg><p>x</p>');
});
