// Slots the site shows without their content (deleted, private) are comments of the thread, and
// an owner's answer printed inside a reader's item is kept, marked, in that comment's text.
import { afterAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { detectPage, extractPage } from '../../../src/sites/registry';
import { OWNER_ANSWER_MARK } from '../../../src/sites/types';
import { blockText } from '../../../src/sites/dom';
import { buildThread } from '../../../src/parser/thread';
import { DOMS, closeHappyWindows } from '../../../scripts/lib/dom-impls';

afterAll(closeHappyWindows);
const fixture = (path: string): string => readFileSync(`tests/fixtures/${path}.html`, 'utf8');

describe.each(DOMS)('%s', (_name, make) => {
  test('PIXNET: private slots counted as placeholders; every owner answer kept in its item', () => {
    const doc = make(fixture('with-comments/pixnet'));
    const ex = extractPage(doc, undefined, detectPage(doc) ?? undefined);
    const { comments } = ex.page;
    expect(comments).toHaveLength(ex.page.statedCount as number); // "留言列表 (42)"
    const secret = comments.filter((c) => c.placeholder);
    expect(secret.length).toBe(doc.querySelectorAll('ul.single-post.secret').length);
    for (const c of secret) expect(c).toMatchObject({ placeholder: 'private', author: '', text: '悄悄話' });
    const answers = Array.from(doc.querySelectorAll('li.reply-text'));
    expect(answers.length).toBeGreaterThan(0);
    for (const li of answers) {
      const i = ex.elements.indexOf(li.closest('ul.single-post') as Element);
      const text = comments[i]?.text ?? '';
      const [own, answer] = text.split(`\n${OWNER_ANSWER_MARK}\n`);
      expect(answer, `answer kept in comment ${i}`).toBe(blockText(li));
      expect(own).not.toContain(blockText(li).split('\n')[0]); // and not mixed into the reader's words
    }
  });

  test('Reddit: a deleted comment is a slot, and the reply under it names it as parent', () => {
    const doc = make(fixture('with-comments/www.reddit.com--title-only'));
    const ex = extractPage(doc, undefined, detectPage(doc) ?? undefined);
    const deleted = ex.page.comments.filter((c) => c.placeholder === 'deleted');
    expect(deleted.length).toBe(doc.querySelectorAll('[data-testid="post-comment-header-deleted"]').length);
    for (const c of deleted) expect(c).toMatchObject({ author: '', text: 'Comment deleted by user' });
    const thread = buildThread(ex.page);
    for (const d of deleted) {
      const i = thread.comments.findIndex((c) => c.id === d.id);
      expect(thread.comments[i]?.placeholder).toBe('deleted');
      // the next comment one level down (if any) hangs under the deleted one, not a sibling
      const next = ex.page.comments[i + 1];
      if (next && next.depth === (d.depth ?? 0) + 1) expect(thread.comments[i + 1]?.parentId).toBe(d.id);
    }
  });
});
