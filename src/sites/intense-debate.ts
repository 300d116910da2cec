// IntenseDebate (Automattic): comments render into #idc-container as div.idc-c items.
import type { SiteAdapter } from './types';

export const intenseDebate: SiteAdapter = {
  id: 'intensedebate',
  detect: '#idc-container, #idc-container-parent, .idc-c',
  container: ['#idc-container', '#idc-container-parent'],
  comment: 'div.idc-c', // one comment; replies nest in .idc-thread children
  strip: ['.idc-c-b', '.idc-v'], // the reply/vote bar
  fields: {
    id: [['', 'id']],
    author: ['.idc-c-h .idc-a', 'a[id^="IDCommentAuthor"]', '.idc-c-h a'],
    text: ['.idc-c-t-inner', '.idc-c-t'],
    time: [['.idc-c-h .idc-time', ''], ['.idc-c-h [title]', 'title']],
  },
  widget: ['#idc-container', '#idc-container-parent', '#idc-noscript'],
};
