// Livefyre (Adobe): comments render into #livefyre / #livefyre-comments as .fyre-comment-wrapper
// items (service discontinued, markup kept for archived pages).
import type { SiteAdapter } from './types';

export const livefyre: SiteAdapter = {
  id: 'livefyre',
  detect: '#livefyre, #livefyre-comments, .fyre, .fyre-comment-wrapper',
  container: ['.fyre-comment-stream', '#livefyre', '#livefyre-comments', '.fyre'],
  comment: '.fyre-comment-wrapper', // one comment; replies nest in .fyre-comment-replies
  strip: ['.fyre-comment-footer', '.fyre-comment-head'],
  fields: {
    id: [['', 'data-message-id'], ['', 'id']],
    author: ['.fyre-comment-username', '.fyre-comment-user'],
    text: ['.fyre-comment-body', '.fyre-comment'],
    time: [['.fyre-comment-date', 'datetime'], ['.fyre-comment-date', '']],
  },
  widget: ['#livefyre', '#livefyre-comments', '.fyre', '.livefyre-commentcount'],
};
