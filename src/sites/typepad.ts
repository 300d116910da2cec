// TypePad: div.comment items whose footer reads "Posted by: NAME | DATE".
import type { SiteAdapter } from './types';

export const typepad: SiteAdapter = {
  id: 'typepad',
  hosts: ['typepad.com'],
  detect: '.comments-content .comment .comment-footer', // a comment with its TypePad footer
  container: ['#comments', '.comments-content'],
  comment: '.comments-content .comment',
  strip: ['.comment-footer'],
  fields: {
    id: [['', 'id']],
    author: ['.comment-footer .comment-author'],
    authorFrom: [['.comment-footer', '', /Posted by:\s*(.+?)\s*\|/]], // the byline's name part
    text: ['.comment-content'],
    time: [['.comment-footer a[href*="comment-"]', '']],
  },
};
