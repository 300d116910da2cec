// The structural finder on markup no adapter knows (class names made up for these tests), under
// both DOM implementations: what it must find, what it must leave alone, and fields by role.
import { afterAll, describe, expect, test } from 'vitest';
import { detectPage, extractPage } from '../../../src/sites/registry';
import { FINDER_ID, explainFinder } from '../../../src/sites/finder/index';
import { readRoles } from '../../../src/sites/finder/roles';
import { DOMS, closeHappyWindows, linkedomDoc } from '../../../scripts/lib/dom-impls';

const ARTICLE = `<article><h1>Council approves bike lanes</h1>
<p>The council voted 7-2 on Tuesday to add protected bike lanes on Main Street, after a long debate.</p>
<p>Work starts in June and should take four months, the city's transport office said on Wednesday.</p>
<p>Residents who spoke at the meeting were split on the plan and on the loss of parking spaces.</p></article>`;

const page = (body: string): string => `<html><head><title>t</title></head><body>${ARTICLE}${body}</body></html>`;

/** One reader's block in a made-up template: name link, date, words, a reply link, replies inside. */
const post = (n: number, name: string, text: string, replies = ''): string =>
  `<div class="xq-post" id="p${n}"><div class="xq-head"><img src="a.png"><a href="/u/${name}">${name}</a>` +
  `<span class="xq-when">March ${n}, 2024 at 10:0${n} am</span></div><div class="xq-words"><p>${text}</p></div>` +
  `<div class="xq-tools"><a href="#r">Reply</a> <a href="#f">Report</a> <span>3 likes</span></div>${replies}</div>`;

const THREAD = page(`<h3>Kommentare (4)</h3><div class="xq-thread">
${post(1, 'anna_k', 'Finally. I ride there every day and it is dangerous.', post(2, 'bob', 'It will never work with the delivery trucks parked everywhere.'))}
${post(3, 'carla', 'Does anyone know whether the lanes will be cleared of snow?')}
${post(4, 'dev99', 'Good decision, but four months of works is far too long.')}
</div><form><textarea></textarea></form>`);

afterAll(closeHappyWindows);

