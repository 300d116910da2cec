// Reads every seed dump and turns it into the two demo pages (with and without comments).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDump } from '../../src/parser/dump';
import type { Thread } from '../../src/parser/types';
import { renderArticlePage } from './page';

export interface DemoSeed {
  /** file name without .txt, used in URLs and artifact names */
  name: string;
  thread: Thread;
  /** article + comment section */
  withComments: string;
  /** the same article without any comment section */
  plain: string;
}

export interface SeedFailure {
  name: string;
  error: string;
}

export function loadSeeds(dir: string): { seeds: DemoSeed[]; failures: SeedFailure[] } {
  const seeds: DemoSeed[] = [];
  const failures: SeedFailure[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  for (const file of files) {
    const name = basename(file, '.txt');
    try {
      const thread = parseDump(readFileSync(join(dir, file)));
      seeds.push({
        name,
        thread,
        withComments: renderArticlePage(thread, { withComments: true }),
        plain: renderArticlePage(thread, { withComments: false }),
      });
    } catch (err) {
      // A broken seed must not take the demo down; it is reported by name instead.
      failures.push({ name, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return { seeds, failures };
}
