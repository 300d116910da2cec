// BBC News: comments load into an iframe (comments-iframe-*) behind a "Comments" button; the page
// shows the button and a DNA count. Widget-only from the article page.
import type { SiteAdapter } from './types';

export const bbc: SiteAdapter = {
  id: 'bbc',
  hosts: ['bbc.co.uk', 'bbc.com'],
  detect: '#comp-comments-button, [id^="dna-comment-count"]',
  container: ['#comp-comments-button'],
  widget: [
    '#comp-comments-button', // the "Comments" button block
    '[id^="comments-iframe-"]', // the iframe target
    '[id^="dna-comment-count"]', // DNA's comment count
  ],
  statedCount: [['.js-comment-count', '']],
};
