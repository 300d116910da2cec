// OpenWeb (formerly Spot.IM): the conversation renders into an open shadow root under the module
// div; inside it, stable data-spot-im-class attributes name the parts of a message.
import type { SiteAdapter } from './types';

export const openWeb: SiteAdapter = {
  id: 'openweb',
  detect: '[data-spotim-module="conversation"], [data-spotim-module="spotim-launcher"], [data-spot-im-class="message-text"]',
  shadowHosts: ['[data-spotim-module="conversation"] > div', '[data-spot-im-shadow-host]', '[data-spotim-module="spotim-launcher"] > div'],
  container: ['[data-spotim-module="conversation"]', '[data-spot-im-class="conversation"]'],
  // one message; the layout class carries a build hash after the stable prefix
  comment: '[data-spot-im-class="message-view"], [class*="MessageLayout-index__message-view"]',
  strip: ['[data-spot-im-class="message-actions"]'],
  fields: {
    author: ['[data-spot-im-class="message-username"]', '[data-spot-im-class="user-info-username"]'],
    text: ['[data-spot-im-class="message-text"]'],
    time: [['[data-spot-im-class="message-timestamp"]', '']],
  },
  widget: ['[data-spotim-module]'],
};
