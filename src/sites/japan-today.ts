// Japan Today: its own comment system. The section is #comments; each comment links its author to
// /member/<name>; the page states the total in itemprop=commentCount.
import type { SiteAdapter } from './types';

export const japanToday: SiteAdapter = {
  id: 'japan-today',
  hosts: ['japantoday.com'],
  detect: '#comments a[href*="/member/"]', // an author link inside the section
  container: ['#comments'],
  comment: '#comments .comment, #comments [id^="comment-"], #comments [itemtype*="schema.org/Comment"]',
  exclude: ['form', '.comment-form', '#comment-form'],
  strip: ['.comment-actions', '.comment-meta', '.comment-vote', '.comment-author', 'a[href*="/member/"]'],
  fields: {
    author: ['a[href*="/member/"]'], // the display name is the member link's text
    authorFrom: [['a[href*="/member/"]', 'href', /\/member\/([^/?#]+)/]],
    text: ['[itemprop="text"]', '.comment-body', '.comment-text', '.comment-content', 'p'],
    time: [['time', 'datetime'], ['[itemprop="dateCreated"]', 'content']],
  },
  statedCount: [['[itemprop="commentCount"]', 'content'], ['[itemprop="commentCount"]', '']],
};
