// Site adapters are data: ordered selector lists the shared extractor interprets (see extract.ts).
import type { RawPage } from '../parser/types';

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

export interface SiteAdapter {
  id: string;
  /** host suffixes ("disqus.com" matches "embed.disqus.com") */
  hosts?: readonly string[];
  /** one cheap selector whose match means "this platform's comments (or widget) are here" */
  detect?: string;
  /** extra check run only after `detect` matched (the generic heuristic) */
  verify?: (doc: Document) => boolean;
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
  /** for odd platforms: a hook that reads the DOM its own way (still read-only) */
  extract?: (doc: Document, url: string | undefined) => Extraction;
}

export interface Extraction {
  page: RawPage;
  /** the element of comment i, same order as page.comments */
  elements: Element[];
  /** the comment section, for observing live comments */
  container: Element | null;
}
