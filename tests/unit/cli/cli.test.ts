import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { main } from '../../../src/cli/main';
import { STANCES } from '../../../src/parser/types';

const root = join(__dirname, '../../..');
const seedFile = join(root, 'seeds', readdirSync(join(root, 'seeds')).find((f) => f.endsWith('.txt'))!);

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as Writable & { text: () => string };
  w.text = () => chunks.join('');
  return w;
}

async function run(argv: string[], stdinText = '') {
  const stdout = sink();
  const stderr = sink();
  const stdin = Readable.from([Buffer.from(stdinText)]);
  const code = await main(argv, { stdout, stderr, stdin } as never);
  return { code, out: stdout.text(), err: stderr.text() };
}

const tmp = mkdtempSync(join(tmpdir(), 'lens-cli-'));
function tmpFile(name: string, content: string | Uint8Array): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

describe('comment-lens <file>', () => {
  test('authors rank by count: "42" with one comment comes after bob with ten', async () => {
    const names = ['42', ...Array<string>(10).fill('bob')];
    const dump = ' date 2024-01-02 The council approved the bridge.\nIt opens next year. © Example News 2024.\n' + names.map((n, i) => `${n}\nComment number ${i + 1} on the bridge.`).join('\n');
    const file = tmpFile('ranking.txt', dump);
    const json = JSON.parse((await run([file, '--json'])).out);
    expect(json.summary.byAuthor).toEqual([['bob', 10], ['42', 1]]);
    expect((await run([file])).out).toContain('Most active: bob (10), 42 (1)');
  });

  test('prints the seed summary: date, source, counts and one row per comment', async () => {
    const { code, out, err } = await run([seedFile]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('2024-06-09');
    expect(out).toContain('Thomson Reuters');
    expect(out).toMatch(/^9 comments/m);
    for (const author of ['TaiwanIsNotChina', 'SaikoPhysco', 'deanzaZZR', 'kurisupisu', 'GuruMick', 'Antiquesaving', 'obladi', 'JboneInTheZone']) {
      expect(out).toContain(author);
    }
    for (const s of STANCES) expect(out).toMatch(new RegExp(`^  ${s}\\s+\\d+`, 'm'));
  });

  test('--json gives the documented shape, with whole comment texts', async () => {
    const { code, out } = await run([seedFile, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.detected).toBe(true);
    expect(json.platform).toBe('dump');
    expect(json.article).toMatchObject({ date: '2024-06-09', source: 'Thomson Reuters' });
    expect(json.article.paragraphs).toHaveLength(7);
    expect(json.comments).toHaveLength(9);
    const guru = json.comments.find((c: { author: string }) => c.author === 'GuruMick');
    expect(guru.text.split('\n')).toHaveLength(4);
    for (const c of json.comments) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'author', 'text', 'time', 'parentId', 'parentInferred', 'stance']));
      expect(c.stance.pass).toBeUndefined(); // the summary's default: the fast engine
      expect(STANCES).toContain(c.stance.label);
      expect(c.stance.confidence).toBeGreaterThanOrEqual(0);
      expect(c.stance.confidence).toBeLessThanOrEqual(1);
      expect(Array.isArray(c.stance.cues)).toBe(true);
    }
    const byStance = json.summary.byStance;
    expect(byStance.support + byStance.oppose + byStance.neutral + byStance.question).toBe(9);
    expect(json.summary.total).toBe(9);
    expect(json.summary.byAuthor).toContainEqual(['TaiwanIsNotChina', 2]);
  });

  test.each([
    [['--help'], 0],
    [['-h'], 0],
  ])('%j prints usage', async (argv, code) => {
    const r = await run(argv);
    expect(r.code).toBe(code);
    expect(r.out).toContain('Usage:');
  });

  test.each([
    [[], /no input file/],
    [['/nonexistent/file.txt'], /no such file/],
    [[tmp], /is a directory/],
    [['a.txt', 'b.txt'], /one file at a time/],
    [['--frobnicate'], /unknown option --frobnicate/],
    [['x.txt', '--url'], /--url needs a value/],
    [['x.txt', '--url', 'not a url'], /not a URL/],
  ])('bad arguments %j: message on stderr, nothing on stdout, non-zero exit', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).not.toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });

  test('--refined labels the summary with the refined pass, every comment with its cues', async () => {
    const { code, out, err } = await run([seedFile, '--json', '--refined']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.comments).toHaveLength(9);
    for (const c of json.comments) {
      expect(c.stance.pass).toBe('refined');
      expect(c.stance.cues.length).toBeGreaterThan(0);
    }
    const total = Object.values(json.summary.byStance as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(9);
  });

  test('an empty file is a clear error, not an empty result', async () => {
    const r = await run([tmpFile('empty.txt', '')]);
    expect(r.code).not.toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/empty/i);
  });

  test('a file that is not UTF-8 text names the line', async () => {
    const bytes = new Uint8Array([...Buffer.from(' date 2024-01-01 Hello world.\nalice\n'), 0xff, 0xfe, 0x00, 0x41]);
    const r = await run([tmpFile('binary.txt', bytes)]);
    expect(r.code).not.toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/line 3/);
  });
});

