// Hacker News: a flat table of tr.comtr rows; nesting is the indent attribute of td.ind.
import type { SiteAdapter } from './types';

export const hackerNews: SiteAdapter = {
  id: 'hacker-news',
  hosts: ['news.ycombinator.com'],
  detect: 'tr.athing.comtr', // one comment row (the story row has no .comtr)
  container: ['table.comment-tree'],
  comment: 'tr.athing.comtr',
  strip: ['.reply', '.comhead', '.togg'], // "reply" link, byline, the [-] toggle
  fields: {
    id: [['', 'id']],
    author: ['.hnuser'], // the user link in the byline
    text: ['.commtext'], // the body (div.commtext since 2023, span before)
    time: [['span.age', 'title'], ['span.age', '']],
    depth: [['td.ind', 'indent']], // 0 = top level; older pages use a spacer image instead
  },
};
