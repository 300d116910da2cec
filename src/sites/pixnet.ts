// PIXNET blogs (Taiwan): each comment is a ul.single-post. The blog owner's answer (li.reply-text)
// sits inside the commenter's item: kept in that comment's text after a marker line, so nothing is
// lost and the count stays the page's own ("留言列表 (42)" counts readers' comments). Private
// comments (ul.secret) show only "悄悄話": placeholders, counted, never read for stance.
import { OWNER_ANSWER_MARK, type SiteAdapter } from './types';

export const pixnet: SiteAdapter = {
  id: 'pixnet',
  hosts: ['pixnet.net'],
  detect: '#comment-text ul.single-post', // the comment list in #comment-box
  container: ['#comment-box', '#comment-text'],
  comment: 'ul.single-post',
  fields: {
    id: [['.post-info a[name]', 'name'], ['.post-text p[id]', 'id']],
    author: ['.post-info .user-name'],
    text: ['.post-text'], // the comment only; .reply-text is the owner's answer
    time: [['.post-time', '', /(\d{4}\/\d{2}\/\d{2} \d{2}:\d{2})/]],
  },
  placeholders: [{ match: '.secret', kind: 'private' }], // ul.single-post.secret: "悄悄話", no author
  ownerAnswers: { selectors: ['.reply-text'], mark: OWNER_ANSWER_MARK }, // the owner's answer + "NAME 於 DATE 回覆"
  statedCount: [['#comment-title', '', /\((\d+)\)/]], // the list heading "留言列表 (42)"
};
