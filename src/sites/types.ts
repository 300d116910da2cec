// Site adapters are data: ordered selector lists the shared extractor interprets (see extract.ts).
import type { RawComment, RawPage } from '../parser/types';

/**
 * [selector, attr, pattern?]: selector '' means the comment element itself; attribute '' means its
 * text; a pattern keeps only its first group ("/user/([^/]+)/" on an href).
 */
export type AttrPick = readonly [selector: string, attr: string, pattern?: RegExp];

export interface FieldSpecs {
  /** the comment's id on the page (a reply-to attribute elsewhere refers to it) */
  id?: readonly AttrPick[];
  /** the display name; the first selector that yields text wins */
  author?: readonly string[];
  /** the display name from an attribute, tried after `author` (Reddit's /user/NAME/ links) */
  authorFrom?: readonly AttrPick[];
  /** the body; every match of the first matching selector is joined (".comment-body p") */
  text?: readonly string[];
  time?: readonly AttrPick[];
  /** the parent comment's id, where the markup says it rather than nesting it */
  parent?: readonly AttrPick[];
  /** nesting depth stated by an attribute, 0 = top level (shreddit's depth="2") */
  depth?: readonly AttrPick[];
  /** nesting level, 1 = top level (the redesign's "level 2" label) */
  level?: readonly AttrPick[];
}

/** An item the site shows without its content: a slot of the thread all the same (replies hang under it). */
export interface PlaceholderSpec {
  /** matches the item itself, or an element of it, when the item is a placeholder */
  match: string;
  kind: 'deleted' | 'private';
  /** where the page shows the placeholder's words ("Comment deleted by user"), when the body has none */
  text?: string;
}

/** The line before a page owner's answer kept inside a reader's comment (see OwnerAnswers). */
export const OWNER_ANSWER_MARK = '— reply by the blog owner:';

/** Answers by the page's owner printed inside a reader's item: kept in that comment's text, after `mark`. */
export interface OwnerAnswers {
  selectors: readonly string[];
  /** the line put before the answer, so a reader (and the stance engine) can tell whose words follow */
  mark: string;
}

export interface SiteAdapter {
  id: string;
  /** host suffixes ("disqus.com" matches "embed.disqus.com") */
  hosts?: readonly string[];
  /** one cheap selector whose match means "this platform's comments (or widget) are here" */
  detect?: string;
  /**
   * extra check run only after `detect` matched (the generic heuristic); `possible`, when given,
   * says which selectors of detect/widget lists may match at all (the probe's answer)
   */
  verify?: (doc: Document, possible?: (selector: string) => boolean) => boolean;
  /** the comment section, observed for live comments; first match wins */
  container?: readonly string[];
  /** one comment item */
  comment?: string;
  /** a reply list that follows its parent item instead of nesting in it (WordPress ".children") */
  childList?: string;
  /** items matching or inside these are not comments (pingbacks, sidebar widgets, the reply form) */
  exclude?: readonly string[];
  /** text nodes keep their line breaks (bodies styled white-space: pre-line, e.g. LinkedIn) */
  preLine?: boolean;
  /** inside a comment, text under these is not its body (buttons, bylines, vote counts) */
  strip?: readonly string[];
  fields?: FieldSpecs;
  /** a comment widget/count/button: present with no comments means page.widgetOnly */
  widget?: readonly string[];
  /** where the page states its comment count */
  statedCount?: readonly AttrPick[];
  /** elements whose open shadow root holds the comments (Coral, OpenWeb) */
  shadowHosts?: readonly string[];
  placeholders?: readonly PlaceholderSpec[];
  ownerAnswers?: OwnerAnswers;
  /** for adapters whose item selector depends on the page (generic): picks it, inside `scope` if given */
  pickComment?: (doc: Document, scope?: ParentNode) => string | undefined;
  /**
   * fields read by role rather than by selector (the structural finder): they fill what `fields`
   * and the fallback's selectors leave empty; `skip` is true for nested items and stripped elements
   */
  roles?: (item: Element, skip: (e: Element) => boolean) => { author?: string; time?: string; text?: string };
}

/** The comments alone (extractComments): what a re-read after live mutations needs. */
export interface CommentsExtraction {
  comments: RawComment[];
  /** the element of comment i, same order as comments */
  elements: Element[];
  /** the comment section (or, with no comments yet, the widget target), for observing */
  container: Element | null;
  /** comment items showing nothing at all (no body, name or placeholder), not in `comments` */
  skipped?: number;
}

export interface Extraction {
  page: RawPage;
  /** the element of comment i, same order as page.comments */
  elements: Element[];
  /** the comment section, for observing live comments */
  container: Element | null;
  /** comment items showing nothing at all (no body, name or placeholder), not in page.comments */
  skipped?: number;
}
