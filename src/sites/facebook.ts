// Facebook comments plugin: the comments are in a facebook.com iframe we cannot read; what the
// page shows is the plugin target and sometimes a count. Always widget-only here.
import type { SiteAdapter } from './types';

export const facebook: SiteAdapter = {
  id: 'facebook',
  detect: '.fb-comments, #fb-comments-container, iframe[src*="facebook.com/plugins/comments"]',
  container: ['.fb-comments', '#fb-comments-container'],
  widget: ['.fb-comments', '#fb-comments-container', 'iframe[src*="facebook.com/plugins/comments"]'],
  statedCount: [
    ['.fb-comments-count', ''], // the count plugin's target, once rendered
    ['.fb_comments_count', ''], // the count's inner span
  ],
};
