// Viafoura (Radio-Canada, El Tiempo, ...): comments render in .vf-comments once its script runs;
// newer builds use a vf-conversations element, which may hold an open shadow root.
import type { SiteAdapter } from './types';

export const viafoura: SiteAdapter = {
  id: 'viafoura',
  detect: '.vf-comments, .viafoura, vf-conversations, .vf-comment',
  shadowHosts: ['vf-conversations'],
  container: ['.vf-comments', 'vf-conversations', '.viafoura'],
  comment: '.vf-comment, [data-testid="vf-comment"]', // one comment; replies nest inside it
  strip: ['.vf-comment__actions', '.vf-comment-actions', '.vf-comment-header'],
  fields: {
    author: ['.vf-comment-head__author', '.vf-comment__author', '.vf-username'],
    text: ['.vf-comment__content-editor', '.vf-content-text', '.vf-comment__content'],
    time: [['time', 'datetime'], ['.vf-comment__datetime', '']],
  },
  widget: ['.vf-comments', '.vf-widget[data-widget="comments"]', '.viafoura'],
};
