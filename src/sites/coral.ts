// Coral (Vox Media's Coral Project): the stream renders into an open shadow root under the embed
// target, with stable "coral-" class names (coral-stream/classes.ts in coralproject/talk).
import type { SiteAdapter } from './types';

export const coral: SiteAdapter = {
  id: 'coral',
  detect: '#coral_thread, #coral-comments, .coral-stream', // embed target, or a light-DOM stream
  shadowHosts: ['#coral_thread', '#coral-comments', '#coral_thread > div', '#coral-comments > div'],
  container: ['.coral-stream'],
  comment: '.coral-comment', // one comment (the $root class)
  exclude: ['.coral-deletedTombstone', '.coral-rejectedTombstone', '.coral-ignoredTombstone', '.coral-featuredComment'],
  strip: ['.coral-comment-actionBar', '.coral-comment-topBar', '.coral-comment-inReplyTo'],
  fields: {
    author: ['.coral-comment-username'],
    text: ['.coral-comment-content'],
    time: [['.coral-comment-timestamp', 'datetime'], ['.coral-comment-timestamp time', 'datetime'], ['.coral-comment-timestamp', '']],
  },
  widget: ['#coral_thread', '#coral-comments', 'iframe[src*="coral"]'],
  statedCount: [['.coral-counter', '']],
};
