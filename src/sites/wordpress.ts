// WordPress: core comment markup (wp_list_comments, li or div style, nested .children lists),
// and the plugins that replace it: Epoch and wpDiscuz. WPRM (WP Recipe Maker) keeps core markup
// and only adds a star rating, which has no text.
import type { SiteAdapter } from './types';

const WP_EXCLUDE = [
  '.pingback', // core marks pingback items with this class
  '.trackback', // and trackbacks with this one
  '.widget_recent_comments', // the sidebar "Recent comments" widget
  '#respond', // the reply form
];

export const wordpress: SiteAdapter = {
  id: 'wordpress',
  // core list items: li style and div style of wp_list_comments
  detect: '.comment-list > .comment, .commentlist > .comment, li.comment[id^="comment-"], div.comment[id^="comment-"]',
  container: [
    '#comments', // every core theme wraps the section in it
    '.comments-area', // twenty* themes
    '.comment-list', // the list itself
    '.commentlist', // the list, older themes
  ],
  comment: 'li.comment, div.comment[id^="comment-"]', // one comment; replies nest in ul.children
  childList: '.children', // WordPress.com closes the </li> before its replies' list
  exclude: WP_EXCLUDE,
  strip: [
    '.wprm-comment-rating', // WP Recipe Maker stars inside the text
    '.comment-awaiting-moderation', // "Your comment is awaiting moderation."
    '.comment-likes', // WordPress.com "Like" line inside the text
    '.comment-util', // Mozilla themes: the Reply line
    '.children', // replies, when a theme puts their list inside the parent's body
    '.cld-like-dislike-wrap', // Comments Like Dislike plugin: thumbs and counts
  ],
  fields: {
    author: [
      '.comment-author .fn', // core vcard name
      '.comment-author-link', // some themes: the name link
      '.comment-author cite', // old themes
      'cite.fn', // hAtom themes (Mozilla blogs): <cite class="author fn">
      '.comment-author', // name box without hCard (WordPress.com: <cite class="comment-author">)
    ],
    text: [
      '.comment-content', // HTML5 core markup
      '.comment-text', // theme variant
      '.contenttext', // WordPress.com themes
      '.entry-content', // hAtom themes (Mozilla blogs): <blockquote class="entry-content">
      '.comment-body', // older core markup; bylines stripped by the generic strip list
    ],
    time: [
      ['.comment-metadata time', 'datetime'], // HTML5 core markup
      ['time', 'datetime'], // any <time> in the byline
      ['abbr.published', 'title'], // hAtom: <abbr class="published" title="2015-03-11">
      ['.comment-metadata a', ''], // the permalink's text is the date
      ['.comment-meta a', ''], // older core markup
      ['.commentmetadata a', ''], // WordPress.com and older themes
    ],
  },
  widget: ['#respond'], // the reply form alone: comments open, none posted
};

export const epoch: SiteAdapter = {
  id: 'wordpress-epoch',
  detect: '.epoch-single-comment', // Epoch's comment body class
  container: ['#epoch-comments', '#comments', '.epoch-wrapper'],
  // Epoch wraps each comment (and its .epoch-child replies) in a div carrying the id twice
  comment: 'div[id^="comment-"][data-comment-id]',
  exclude: WP_EXCLUDE,
  strip: [
    '.pmcc-comments-report-link', // Crowd Control "Report" link inside the text
    '.epoch-comment-actions', // Reply button
    '.epoch-divide', // the "·" between name and date in the byline
    '.epoch-comment-link', // the date link, beside a name that has no link of its own
  ],
  fields: {
    id: [['', 'data-comment-id']],
    author: ['.epoch-author-link', '.epoch-comment-author'],
    text: ['.epoch-comment-content'],
    time: [['.epoch-comment-link time', '']], // datetime holds a template placeholder, not a date
  },
};

export const wpdiscuz: SiteAdapter = {
  id: 'wordpress-wpdiscuz',
  detect: '.wpd-comment, .wc-comment', // wpDiscuz 7 and its older (5.x) markup
  container: ['#wpdcom', '.wpdiscuz_top_clearing', '#comments'],
  comment: '.wpd-comment, .wc-comment', // replies nest inside their parent's .wpd-comment
  exclude: ['.wpd-form', '.wc-form-wrapper'],
  strip: ['.wpd-comment-footer', '.wc-footer-left', '.wc-footer-right', '.wpd-comment-header'],
  fields: {
    id: [['.wpd-comment-wrap', 'id'], ['', 'id']],
    author: ['.wpd-comment-author', '.wc-comment-author'],
    text: ['.wpd-comment-text', '.wc-comment-text'],
    time: [['.wpd-comment-date', 'title'], ['.wpd-comment-date', ''], ['.wc-comment-date', '']],
  },
  widget: ['#wpdcom'],
};
