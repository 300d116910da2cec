// The saved pages of tests/fixtures as threads, through the CLI's reader (the same adapters and
// parser as the extension), with the language index.json records for each page.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadFromHtml } from '../../../src/cli/html';
import type { Thread } from '../../../src/parser/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface FixturePage {
  slug: string;
  category: string;
  lang: string;
  thread: Thread;
}

interface IndexEntry {
  slug: string;
  category: string;
  lang: string;
}

export function fixturePages(filter: (e: IndexEntry) => boolean = () => true): FixturePage[] {
  const index = JSON.parse(readFileSync(join(root, 'tests/fixtures/index.json'), 'utf8')) as IndexEntry[];
  const out: FixturePage[] = [];
  for (const e of index) {
    const file = join(root, 'tests/fixtures', e.category, `${e.slug}.html`);
    if (!filter(e) || !existsSync(file)) continue;
    out.push({ slug: e.slug, category: e.category, lang: e.lang, thread: threadFromHtml(readFileSync(file, 'utf8')).thread });
  }
  return out;
}

export function seedThreadPath(): string {
  return join(root, 'seeds/000_c8a4a18fdd49bdeb.txt');
}
