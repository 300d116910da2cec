// Blogger (blogspot.com): threaded comments, li.comment in .comment-thread lists; replies nest in
// .comment-replies.
import type { SiteAdapter } from './types';

export const blogger: SiteAdapter = {
  id: 'blogger',
  hosts: ['blogspot.com', 'blogger.com'],
  detect: '.comment-thread li.comment, #comments-block .comment-body', // threaded, or the old dl list
  container: ['#comments', '.comments'],
  comment: '.comment-thread li.comment',
  exclude: ['.comment-replybox-thread', '.comment-replybox-single'], // the reply iframe boxes
  strip: ['.comment-actions', '.comment-header', '.comment-footer'],
  fields: {
    id: [['', 'id']],
    author: ['.comment-header .user', 'cite.user'],
    text: ['.comment-content'],
    time: [['.datetime a', '']],
  },
};
