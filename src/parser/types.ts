// The data model shared by every part. Pure types: no DOM, no browser API.

export const STANCES = ['support', 'oppose', 'neutral', 'question'] as const;
export type Stance = (typeof STANCES)[number];

export interface Article {
  title?: string;
  date?: string; // ISO yyyy-mm-dd where known
  source?: string; // publisher, e.g. from the "© Thomson Reuters 2024." credit
  url?: string;
  paragraphs: string[];
}

export interface Comment {
  id: string; // stable within a thread: adapter id, else "c<index>"
  author: string; // "" only when the page shows no author at all
  text: string; // whole text, line breaks kept
  time?: string;
  parentId?: string; // always an earlier comment's id
  parentInferred?: boolean; // true when the link was guessed, not marked up
  parentConfidence?: number; // 0..1, set when parentInferred
  parentEvidence?: string; // why the link was inferred ("@handle", "quotes c3", ...)
  /** a slot the site shows without its content (deleted, removed, private): counted, never labelled by its words */
  placeholder?: 'deleted' | 'private';
}

export interface Thread {
  article: Article;
  comments: Comment[];
}

/** One reason behind a stance label: a matched rule or model feature a reader understands. */
export interface Cue {
  rule: string; // stable id, e.g. "negated-positive", "question-form"
  text?: string; // the words that matched, e.g. "won't work"
  reason: string; // short human reason, e.g. "negated outcome of the plan"
  weight: number; // signed contribution toward the label (for ordering / display)
}

export interface StanceLabel {
  label: Stance;
  confidence: number; // 0..1, honest: low where cues are weak
  cues: Cue[];
  via?: string; // parent id when the label was derived from agreeing/disagreeing with it
  /** which pass made the label: absent = the fast engine; 'refined' = the sentence-encoder pass */
  pass?: 'refined';
}

export interface Summary {
  total: number;
  byStance: Record<Stance, number>;
  /**
   * [author, comment count] pairs, most active first (ties: first appearance); deleted/private slots
   * left out. An array, not an object: object keys that look like integers ("42") come first
   * whatever their count, so an object cannot hold a ranking.
   */
  byAuthor: Array<[author: string, count: number]>;
  repliesInferred: number;
  repliesMarked: number;
  unsure: number; // labels whose confidence is below the "unsure" threshold
  /** comments given no stance (written in a language the engine does not read): in total, not in byStance */
  notLabelled?: number;
}

// ---- What a site adapter hands to the shared parser (DOM already read) ----

export interface RawComment {
  id?: string;
  author?: string;
  text: string;
  time?: string;
  parentId?: string; // from markup (reply-to, nesting)
  depth?: number; // nesting depth from markup, 0 = top level
  placeholder?: 'deleted' | 'private'; // see Comment.placeholder
}

export interface RawPage {
  platform: string; // adapter id, e.g. "wordpress", "generic"
  url?: string;
  article: { title?: string; date?: string; source?: string; paragraphs: string[] };
  comments: RawComment[];
  /** a comment widget is present but its comments are not in the DOM (yet) */
  widgetOnly?: boolean;
  /** the page states a comment count (e.g. itemprop=commentCount) */
  statedCount?: number;
}
