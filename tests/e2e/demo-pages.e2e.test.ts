// The demo pages and server, without a browser: every seed becomes a page whose comments the
// site adapters read back exactly as the seed has them, page text is escaped, and the server
// serves fixtures but nothing outside them.
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderArticlePage } from '../../scripts/demo/page';
import { deriveTitle } from '../../scripts/demo/html';
import { startDemoServer, type DemoServer } from '../../scripts/demo/server';
import { detectPage, extractPage } from '../../src/sites/registry';
import type { Thread } from '../../src/parser/types';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('demo pages', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(() => server.close());

  it('every seed parses into a page', () => {
    expect(server.failures).toEqual([]);
    expect(server.seeds.length).toBeGreaterThan(0);
  });

  it('the site adapters read each demo page back as the seed has it', () => {
    for (const seed of server.seeds) {
      const { document } = parseHTML(seed.withComments);
      const url = server.seedUrl(seed.name);
      expect(detectPage(document, url), seed.name).not.toBeNull();
      const got = extractPage(document, url).page;
      expect(got.comments.map((c) => c.author)).toEqual(seed.thread.comments.map((c) => c.author));
      expect(got.comments.map((c) => squash(c.text))).toEqual(seed.thread.comments.map((c) => squash(c.text)));
      expect(document.querySelectorAll('li.comment[itemtype="https://schema.org/Comment"]').length)
        .toBe(seed.thread.comments.length);
    }
  });

  it('the plain page has the article and no comment section', () => {
    for (const seed of server.seeds) {
      const { document } = parseHTML(seed.plain);
      expect(document.querySelector('#comments, .comment')).toBeNull();
      expect(document.querySelectorAll('article .entry-content p').length).toBe(seed.thread.article.paragraphs.length);
    }
  });

  it('escapes page text and keeps each line of a comment as its own paragraph', () => {
    const thread: Thread = {
      article: { date: '2024-01-02', source: 'A & B <News>', paragraphs: ['First <b>sentence</b>. Second one.'] },
      comments: [{ id: 'c1', author: '<img src=x onerror=alert(1)>', text: 'line "one"\n\nline <script>two</script>' }],
    };
    const html = renderArticlePage(thread, { withComments: true });
    const { document } = parseHTML(html);
    expect(document.querySelector('img, script, b')).toBeNull();
    expect(document.querySelector('.comment-author')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect([...document.querySelectorAll('.comment-content p')].map((p) => p.textContent))
      .toEqual(['line "one"', 'line <script>two</script>']);
    expect(document.querySelector('.credit')?.textContent).toBe('© A & B <News> 2024.');
  });

  it.each([
    ['Short. Then more.', 'Short.'],
    ['The U.S. Ambassador said on Monday. More.', 'The U.S. Ambassador said on Monday.'],
    ['', 'Untitled article'],
  ])('derives a headline from %j', (text, title) => {
    expect(deriveTitle(text)).toBe(title);
  });

  it('serves fixtures, refuses paths outside them, and logs every request', async () => {
    const ok = await fetch(server.fixtureUrl('with-comments/blisterreview.com.html'));
    expect(ok.status).toBe(200);
    // A raw path: fetch() would normalise the dots away before sending.
    const sneaky = '/fixtures/..%2f..%2fpackage.json';
    const status = await new Promise<number>((ok, fail) => {
      get(`${server.origin}${sneaky}`, (res) => { res.resume(); ok(res.statusCode ?? 0); }).on('error', fail);
    });
    expect(status).toBe(403);
    const paths = server.requests.map((r) => r.url);
    expect(paths).toContain('/fixtures/with-comments/blisterreview.com.html');
    expect(paths).toContain(sneaky);
  });
});
