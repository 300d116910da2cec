// LinkedIn Pulse articles (public view): section.comment items; the message keeps its own line
// breaks as text (styled white-space: pre-line).
import type { SiteAdapter } from './types';

export const linkedin: SiteAdapter = {
  id: 'linkedin',
  hosts: ['linkedin.com'],
  detect: 'section.comment .comment__message', // a comment body
  container: ['.comments', 'section.comments'],
  comment: 'section.comment', // one comment; replies nest inside it
  preLine: true,
  strip: ['.comment__actions', '.tooltip__popup'],
  fields: {
    author: ['.comment__actor-name'],
    text: ['.comment__message'],
    time: [['.comment__time', '']],
  },
};
