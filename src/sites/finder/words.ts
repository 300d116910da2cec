// The finder's word lists, one concept per constant. Matched against class/id tokens (split on
// spaces, "-", "_" and case changes) and against short visible texts (headings, links, bylines).

/**
 * "Comments" in the languages of the corpus and the big ones, as stems: a class token or heading
 * word that starts with one of these names a discussion ("comments", "commentlist", "Kommentare",
 * "Leserkommentare" via the compound check below, "reacties", "комментарии", "评论", "コメント").
 */
export const COMMENT_STEMS = [
  'comment', 'koment', 'komment', 'coment', 'comentar', 'commentaire', 'reactie', 'reaction', 'reply', 'replies',
  'response', 'discussion', 'diskussion', 'discuss', 'antwort', 'réponse', 'thoughts', 'feedback', 'talkback',
  'коммент', 'отзыв', '评论', '留言', '回應', '回复', 'コメント', '댓글', 'yorum', 'komentar',
];

/** A whole word of a heading that states a discussion ("38 Responses to…", "Leserkommentare"). */
export const COMMENT_WORD = new RegExp(`(?:${COMMENT_STEMS.join('|')})`, 'i');

/**
 * Class/id tokens of page furniture: a repeated block under one of these is a widget, a menu or a
 * teaser list, not the reader discussion ("recent comments" lists carry a comment word too).
 */
export const FURNITURE_TOKENS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'pagination', 'pager', 'sidebar', 'widget',
  'widgets', 'related', 'recent', 'popular', 'most', 'mostread', 'trending', 'footer', 'header', 'masthead',
  'share', 'sharing', 'social', 'tags', 'tagcloud', 'archive', 'archives', 'promo', 'ads', 'advert', 'advertisement',
  'sponsored', 'blogroll', 'trackback', 'trackbacks', 'pingback', 'pingbacks', 'linkback', 'linkbacks', 'toc',
  'gallery', 'carousel', 'slider', 'teaser', 'teasers', 'newsletter', 'tweets', 'twitter', 'facebook', 'rss', 'feed',
  'outbrain', 'taboola', 'product', 'products',
]);

/** Tags that are page furniture by definition. */
export const FURNITURE_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'MENU']);

/** A control's whole label: "Reply", "Like", "Report"… never part of what the reader wrote. */
export const ACTION_LINE = /^(?:reply|reply to this|reply ↓|↓ reply|respond|quote|report|report abuse|report comment|flag|like|unlike|likes?|share|permalink|link|edit|delete|hide|show|vote|recommend|recommended|thumbs? up|thumbs? down|antworten|melden|zitieren|répondre|signaler|responder|rispondi|beantwoorden|reageer|ответить|回复|返信|\d+\s*(?:likes?|points?|votes?|replies|recommendations?)|[+-]?\d+|\(\d+\)|·|\||—)$/i;

/** Reply links' labels, the evidence that a list is a discussion one can join. */
export const REPLY_LABEL = /^(?:reply|reply to this(?: comment)?|respond|antworten|répondre|responder|rispondi|beantwoorden|reageer|ответить|回复|返信|quote)\b/i;

/** "Name says:" and its kin: the text before it is the author's name. */
export const SAYS = /^(.{1,60}?)\s+(?:says|said|wrote|writes|sagt|schreibt|schrieb|dit|a écrit|dice|escribió|disse|ha scritto|zegt|schreef)\b\s*:?/i;

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre';

/**
 * A date or time as bylines print it: "March 3, 2012", "3 mars 2012", "2012-03-03", "03/03/12",
 * "10:42 pm", "3 hours ago", "vor 3 Stunden", "il y a 2 jours", "hace 5 minutos", "3天前".
 */
export const DATE_TEXT = new RegExp(
  [
    `\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, // March 3
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?(?:${MONTHS})\\b`, // 3 March, 3. März
    '\\b\\d{4}-\\d{2}-\\d{2}\\b', // ISO
    '\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b', // 03/03/12, 3.3.2012
    '\\b\\d{1,2}:\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\b', // 10:42 pm
    '\\b\\d+\\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\\s+ago\\b', // 3 hours ago
    '\\b(?:vor|il y a|hace|fa)\\s+\\d+', // German, French, Spanish, Italian "ago"
    '\\d+\\s*(?:分钟|小时|天)前', // Chinese "ago"
    '\\d{4}年\\d{1,2}月\\d{1,2}日', // CJK dates
  ].join('|'),
  'i',
);

/** Class tokens of a byline's parts: where a name or a date usually sits. */
export const NAME_TOKENS = /^(?:author|authors|name|username|user|nick|nickname|poster|commenter|fn|vcard|by|byline|handle|who|signature|sig)$/i;
export const TIME_TOKENS = /^(?:date|time|timestamp|datetime|posted|published|when|ago|meta|metadata)$/i;

/** Class tokens of the chrome inside an item: byline, buttons, votes, avatars. */
export const CHROME_TOKENS = /^(?:meta|metadata|author|authors|byline|vcard|avatar|photo|gravatar|userpic|header|head|footer|foot|info|details|date|time|timestamp|posted|actions|action|tools|toolbar|buttons|button|links|reply|respond|vote|votes|voting|rating|ratings|like|likes|share|report|flag|permalink|edit|signature|sig|user|username|name|says|count|number|num|badge|karma|points)$/i;

/** Splits class and id values into lower-case word tokens ("commentListItem" -> comment, list, item). */
export function tokens(value: string | null): string[] {
  if (!value) return [];
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Whether a class/id value names a discussion: a token starting with a comment stem. */
export function namesComments(value: string | null): boolean {
  // a noun, not a state or an action: "commented" (an article that has comments), "commenting-guidelines"
  return !!value && COMMENT_WORD.test(value) && tokens(value).some((t) => !/(?:ed|ing)$/.test(t) && COMMENT_STEMS.some((s) => t.startsWith(s) || t.endsWith(s)));
}
