// The command line: `comment-lens <file> [--json] [--url URL]` and `comment-lens classify`.
// Errors go to stderr with a non-zero exit; stdout only ever carries a result.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { DumpError } from '../parser/errors';
import { parseDump } from '../parser/dump';
import type { StanceLabel, Thread } from '../parser/types';
import { analyze, type Analysis } from '../pipeline';
import { StanceEngine } from '../stance/index';
import { notLabelled } from '../stance/language';
import { gist } from '../summary/gist';
import { summarize } from '../summary/summarize';
import { formatAnalysis } from './format';
import { runClassify } from './classify';

export const USAGE = `Usage:
  comment-lens <file> [--json] [--url URL] [--refined]  summarise a comment dump (.txt) or a saved page (.html)
  comment-lens classify [--fast] < input.jsonl         label JSON Lines {id, article, text, parent?, kind?} from stdin
                                                      (kind: "news" or "post"; absent, guessed from the article's length)
  comment-lens --help                                 this help

<file> is a plain-text dump (an article, then each comment as a handle line and its text)
or a saved HTML page. --json prints the whole analysis as JSON. --url tells which site a saved
page came from, so its adapter is chosen by host. classify labels with the refined pass (a sentence
encoder shipped with the tool, then a trained head) unless --fast asks for the fast engine alone; the
summary uses the fast engine (as the extension does) unless --refined asks for the refined pass.
Nothing is sent anywhere: all work is local.`;

export class UsageError extends Error {}

interface Options {
  file?: string;
  json: boolean;
  url?: string;
  /** classify: the fast engine only, no sentence encoder */
  fast: boolean;
  /** summary: the refined pass over the fast labels */
  refined: boolean;
  command: 'summary' | 'classify' | 'help';
}

export function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { json: false, fast: false, refined: false, command: 'summary' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { ...opts, command: 'help' };
    else if (arg === '--json') opts.json = true;
    else if (arg === '--fast') opts.fast = true;
    else if (arg === '--refined') opts.refined = true;
    else if (arg === '--url') {
      const value = argv[++i];
      if (!value) throw new UsageError('--url needs a value, e.g. --url https://example.com/news/1');
      try {
        new URL(value);
      } catch {
        throw new UsageError(`--url: not a URL: ${value}`);
      }
      opts.url = value;
    } else if (arg.startsWith('--url=')) opts.url = arg.slice(6);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else if (arg === 'classify' && opts.file === undefined && i === 0) opts.command = 'classify';
    else if (opts.file !== undefined) throw new UsageError(`one file at a time (got ${opts.file} and ${arg})`);
    else opts.file = arg;
  }
  if (opts.command === 'summary' && opts.file === undefined) throw new UsageError('no input file given');
  return opts;
}

function looksLikeHtml(name: string, bytes: Uint8Array): boolean {
  const ext = extname(name).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return true;
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

export interface CliResult {
  detected: boolean;
  platform: string;
  widgetOnly?: boolean;
  analysis: Analysis;
}

/**
 * The fast labels first, then, when asked, the refined pass over them. Not the default for the
 * summary: on comments about a news article (the seed, the gold set of tests/unit/stance) the
 * refined pass reads worse than the fast engine today (README: the refined pass).
 */
async function refineAnalysis(analysis: Analysis, engine: StanceEngine, refined: boolean, stderr?: NodeJS.WritableStream): Promise<Analysis> {
  if (!refined || analysis.thread.comments.length === 0) return analysis;
  // loaded only with --refined: the encoder's TF.js is a chunk of its own in the compiled CLI
  const { loadRefined, refinedAvailable } = await import('../stance/refined-node');
  if (!refinedAvailable()) {
    stderr?.write('comment-lens: --refined: the sentence encoder files (models/use-lite) are missing; fast labels only\n');
    return analysis;
  }
  try {
    const pass = await loadRefined(engine);
    const labels = await pass.refiner.refineThread(analysis.thread, analysis.labels, pass.embed);
    return { thread: analysis.thread, labels, summary: summarize(analysis.thread, labels), gist: gist(analysis.thread, labels) };
  } catch (err) {
    stderr?.write(`comment-lens: the sentence encoder did not load (${(err as Error).message}); fast labels only\n`);
    return analysis;
  }
}

export async function analyzeFile(file: string, url?: string, opts: { refined?: boolean; stderr?: NodeJS.WritableStream } = {}): Promise<CliResult> {
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UsageError(`${file} is a directory, not a file`);
    bytes = await readFile(file);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${(err as Error).message}`);
  }
  const engine = new StanceEngine();
  if (looksLikeHtml(file, bytes)) {
    const { threadFromHtml } = await import('./html');
    const { thread, platform, detected, widgetOnly } = threadFromHtml(new TextDecoder().decode(bytes), url);
    return { detected, platform, widgetOnly, analysis: await refineAnalysis(analyze(thread, engine), engine, opts.refined ?? false, opts.stderr) };
  }
  const thread: Thread = parseDump(bytes);
  if (url) thread.article.url = url;
  return { detected: thread.comments.length > 0, platform: 'dump', analysis: await refineAnalysis(analyze(thread, engine), engine, opts.refined ?? false, opts.stderr) };
}

export function toJson(result: CliResult): unknown {
  const { thread, labels, summary, gist } = result.analysis;
  const a = thread.article;
  return {
    detected: result.detected,
    platform: result.platform,
    ...(result.widgetOnly ? { widgetOnly: true } : {}),
    article: { title: a.title ?? null, date: a.date ?? null, source: a.source ?? null, url: a.url ?? null, paragraphs: a.paragraphs },
    comments: thread.comments.map((c, i) => ({
      id: c.id,
      author: c.author,
      text: c.text,
      time: c.time ?? null,
      parentId: c.parentId ?? null,
      parentInferred: c.parentInferred ?? false,
      ...(c.parentInferred ? { parentConfidence: c.parentConfidence ?? null, parentEvidence: c.parentEvidence ?? null } : {}),
      ...stanceJson(labels[i]!),
    })),
    summary,
    gist,
  };
}

/** A comment's stance, or `stance: null` with the reason it has none (a language the engine does not read). */
function stanceJson(label: StanceLabel): { stance: StanceLabel } | { stance: null; reason: string; language: string } {
  const why = notLabelled(label);
  return why ? { stance: null, reason: why.reason, language: why.language } : { stance: label };
}

export async function main(argv: readonly string[], io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }): Promise<number> {
  try {
    const opts = parseArgs(argv);
    if (opts.command === 'help') {
      io.stdout.write(USAGE + '\n');
      return 0;
    }
    if (opts.command === 'classify') return await runClassify(io.stdin, io.stdout, io.stderr, { fast: opts.fast });
    const result = await analyzeFile(opts.file!, opts.url, { refined: opts.refined, stderr: io.stderr });
    if (opts.json) io.stdout.write(JSON.stringify(toJson(result), null, 2) + '\n');
    else {
      let text = formatAnalysis(result.analysis, { platform: result.platform, file: basename(opts.file!) });
      if (!result.detected) {
        text = result.widgetOnly
          ? `A comment widget is on this page, but its comments have not loaded (they load by script).\n${text}`
          : `No comment section found.\n${text}`;
      }
      io.stdout.write(text + '\n');
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`comment-lens: ${err.message}\nRun comment-lens --help for usage.\n`);
      return 2;
    }
    if (err instanceof DumpError) {
      io.stderr.write(`comment-lens: ${err.message}\n`);
      return 1;
    }
    io.stderr.write(`comment-lens: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    return 70;
  }
}
