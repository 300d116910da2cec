// One read of the page for a session: the whole page the first time (the article by our
// Readability-style scoring: costly), then the comment section alone after live changes, keeping
// the first read's article. The read stage runs in ~8 ms slices (one task for all of it took
// ~300 ms at 10,000 comments).
import type { RawPage } from '../parser/types';
import { readPage as pageRead, rereadPage, type Extraction, type FoundItems, type SiteAdapter } from '../sites/registry';
import { readingText } from '../ui/format';
import { runStage } from './slices';
import type { EarlyLabels } from './early-labels';

export interface ReadOptions {
  doc: Document;
  adapter: SiteAdapter;
  /** the first read's page: given, only the comments are read again */
  base: RawPage | null;
  /** the comment section a live re-read is limited to */
  section: Element | null;
  signal: AbortSignal;
  /** observe `target` from now on: the page may change between slices, and a change reruns the read */
  watch(target: Node): void;
  /** "Reading comments… k of n" as the slices go */
  status?(text: string): void;
  /** the first read of a long thread: its article first, its comments to the background as they are read */
  early?: EarlyLabels;
}

/** The extraction, or null when stopped meanwhile. */
export async function readPage(o: ReadOptions): Promise<Extraction | null> {
  const { doc } = o;
  // As soon as the items are known: watch their section (or the page), before the first slice ends.
  const early = o.base ? undefined : o.early;
  const found = (f: FoundItems): void => {
    if (f.items.length > 0) o.watch(f.section ?? doc.body);
    early?.found(f.items.length, f.comments);
  };
  const stage = o.base
    ? rereadPage(doc, o.adapter, o.base, o.section, found)
    : pageRead(doc, doc.location?.href, o.adapter, found, early ? (article, url) => early.setArticle(article, url) : undefined);
  const status = o.status;
  const r = await runStage(stage, {
    signal: o.signal,
    ...(status || early
      ? {
          onSlice: (t) => {
            early?.slice();
            if (t && status) status(readingText(t.done, t.total));
          },
        }
      : {}),
  });
  return r?.value ?? null;
}
