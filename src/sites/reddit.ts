// Reddit, three generations of markup: shreddit (web components, 2023-), the 2018 redesign
// (hashed classes; stable data-testid and "level N" labels) and old.reddit.com (nested .thing).
import type { SiteAdapter } from './types';

const REDDIT_HOSTS = ['reddit.com'];

export const shreddit: SiteAdapter = {
  id: 'reddit-shreddit',
  hosts: REDDIT_HOSTS,
  detect: 'shreddit-comment', // the comment element; its attributes carry author and depth
  container: ['shreddit-comment-tree'],
  comment: 'shreddit-comment',
  fields: {
    id: [['', 'thingid']],
    author: [],
    authorFrom: [['', 'author']],
    text: ['[slot="comment"]'], // the body slot
    time: [['faceplate-timeago', 'ts'], ['time', 'datetime']],
    parent: [['', 'parentid']],
    depth: [['', 'depth']],
  },
};

export const redditRedesign: SiteAdapter = {
  id: 'reddit',
  hosts: REDDIT_HOSTS,
  detect: 'div.Comment [data-testid="comment"], div.Comment[class*="t1_"]', // a body, or a (deleted) comment
  container: ['.commentarea', '[data-testid="post-container"] ~ div', 'div.Comment'],
  comment: 'div.Comment', // a flat list; depth is only in the "level N" label and indentation
  fields: {
    id: [['', 'class', /\b(t1_[a-z0-9]+)\b/]],
    author: ['a[data-testid="comment_author_link"]'],
    // saved pages may lack the name link; the avatar link and header still carry /user/NAME/
    authorFrom: [['a[data-testid="comment_author_icon"]', 'href', /\/user\/([^/]+)\//], ['[to^="/user/"]', 'to', /\/user\/([^/]+)\//]],
    text: ['[data-testid="comment"]'], // the body; a deleted comment has none (see placeholders)
    time: [['[data-testid="comment_timestamp"]', '']],
    level: [['span', '', /^level (\d+)$/]], // screen-reader label "level 2"
  },
  placeholders: [
    {
      match: '[data-testid="post-comment-header-deleted"]', // the header a deleted comment has instead of a body
      kind: 'deleted',
      // its first words, "Comment deleted by user", before the "·" and the timestamp
      text: '[data-testid="post-comment-header-deleted"] > span > span:first-child',
    },
  ],
};

export const oldReddit: SiteAdapter = {
  id: 'reddit-old',
  hosts: REDDIT_HOSTS,
  detect: '.commentarea .thing.comment', // one comment in the comment area
  container: ['.commentarea'],
  comment: '.thing.comment', // replies nest in .child > .sitetable
  exclude: ['.morechildren'], // "load more comments" stubs
  strip: ['.flat-list.buttons', '.tagline'],
  fields: {
    id: [['', 'data-fullname']],
    author: ['.entry .tagline .author'],
    authorFrom: [['', 'data-author']],
    text: ['.entry .usertext-body .md'],
    time: [['.entry .tagline time', 'datetime']],
  },
};
