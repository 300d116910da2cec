// The saved-page reader for the CLI: an HTML string in, the same RawPage the extension builds,
// and the Thread the shared parser makes of it. A chunk of its own in the compiled CLI (linkedom
// is most of it): a dump never loads it.
import { parseHTML } from 'linkedom';
import { buildThread } from '../parser/thread';
import type { RawPage, Thread } from '../parser/types';
import { detectPage, extractPage, generic } from '../sites/registry';

export interface HtmlExtraction {
  page: RawPage;
  /** the adapter id that read the page */
  platform: string;
  /** whether a comment section (or its widget) was found at all */
  detected: boolean;
}

/** Reads a saved page; `url` (the page's address) picks the adapter by host when given. */
export function extractFromHtml(html: string, url?: string): HtmlExtraction {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  const adapter = detectPage(doc, url);
  const { page } = extractPage(doc, url, adapter ?? generic);
  return { page, platform: page.platform, detected: adapter !== null };
}

/** Saved HTML page -> Thread, through the very same site adapters and shared parser as the extension. */
export function threadFromHtml(html: string, url?: string): { thread: Thread; platform: string; detected: boolean; widgetOnly: boolean } {
  const { page, platform, detected } = extractFromHtml(html, url);
  return { thread: buildThread(page), platform, detected, widgetOnly: Boolean(page.widgetOnly) };
}