describe.each(DOMS)('%s', (_name, make) => {
  test('unknown markup: repeated blocks with a name, a date and prose under a comment heading', () => {
    const doc = make(THREAD);
    const before = doc.documentElement.outerHTML;
    const adapter = detectPage(doc);
    expect(adapter?.id).toBe(FINDER_ID);
    const { page: p, elements } = extractPage(doc, undefined, adapter ?? undefined);
    expect(doc.documentElement.outerHTML, 'the finder never modifies the page').toBe(before);
    expect(p.platform).toBe(FINDER_ID);
    expect(p.comments.map((c) => [c.id, c.author, c.parentId ?? null])).toEqual([
      ['p1', 'anna_k', null], ['p2', 'bob', 'p1'], ['p3', 'carla', null], ['p4', 'dev99', null],
    ]);
    // the body by role: no byline, no "Reply"/"Report", no like count, no nested reply's words
    expect(p.comments[0]!.text).toBe('Finally. I ride there every day and it is dangerous.');
    expect(p.comments[1]!.text).toBe('It will never work with the delivery trucks parked everywhere.');
    expect(p.comments[0]!.time).toBe('March 1, 2024 at 10:01 am');
    expect(elements.map((e) => e.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
    // the article is read beside them, without the comments in it
    expect(p.article.paragraphs.join(' ')).toContain('protected bike lanes');
    expect(p.article.paragraphs.join(' ')).not.toContain('delivery trucks');
  });

  test('a "recent comments" widget in a sidebar is furniture, not the discussion', () => {
    const widget = `<aside class="sidebar"><h3>Recent comments</h3><ul class="rc">${[1, 2, 3, 4].map((n) =>
      `<li class="rc-item"><a href="/u/${n}">user${n}</a> on <a href="/post/${n}">A post title number ${n} about things</a> <span>March ${n}, 2024</span></li>`).join('')}</ul></aside>`;
    const doc = make(page(widget));
    expect(detectPage(doc)).toBeNull();
  });

  test('teasers of other articles (headings, links, bylines) are not comments', () => {
    const teasers = `<section class="more"><h2>More news</h2>${[1, 2, 3].map((n) =>
      `<div class="card"><h3><a href="/n/${n}">Another story number ${n} with a headline</a></h3><span class="by">By Staff</span>` +
      `<span>March ${n}, 2024</span><p>The first lines of another story that the site wants you to read next.</p></div>`).join('')}</section>`;
    expect(detectPage(make(page(teasers)))).toBeNull();
  });

  test('the article\'s own paragraphs never make a comment section', () => {
    const doc = make(page(''));
    expect(detectPage(doc)).toBeNull();
  });

  test('a lone comment needs a section named for comments and a date', () => {
    const lone = (section: string, when: string): string =>
      page(`<div id="${section}"><div class="comment-box"><b>zed</b> <span>${when}</span><p>I was there, and it was packed all day long.</p></div></div>`);
    expect(detectPage(make(lone('comments', 'March 3, 2024')))?.id).toBe(FINDER_ID);
    for (const doc of [make(lone('comments', 'yesterday')), make(lone('extra', 'March 3, 2024'))]) {
      const adapter = detectPage(doc);
      expect(adapter?.id).not.toBe(FINDER_ID);
      expect(extractPage(doc, undefined, adapter ?? undefined).page.comments).toEqual([]);
    }
  });

  test('a definition list: the name in the <dt>, the words in the <dd>, the date in the footer <dd>', () => {
    const dl = `<div id="comments"><h4>2 comments:</h4><dl class="cblock">${[['Emily', 'Just made a batch of this, delicious!'], ['Tom', 'Can I use brown sugar instead of white?']].map(([who, what], i) =>
      `<dt class="cauthor"><a href="/p/${i}">${who}</a> said...</dt><dd class="cbody"><p>${what}</p></dd><dd class="cfoot"><span>October ${i + 9}, 2012 3:04 PM</span></dd>`).join('')}</dl></div>`;
    const doc = make(page(dl));
    const adapter = detectPage(doc);
    expect(adapter?.id).toBe(FINDER_ID);
    const { page: p } = extractPage(doc, undefined, adapter ?? undefined);
    expect(p.comments.map((c) => [c.author, c.text, c.time])).toEqual([
      ['Emily', 'Just made a batch of this, delicious!', 'October 9, 2012 3:04 PM'],
      ['Tom', 'Can I use brown sugar instead of white?', 'October 10, 2012 3:04 PM'],
    ]);
  });

  test('hidden look-alikes (badge explanations in a display:none box) are not read', () => {
    const hidden = `<div id="comments" style="display:none">${[1, 2, 3].map((n) => post(n, `n${n}`, 'Some long enough words in a block that looks like a comment.')).join('')}</div>`;
    const doc = make(page(hidden));
    const adapter = detectPage(doc);
    expect(adapter?.id).not.toBe(FINDER_ID); // #comments alone: generic's empty section
    expect(extractPage(doc, undefined, adapter ?? undefined).page.comments).toEqual([]);
  });

  test('the page flag switches adapters off: WordPress core markup read by the finder', () => {
    const wp = `<div id="comments"><ol class="commentlist">${[1, 2].map((n) =>
      `<li class="comment" id="comment-${n}"><div class="comment-author vcard"><cite class="fn">r${n}</cite> says:</div>` +
      `<div class="comment-meta"><a href="#comment-${n}">May ${n}, 2024 at 9:00 am</a></div><p>Words of reader ${n}, who has an opinion to share.</p></li>`).join('')}</ol></div>`;
    const on = make(page(wp));
    expect(detectPage(on)?.id).toBe('wordpress');
    const off = make(page(wp).replace('<html>', '<html data-comment-lens-adapters="off">'));
    const adapter = detectPage(off);
    expect(adapter?.id).toBe(FINDER_ID);
    const { page: p } = extractPage(off, undefined, adapter ?? undefined);
    expect(p.comments.map((c) => [c.id, c.author, c.text])).toEqual([
      ['comment-1', 'r1', 'Words of reader 1, who has an opinion to share.'],
      ['comment-2', 'r2', 'Words of reader 2, who has an opinion to share.'],
    ]);
  });
});

describe('explain', () => {
  test('prints the winner and every signal with its points', () => {
    const out = explainFinder(linkedomDoc(THREAD));
    expect(out).toMatch(/winner: 3 × DIV\.xq-post/);
    expect(out).toMatch(/\+30\.0 {2}prose/);
    expect(out).toMatch(/commentWord: heading before it: "Kommentare \(4\)"/);
    expect(explainFinder(linkedomDoc(page('')))).toMatch(/winner: none/);
  });
});

describe('fields by role', () => {
  test.each([
    ['"Name says:" byline', '<li><div><cite>Jo</cite> says:</div><div>May 2, 2024 at 1:00 pm</div><p>Nice one, thanks for writing it.</p></li>', 'Jo', 'Nice one, thanks for writing it.'],
    ['footer byline after the words', '<div><p>Interesting numbers, but the sample is small.</p><div class="sig">October 19, 2012 | <a href="/c/1">Fazal Majid</a></div></div>', 'Fazal Majid', 'Interesting numbers, but the sample is small.'],
    ['"written by" line', '<div><span class="t">Title</span><span class="small">written by Tony Hamilton, October 24, 2012</span><div>The energy cost is the problem here.</div></div>', 'Tony Hamilton', 'Title\nThe energy cost is the problem here.'],
    ['heading name, vote count and buttons', '<div><div class="hd"><h4>Fabio</h4></div><span>12 points</span><p>Re-building bridges destroyed by war?</p><a href="#">Reply</a></div>', 'Fabio', 'Re-building bridges destroyed by war?'],
  ])('%s', (_label, html, author, text) => {
    const doc = linkedomDoc(`<html><body>${html}</body></html>`);
    const item = doc.body.firstElementChild!;
    const r = readRoles(item, () => false);
    expect(r.author).toBe(author);
    expect(r.text).toBe(text);
  });
});
