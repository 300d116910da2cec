// The saved-page reader for the CLI: an HTML string in, the same RawPage the extension builds.
import { parseHTML } from 'linkedom';
import type { RawPage } from '../parser/types';
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
