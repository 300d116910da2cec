// The generic heuristic: common comment markup (schema.org Comment microdata, WordPress-like
// lists, #comments containers). Its fields are also every adapter's per-field fallback.
import type { SiteAdapter } from './types';
import { hasText, isOwn, query, queryAll } from './dom';
import { readRoles } from './finder/roles';

// Comment sections, most specific first.
const CONTAINERS = [
  '[itemtype*="schema.org/UserComments"]', // microdata for a comment section
  '#comments', // WordPress themes, most CMSs
  '#comentarios', // the same in Portuguese and Spanish (Folha)
  '#commentaires', // French
  '#kommentare', // German
  '#comment-list', // hand-rolled blogs
  '.comments-area', // WordPress default themes (twenty*)
  '.comment-list', // WordPress core list (ol.comment-list)
  '.commentlist', // WordPress core list, older themes
  '.comments', // many CMSs
];

// One comment, tried in this order; the first that finds items wins, so a wrapper and its inner
// div are never both taken as comments.
const ITEMS = [
  '[itemtype*="schema.org/Comment"]', // microdata Comment
  'li.comment', // WordPress core (ol.comment-list > li.comment)
  'li[id^="comment-"]', // WordPress-like lists without the class
  'article.comment', // HTML5 themes
  'div.comment', // older CMSs
  '.comment-item', // Chinese/Japanese blog systems
];

// Never comments: pingbacks and trackbacks, "recent comments" sidebar widgets, the reply form.
const EXCLUDE = [
  '.pingback', // WordPress pingback item
  '.trackback', // WordPress trackback item
  '.widget_recent_comments', // WordPress "Recent comments" widget
  '#recentcomments', // its list
  '.recentcomments', // its items
  '#respond', // WordPress reply form
  '.comment-respond', // the same form, by class
  'form', // any form inside a comment list is the reply box
];

export const generic: SiteAdapter = {
  id: 'generic',
  // anything comment-like; verify() decides whether it really holds comments
  detect: [...CONTAINERS, ...ITEMS].join(', '),
  verify: (doc, possible) => findItems(doc, undefined, possible) !== null,
  container: CONTAINERS,
  exclude: EXCLUDE,
  strip: [
    '.reply', // WordPress "Reply" link box
    '.comment-reply-link', // the reply link itself
    '.comment-meta', // byline: date, permalink
    '.comment-metadata', // byline (HTML5 core markup)
    '.comment-author', // byline: avatar + name
    '.comment-actions', // like/report buttons
    '.says', // WordPress "says:"
    '.edit-link', // "Edit" for logged-in users
    '[class*="reply-link"]', // theme variants of the reply link
  ],
  fields: {
    id: [['', 'id'], ['', 'data-comment-id'], ['', 'data-id']],
    author: [
      '[itemprop="author"] [itemprop="name"]', // microdata Person inside the comment
      '[itemprop="author"]', // microdata author as text
      '.comment-author .fn', // WordPress vcard name
      '.fn', // hCard name
      '.comment-author', // name box without hCard
      '.comment-author-name', // theme variant
      '.author', // many CMSs
      '.username', // forums
      'cite', // old WordPress: <cite>Name</cite> says:
    ],
    text: [
      '[itemprop="text"]', // microdata body
      '.comment-content', // WordPress core (HTML5)
      '.comment-text', // many themes
      '.comment-body', // WordPress core (old) — bylines stripped
      '.comment_content', // underscore variants
      '.comment-entry', // theme variant
    ],
    time: [
      ['[itemprop="dateCreated"]', 'datetime'], // microdata on <time>
      ['[itemprop="dateCreated"]', 'content'], // microdata on <meta>
      ['time[datetime]', 'datetime'], // HTML5 <time>
      ['.comment-metadata a', ''], // WordPress core: the permalink text is the date
      ['.comment-meta a', ''], // older WordPress
      ['.comment-date', ''], // theme variant
    ],
  },
  widget: [
    '#disqus_thread', // Disqus embed target
    '.fb-comments', // Facebook comments plugin
    '#coral_thread', // Coral embed target
    '[data-spotim-module]', // OpenWeb
    '#comments', // a comment section that loads by script
  ],
  statedCount: [
    ['[itemprop="commentCount"]', 'content'], // schema.org commentCount on <meta>
    ['[itemprop="commentCount"]', ''], // the same on visible text
  ],
  pickComment: (doc, scope) => findItems(doc, scope)?.selector,
  // the last fallback of every adapter: a field no selector found is read by its role (finder/roles.ts)
  roles: readRoles,
};

/**
 * The first item selector that finds a comment with text (inside `within` only, when given).
 * `possible` (the probe's answer) skips selectors that match nowhere, and their whole-page queries.
 */
function findItems(doc: Document, within?: ParentNode, possible: (s: string) => boolean = () => true): { selector: string } | null {
  const container = within ? null : (CONTAINERS.filter(possible).map((c) => query(doc, c)).find((c) => c && !isOwn(c)) ?? null);
  const items = ITEMS.filter(possible);
  // inside the comment section first, so a sidebar's look-alike markup does not win
  for (const scope of within ? [within] : container ? [container, doc] : [doc]) {
    for (const selector of items) {
      const found = queryAll(scope, selector).slice(0, 20); // enough to tell comments from a stray class
      const real = found.some((el) => !isOwn(el) && !EXCLUDE.some((x) => el.closest(x)) && hasText(el));
      if (real) return { selector };
    }
  }
  return null;
}
