// Disqus. Its comments live in a cross-origin iframe (disqus.com/embed/comments): the adapter reads
// that frame's own document (the content script runs there too, host disqus.com). On the
// publisher's page only the #disqus_thread target is visible: a widget, never comments.
import type { SiteAdapter } from './types';

export const disqus: SiteAdapter = {
  id: 'disqus',
  hosts: ['disqus.com'],
  detect: '#post-list .post, ul.post-list li.post', // the embed's thread list and its posts
  container: ['#posts', '#post-list', '.post-list'],
  comment: 'li.post', // one post; replies nest in its ul.children
  exclude: ['.post-list .textarea-wrapper', '.reply-form-container'], // the reply editor
  strip: ['.post-menu', '.post-footer', '.post-media'], // vote/reply/share bar, media previews
  fields: {
    id: [['', 'id', /^post-(\d+)$/], ['', 'id']],
    author: ['[data-role="username"]', '.post-byline .author a', '.post-byline .author', '.author'],
    text: ['[data-role="message"]', '.post-message'], // the message body
    time: [['a.time-ago', 'title'], ['.post-meta time', 'datetime'], ['a.time-ago', '']],
  },
  widget: [
    '#disqus_thread', // the embed target on the publisher's page
    'iframe[src*="disqus.com/embed/comments"]', // the loaded embed frame
  ],
};
