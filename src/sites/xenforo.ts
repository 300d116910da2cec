// XenForo 2 forums, including article-comment threads (MacRumors, many others): article.message
// posts with data-author and a .bbWrapper body. Quotes of other posts stay in the text.
import type { SiteAdapter } from './types';

export const xenforo: SiteAdapter = {
  id: 'xenforo',
  hosts: ['forums.macrumors.com'],
  detect: 'article.message--post[data-author], article.message[data-author] .bbWrapper',
  container: ['.block-body.js-replyNewMessageContainer', '.block--messages', '.p-body-pageContent'],
  comment: 'article.message[data-author]', // one post (threaded replies are a flat list)
  exclude: ['.message--quickReply', '.js-quickReply'], // the reply box
  strip: ['.message-footer', '.message-attribution', '.js-selectToQuoteEnd', '.bbCodeBlock-expandLink', '.message-lastEdit'],
  fields: {
    id: [['', 'data-content', /^post-(\d+)$/], ['', 'id']],
    author: ['.message-userDetails .username', '.message-name .username'],
    authorFrom: [['', 'data-author']],
    text: ['.message-body .bbWrapper', '.message-content .bbWrapper'],
    time: [['.message-attribution time', 'datetime'], ['time.u-dt', 'datetime']],
  },
};
