// PIXNET blogs (Taiwan): each comment is a ul.single-post; the blog owner's answer (li.reply-text)
// sits inside the commenter's item and is not the commenter's text. Private comments ("secret")
// show only a placeholder, with no author and no words: not comments we can read.
import type { SiteAdapter } from './types';

export const pixnet: SiteAdapter = {
  id: 'pixnet',
  hosts: ['pixnet.net'],
  detect: '#comment-text ul.single-post', // the comment list in #comment-box
  container: ['#comment-box', '#comment-text'],
  comment: 'ul.single-post',
  exclude: ['.secret'], // private comment placeholder "悄悄話"
  fields: {
    id: [['.post-info a[name]', 'name'], ['.post-text p[id]', 'id']],
    author: ['.post-info .user-name'],
    text: ['.post-text'], // the comment only; .reply-text is the owner's answer
    time: [['.post-time', '', /(\d{4}\/\d{2}\/\d{2} \d{2}:\d{2})/]],
  },
};
