// Drupal core comments (7 to 10): items typed sioct:Comment in RDFa (7) or article.js-comment
// (8+); replies follow their parent in a div.indented. The subject line is part of the text.
import type { SiteAdapter } from './types';

export const drupal: SiteAdapter = {
  id: 'drupal',
  detect: '[typeof~="sioct:Comment"], article.js-comment[data-comment-user-id]',
  container: ['#comments', '.comment-wrapper', 'section.comments'],
  comment: '[typeof~="sioct:Comment"], article.js-comment',
  childList: '.indented', // replies sit in a div.indented right after their parent
  exclude: ['.comment-form', '#comment-form'],
  strip: ['.links', '.comment-links', '.submitted', '.metas', 'footer'],
  fields: {
    id: [['', 'id'], ['', 'about', /comment\/(\d+)/]],
    author: [
      '[rel="sioc:has_creator"]', // Drupal 7 RDFa author
      '.username', // core theme_username
      '.comment__author', // Drupal 8+ Olivero/Bartik
      '.metas b', // L'Opinion's theme: "<b>Par NAME,</b> le ..."
    ],
    // the subject line (h3 / .titre) and the body, in page order
    text: ['.field-name-comment-body', '.comment__content', '.titre, .content', 'h3, .content'],
    time: [['[property="dc:date"]', 'content'], ['time', 'datetime'], ['.submitted', '']],
  },
};
