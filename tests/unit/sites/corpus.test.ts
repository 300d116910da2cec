// Every saved real page in tests/fixtures, under linkedom and happy-dom: detect + extract +
// buildThread against the corpus index (or its reviewed figure) and the reviewed expected JSON.
// UPDATE_EXPECTED=1 rewrites tests/expected/** from the linkedom run (then read them by eye).
import { afterAll, describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectPage, extractPage } from '../../../src/sites/registry';
import { buildThread } from '../../../src/parser/thread';
import type { RawPage } from '../../../src/parser/types';
import { DOMS, closeHappyWindows, linkedomDoc } from '../../../scripts/lib/dom-impls';
import { tokenF1 } from '../../../scripts/lib/f1';

interface IndexEntry {
  slug: string;
  category: 'with-comments' | 'widget-only' | 'no-comments';
  platform: string;
  comments: number;
  hasExpected: boolean;
  review?: { comments?: number; category?: IndexEntry['category']; note: string };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const index: IndexEntry[] = JSON.parse(readFileSync(join(root, 'tests/fixtures/index.json'), 'utf8'));
const update = process.env.UPDATE_EXPECTED === '1';
afterAll(closeHappyWindows);

/** What a reviewer reads in a diff: platform, counts, and each comment's author, start and place. */
function summary(page: RawPage, detected: string | null) {
  return {
    platform: page.platform,
    detected,
    widgetOnly: page.widgetOnly ?? false,
    count: page.comments.length,
    comments: page.comments.map((c) => ({
      id: c.id,
      author: c.author,
      text: c.text.replace(/\s+/g, ' ').slice(0, 80),
      parentId: c.parentId ?? null,
      depth: c.depth ?? null,
      ...(c.placeholder ? { placeholder: c.placeholder } : {}),
    })),
  };
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe.each(index)('$category/$slug', (entry) => {
  const html = readFileSync(join(root, 'tests/fixtures', entry.category, `${entry.slug}.html`), 'utf8');
  const category = entry.review?.category ?? entry.category;
  const count = entry.review?.comments ?? entry.comments;
  const expectedPath = join(root, 'tests/expected', entry.category, `${entry.slug}.json`);

  test.each(DOMS)('%s', (dom, make) => {
    const doc = make(html);
    const before = doc.documentElement.outerHTML;
    const adapter = detectPage(doc);
    const ex = extractPage(doc, undefined, adapter ?? undefined);
    expect(doc.documentElement.outerHTML, 'adapters never modify the page').toBe(before);
    const { page } = ex;
    expect(ex.elements).toHaveLength(page.comments.length);

    if (category === 'no-comments') {
      expect(adapter).toBeNull();
      expect(page.comments).toEqual([]);
    } else if (category === 'widget-only') {
      expect(page.comments).toEqual([]);
      expect(page.widgetOnly).toBe(true);
    } else {
      expect(adapter).not.toBeNull();
      expect(page.comments).toHaveLength(count);
      const paragraphs = page.article.paragraphs.map(norm);
      for (const c of page.comments) {
        expect(c.text.trim(), `text of ${c.id}`).not.toBe('');
        // a deleted or private slot shows the site's placeholder words and, usually, no name
        if (c.placeholder) continue;
        expect(c.author, `author of ${c.id}`).not.toBe('');
        const text = norm(c.text);
        // a reader may quote one passage of the article; two or more mean the article leaked in
        const quoted = paragraphs.filter((p) => p.length >= 40 && text.includes(p));
        expect(quoted.length, `article paragraphs inside ${c.id}`).toBeLessThanOrEqual(1);
        if (text.length >= 30) expect(paragraphs.some((p) => p.includes(text)), `${c.id} in the article`).toBe(false);
      }
      const thread = buildThread(page);
      expect(thread.comments).toHaveLength(page.comments.length);
      expect(thread.comments.map((c) => c.placeholder)).toEqual(page.comments.map((c) => c.placeholder));
      const seen = new Set<string>();
      for (const c of thread.comments) {
        if (c.parentId) expect(seen.has(c.parentId), `parent of ${c.id} is earlier`).toBe(true);
        seen.add(c.id);
      }
    }

    const got = summary(page, adapter?.id ?? null);
    if (update && dom === 'linkedom') {
      mkdirSync(dirname(expectedPath), { recursive: true });
      writeFileSync(expectedPath, JSON.stringify(got, null, 2) + '\n');
    }
    expect(existsSync(expectedPath), 'reviewed expected JSON exists').toBe(true);
    expect(got).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });

  if (entry.hasExpected) {
    test('article text matches Readability (token F1 >= 0.9)', () => {
      const ref = readFileSync(join(root, 'tests/fixtures', entry.category, `${entry.slug}.expected.html`), 'utf8');
      const refText = linkedomDoc(ref).documentElement.textContent ?? '';
      const { page } = extractPage(linkedomDoc(html));
      const f1 = tokenF1(page.article.paragraphs.join('\n'), refText);
      expect(f1).toBeGreaterThanOrEqual(0.9);
    });
  }
});