describe('comment-lens classify', () => {
  const article = 'The city will ban cars from the old town starting next year, the mayor announced.';

  test('one output line per input line, in order, with label, confidence and cues', async () => {
    const lines = [
      { id: 'a', article, text: 'Great decision, long overdue!' },
      { id: 2, article, text: 'This is a terrible idea and it will ruin local shops.' },
      { id: 'c', article, text: 'When does it start exactly?', parent: 'Great decision, long overdue!' },
    ];
    const r = await run(['classify'], lines.map((l) => JSON.stringify(l)).join('\n') + '\n\n');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 2, 'c']);
    for (const o of out) {
      expect(STANCES).toContain(o.label);
      expect(typeof o.confidence).toBe('number');
      expect(Array.isArray(o.cues)).toBe(true);
    }
  });

  test('kind "news" gets the opinion layer a short string would not get as a post (fast pass)', async () => {
    const short = 'Japan and the United States agreed on a deal to expand military industrial cooperation, including shipbuilding.';
    const lines = ['news', 'post'].map((kind) => JSON.stringify({ id: kind, article: short, text: 'This is a terrible idea.', kind }));
    const r = await run(['classify', '--fast'], lines.join('\n'));
    expect(r.code).toBe(0);
    const [news, post] = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(news.label).toBe('oppose');
    expect(news.cues.map((c: { rule: string }) => c.rule)).toContain('judges-subject');
    expect(post.cues.map((c: { rule: string }) => c.rule)).not.toContain('judges-subject');
  });

  test('the refined pass labels by default, --fast gives the fast engine alone', async () => {
    const lines = [
      { id: 1, article, text: 'Great decision, long overdue!' },
      { id: 2, article: '', parent: 'Cars should be banned everywhere.', text: 'I disagree, that would be a disaster.' },
    ].map((l) => JSON.stringify(l)).join('\n');
    const refined = await run(['classify'], lines);
    const fast = await run(['classify', '--fast'], lines);
    expect(refined.err).toBe('');
    expect(fast.code).toBe(0);
    const r = refined.out.trim().split('\n').map((l) => JSON.parse(l));
    const f = fast.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(r.map((o) => o.pass)).toEqual(['refined', 'refined']);
    expect(f.map((o) => o.pass)).toEqual(['fast', 'fast']);
    for (const o of r) expect(o.cues.length).toBeGreaterThan(0);
  });

  test('a parent under an empty article, or repeating the article, is read as the article (both passes)', async () => {
    const quote = 'Masks should be required on every bus and train this winter.';
    const text = 'No, that is an overreach and it does not even work.';
    const as = (rows: object[]): string => rows.map((l, i) => JSON.stringify({ id: i, text, ...l })).join('\n');
    for (const flags of [['classify'], ['classify', '--fast']]) {
      const r = await run(flags, as([{ article: quote }, { article: '', parent: quote }, { article: quote, parent: quote }, { article: ' ', parent: quote }, { parent: quote }, { article: null, parent: quote }]));
      expect(r.code).toBe(0);
      const out = r.out.trim().split('\n').map((l) => JSON.parse(l));
      for (const o of out.slice(1)) expect({ ...o, id: 0 }).toEqual(out[0]);
      // a parent that is another comment under the article still counts as one
      const nested = await run(flags, as([{ article: quote, parent: 'I agree with this.' }]));
      expect({ ...JSON.parse(nested.out), id: 0 }).not.toEqual(out[0]);
    }
  });

  test('lines answering the same text are read together: their lean moves a line there, not one elsewhere', async () => {
    const post = 'BREAKING: the bridge on route 9 has collapsed, police say.';
    const other = 'The council will vote on the new budget on Tuesday.';
    const line = { article: post, text: 'Wow, I drive over that bridge every day.' };
    const denials = ['This is fake, the bridge is fine, I just drove over it.', 'Fake news. No such thing happened.', 'Not true at all, police said nothing of the kind.', 'Hoax. Stop spreading this.'];
    const input = (under: string): string => [{ id: 0, ...line }, ...denials.map((text, i) => ({ id: i + 1, article: under, text }))].map((l) => JSON.stringify(l)).join('\n');
    const alone = await run(['classify'], JSON.stringify({ id: 0, ...line }));
    const withDenials = await run(['classify'], input(post));
    const elsewhere = await run(['classify'], input(other));
    const [a, t, e] = [alone, withDenials, elsewhere].map((r) => JSON.parse(r.out.trim().split('\n')[0]!));
    expect(t).not.toEqual(a);
    expect(e).toEqual(a);
    // the same text with other spacing is the same discussion
    const respaced = await run(['classify'], input(` ${post.replace(/ /g, '  ')}\n`));
    expect(JSON.parse(respaced.out.trim().split('\n')[0]!)).not.toEqual(a);
    // the fast pass reads each line alone
    const fastAlone = await run(['classify', '--fast'], JSON.stringify({ id: 0, ...line }));
    const fastWith = await run(['classify', '--fast'], input(post));
    expect(JSON.parse(fastWith.out.trim().split('\n')[0]!)).toEqual(JSON.parse(fastAlone.out.trim()));
  });

  // A close call under the shipped head ("I doubt it." alone reads as support): a retrain that moves it needs another example.
  test('a close call the discussion tips says so in its first cue', async () => {
    const post = 'BREAKING: the bridge on route 9 has collapsed, police say.';
    const line = { id: 0, article: post, text: 'I doubt it.' };
    const denials = ['This is fake, the bridge is fine, I just drove over it.', 'Fake news. No such thing happened.', 'Not true at all, police said nothing of the kind.', 'Hoax. Stop spreading this.', 'False. The police denied it an hour ago.', 'This never happened, stop lying.'];
    const alone = JSON.parse((await run(['classify'], JSON.stringify(line))).out);
    const together = JSON.parse((await run(['classify'], [line, ...denials.map((text, i) => ({ id: i + 1, article: post, text }))].map((l) => JSON.stringify(l)).join('\n'))).out.split('\n')[0]!);
    expect(alone.label).not.toBe('oppose');
    expect(alone.cues.map((c: { rule: string }) => c.rule)).not.toContain('discussion-lean');
    expect(together.label).toBe('oppose');
    expect(together.cues[0].rule).toBe('discussion-lean');
    expect(together.cues[0].reason).toMatch(/other replies to the same text read as oppose/);
  });

  test.each([
    ['{"id":1,"article":"a"}', /line 1: "text" must be a string/],
    ['{"id":1,"article":"a","text":"t"}\nnot json', /line 2: not JSON/],
    ['[1,2]', /line 1: expected a JSON object/],
    ['{"id":1,"text":"t"}', /"article" must be a string .*or give the "parent"/],
    ['{"id":1,"article":5,"text":"t","parent":"p"}', /"article" must be a string/],
    ['{"id":1,"article":"a","text":"t","parent":5}', /"parent" must be a string/],
    ['{"id":1,"article":"a","text":"t","kind":"tweet"}', /"kind" must be "news" or "post"/],
  ])('bad input %j: error names the line, nothing on stdout', async (input, message) => {
    const r = await run(['classify'], input);
    expect(r.code).not.toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });
});

