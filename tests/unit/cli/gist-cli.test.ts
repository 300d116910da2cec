// The gist through the command line, as a reader runs it: --json carries it with real ids and
// representatives that carry their stance; the readable output prints it; a German page's
// comments come out with `stance: null` and the reason.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { main } from '../../../src/cli/main';
import { STANCES } from '../../../src/parser/types';

const root = join(__dirname, '../../..');
const seedFile = join(root, 'seeds/000_c8a4a18fdd49bdeb.txt');

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const stdout = new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) });
  const stderr = new Writable({ write: (_c, _e, cb) => cb() });
  const code = await main(argv, { stdout, stderr, stdin: Readable.from([]) } as never);
  return { code, out: chunks.join('') };
}

interface JsonOut {
  comments: Array<{ id: string; stance: { label: string; confidence: number } | null; reason?: string; language?: string }>;
  summary: { total: number; byStance: Record<string, number>; notLabelled: number };
  gist: {
    byStance: Record<string, { comments: string[]; phrases: Array<{ text: string; count: number; commentIds: string[] }> }>;
    mostDiscussed: { rootId: string; size: number; byStance: Record<string, number> } | null;
  };
}

describe('the gist in the CLI', () => {
  test.each([seedFile, ...readdirSync(join(root, 'tests/fixtures/with-comments')).filter((f) => /\.html$/.test(f) && !f.includes('.expected.')).map((f) => join(root, 'tests/fixtures/with-comments', f))])(
    '--json on %s: every gist id is a comment, representatives carry their stance',
    async (file) => {
      const { code, out } = await run([file, '--json']);
      expect(code).toBe(0);
      const j = JSON.parse(out) as JsonOut;
      const byId = new Map(j.comments.map((c) => [c.id, c]));
      expect(Object.keys(j.gist.byStance).sort()).toEqual([...STANCES].sort());
      for (const s of STANCES) {
        for (const id of j.gist.byStance[s]!.comments) expect(byId.get(id)?.stance?.label, `${id} stands for ${s}`).toBe(s);
        for (const p of j.gist.byStance[s]!.phrases) for (const id of p.commentIds) expect(byId.get(id)?.stance?.label).toBe(s);
      }
      if (j.gist.mostDiscussed) expect(byId.has(j.gist.mostDiscussed.rootId)).toBe(true);
      // Not labelled: stance null with its reason, and counted apart from the stances.
      const none = j.comments.filter((c) => c.stance === null);
      for (const c of none) expect(c).toMatchObject({ reason: 'language' });
      expect(j.summary.notLabelled).toBe(none.length);
      expect(STANCES.reduce((n, s) => n + j.summary.byStance[s]!, 0)).toBe(j.summary.total - none.length);
    },
  );

  test('the seed has a gist with representatives', async () => {
    const j = JSON.parse((await run([seedFile, '--json'])).out) as JsonOut;
    expect(STANCES.some((s) => j.gist.byStance[s]!.comments.length > 0)).toBe(true);
  });

  test('the readable output prints the gist', async () => {
    const { out } = await run([seedFile]);
    expect(out).toContain('The gist');
    const j = JSON.parse((await run([seedFile, '--json'])).out) as JsonOut;
    for (const s of STANCES) for (const id of j.gist.byStance[s]!.comments) expect(out).toContain(`[${id}]`);
  });

  const notEnglish = (JSON.parse(readFileSync(join(root, 'tests/fixtures/index.json'), 'utf8')) as Array<{ slug: string; category: string; lang: string }>)
    .filter((e) => e.category === 'with-comments' && e.lang !== 'en' && existsSync(join(root, 'tests/fixtures/with-comments', `${e.slug}.html`)));
  test.each(notEnglish.map((e) => [e.lang, e.slug] as const))('a page in %s (%s): nearly every comment is not labelled, with the reason', async (lang, slug) => {
    const j = JSON.parse((await run([join(root, 'tests/fixtures/with-comments', `${slug}.html`), '--json'])).out) as JsonOut;
    expect(j.comments.length).toBeGreaterThan(0);
    const none = j.comments.filter((c) => c.stance === null && c.reason === 'language' && c.language === lang);
    // A comment too short to tell its language is labelled as before.
    expect(none.length / j.comments.length).toBeGreaterThanOrEqual(0.8);
  });
});
