// Discourse: topic pages (the Ember app and the crawler view a saved page often holds) and the
// embed's own document (the forum host's /embed/comments). The first post is the topic itself.
import type { SiteAdapter } from './types';

export const discourse: SiteAdapter = {
  id: 'discourse',
  detect: '.topic-post article[data-post-id], .crawler-post[itemprop="comment"], .discourse-embed article.post, #discourse-comments',
  container: ['.post-stream', '#topic', '.discourse-embed', '#discourse-comments'],
  comment: '.topic-post article[data-post-id], .crawler-post[itemprop="comment"], .discourse-embed article.post',
  exclude: ['#post_1', 'article[data-post-number="1"]'], // the topic's opening post is the article
  strip: ['.post-menu-area', '.post-controls', '.post-info', '.quote-controls'],
  fields: {
    id: [['', 'data-post-id'], ['', 'id']],
    author: [
      '.names .first a', // Ember: the display name
      '.names .username a', // Ember: the handle
      '[itemprop="author"] [itemprop="name"]', // crawler view
      '.author .username', // embed
      '.username',
    ],
    text: ['.cooked', '[itemprop="text"]'],
    time: [['.post-date [data-time]', 'data-time'], ['time[itemprop="datePublished"]', 'datetime'], ['.post-date', '']],
  },
  widget: ['#discourse-comments'], // the embed target on a publisher's page
};
