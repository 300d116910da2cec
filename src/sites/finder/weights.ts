// Every weight of the finder's score, named, with the reason it exists. A candidate is a group of
// sibling blocks of one shape; its score is the sum of the signals below (shares are 0..1, scaled
// by their weight). `--explain` prints each signal with its points, so a reader can see why a
// section won or lost. Tuned on dragnet-dev and the saved pages as a whole, never on one page.

export const WEIGHTS = {
  /** share of blocks that read as prose (sentences, not a link list): a comment is something written */
  prose: 30,
  /** share of blocks with a short name-like text (a byline link, <cite>, "X says:"): comments are signed */
  name: 20,
  /** share of blocks with a time (a <time>, a date, "3 hours ago", a #comment-123 permalink): comments are dated */
  time: 20,
  /** the group, its container or a heading just before it says "comments" in some language */
  commentWord: 25,
  /** the blocks' own class/id says "comment": the strongest naming signal, a site labels its items */
  itemWord: 10,
  /** it comes after the article's text: discussions follow what they discuss */
  afterArticle: 10,
  /** reply links in the blocks: one can answer, so it is a discussion */
  replyLinks: 10,
  /** blocks of the same shape nested in blocks: threaded replies */
  nesting: 8,
  /** an avatar image in most blocks */
  avatars: 5,
  /** a form with a text area after the section: "leave a reply" */
  replyForm: 10,
  /** a count stated near the section ("38 comments") matches the blocks found */
  statedCount: 10,
  /** more blocks make a repeated structure less likely to be chance: +1 a block, up to this */
  manyBlocks: 6,
  /** a lone block shows no repeated template: the weakest structure, so a real repeated list beats it */
  loneBlock: -15,
  /** inside nav/header/footer/aside or a widget, menu, related-posts or share box: furniture */
  furniture: -60,
  /** blocks that hold a heading: teasers of other articles, not comments */
  headings: -30,
  /** blocks that are mostly links: a link list (archives, tags, "recent comments") */
  linkList: -30,
  /** the blocks are paragraphs, or the container holds the page's h1: the article itself */
  articleItself: -60,
} as const;

/** A candidate must reach this score to be reported as the comment section. */
export const THRESHOLD = 70;

/** …and at least this share of its blocks must be prose and signed or dated (comments, not a grid). */
export const MIN_PROSE_SHARE = 0.5;
export const MIN_BYLINE_SHARE = 0.5;

/** Blocks looked at per group for the shares (a long thread's first blocks say enough). */
export const SAMPLE = 16;

/** A block with more text than this is a page section, not one comment. */
export const MAX_BLOCK_CHARS = 12000;

/** Prose: at least this many characters outside links, and this many words. */
export const PROSE_CHARS = 20;
export const PROSE_WORDS = 4;

/** A block whose text is more than this share links is a link list entry. */
export const LINK_DENSITY = 0.6;

/** A name: a short text of at most this many characters and words. */
export const NAME_CHARS = 48;
export const NAME_WORDS = 5;