describe('the compiled CLI', () => {
  // Built from the sources under test into a folder of its own, so a stale dist/ cannot pass; the
  // folder is under the OS's temp dir, with no node_modules above it: what runs there needs no
  // package (no tsx, no linkedom) at run time.
  const out = join(tmp, 'cli-build');
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', join(root, 'vite.cli.config.ts'), '--outDir', out, '--logLevel', 'error'], { cwd: root });
  const entry = join(out, 'comment-lens.mjs');

  test('runs where no node_modules can be found, and gives the same JSON as the sources for the seed', async () => {
    for (let d = out; d !== dirname(d); d = dirname(d)) expect(existsSync(join(d, 'node_modules')), d).toBe(false);
    const compiled = execFileSync(process.execPath, [entry, seedFile, '--json'], { encoding: 'utf8', cwd: tmp });
    expect(JSON.parse(compiled)).toEqual(JSON.parse((await run([seedFile, '--json'])).out));
  });

  test('reads a saved page through its own HTML chunk', () => {
    const page = tmpFile('page.html', '<html><body><article><h1>T</h1><p>The plan passed.</p></article><ol class="comment-list"><li class="comment" id="comment-1"><cite class="fn">ann</cite><div class="comment-content"><p>Great plan, long overdue.</p></div></li><li class="comment" id="comment-2"><cite class="fn">bob</cite><div class="comment-content"><p>It will never work.</p></div></li></ol></body></html>');
    const json = JSON.parse(execFileSync(process.execPath, [entry, page, '--json'], { encoding: 'utf8', cwd: tmp }));
    expect(json.comments.map((c: { author: string }) => c.author)).toEqual(['ann', 'bob']);
  });
});

test('bin/comment-lens.mjs runs the compiled CLI, or says how to build it', () => {
  const r = spawnSync(process.execPath, [join(root, 'bin/comment-lens.mjs'), '--help'], { encoding: 'utf8' });
  if (r.status === 2) expect(r.stderr).toContain('npm run build:cli');
  else expect(r.stdout).toContain('comment-lens classify');
});
