// Stack Exchange: the short comments under a question or an answer (li.js-comment). Answers are
// posts of their own, not reader comments, and are left to the article side.
import type { SiteAdapter } from './types';

export const stackExchange: SiteAdapter = {
  id: 'stack-exchange',
  hosts: ['stackexchange.com', 'stackoverflow.com', 'superuser.com', 'serverfault.com', 'askubuntu.com', 'mathoverflow.net'],
  detect: '.js-comment .comment-copy', // a comment's body span, on every SE site since 2019
  container: ['#mainbar', '.comments-list'], // the question and answers column
  comment: 'li.js-comment', // one comment under a post
  exclude: ['.js-comment-form-layout'], // the "add a comment" form
  fields: {
    id: [['', 'data-comment-id']],
    author: ['.comment-user'], // the user link after the text
    text: ['.comment-copy'], // the body only: the score, user and date are siblings
    time: [['.comment-date .relativetime-clean', 'title'], ['.comment-date', '']],
  },
  widget: ['.js-comments-container'],
};
