// Kinja (Gawker Media: Lifehacker, Gizmodo, Jezebel, Kotaku, ...): replies are article.js_reply
// posts in section.js_replies, each naming its parent post in data-parentid.
import type { SiteAdapter } from './types';

export const kinja: SiteAdapter = {
  id: 'kinja',
  hosts: ['kinja.com', 'lifehacker.com', 'gizmodo.com', 'jezebel.com', 'deadspin.com', 'kotaku.com', 'jalopnik.com', 'theroot.com', 'avclub.com', 'theonion.com', 'splinternews.com'],
  detect: 'section.js_replies, article.js_reply', // the discussion section, or one reply
  container: ['section.js_replies'],
  comment: 'article.js_reply', // one reply; threads are flat lists of these inside .js_branch
  exclude: ['.js_reply-form-container'], // the reply editor
  strip: ['.reply-tools', '.reply-flagged', '.read-more-placeholder'],
  fields: {
    id: [['', 'data-id']],
    author: ['.display-name .fn', '.display-name a', '[data-authorname]'],
    text: ['.reply-content'],
    time: [['.js_publish_time .published', ''], ['.js_publish_time', 'data-publishtime']],
    // top-level replies name the article post; the extractor keeps only ids of earlier comments
    parent: [['', 'data-parentid']],
  },
  widget: ['#js_reply-count'], // the reply counter shown before replies load
  statedCount: [['section.js_replies', 'data-replycount']],
};
