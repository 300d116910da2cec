// `comment-lens classify`: the stance engine alone over JSON Lines, so anyone can evaluate it.
// Input lines {id, article, text, parent?, kind?} (article may be left out when parent is given); output lines {id, label, confidence, cues, pass}, in order.
// An empty article with a parent (or the article repeated as the parent): the parent is read as the article.
// Lines with the same article are one discussion: the refined pass weighs each against the others' lean.
// pass: "refined" (the sentence encoder and its head, when its files are there; --fast skips it) or "fast".
// kind: "news" (an article or topic: the opinion layer applies) or "post" (a social post); absent,
// the engine guesses from the text's length, as it does for RumourEval's source posts.
// All input is validated before anything is written, so a bad line never leaves partial results.
import type { Readable, Writable } from 'node:stream';
import type { StanceLabel } from '../parser/types';
import { StanceEngine } from '../stance/index';

interface ClassifyInput {
  id: string | number;
  article: string;
  text: string;
  parent?: string;
  kind?: 'news' | 'post';
}

export function parseClassifyLine(line: string, lineNo: number): ClassifyInput {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new Error(`line ${lineNo}: not JSON (${(err as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`line ${lineNo}: expected a JSON object`);
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' && typeof v.id !== 'number') throw new Error(`line ${lineNo}: "id" must be a string or number`);
  if (typeof v.text !== 'string') throw new Error(`line ${lineNo}: "text" must be a string`);
  if (v.parent !== undefined && v.parent !== null && typeof v.parent !== 'string') throw new Error(`line ${lineNo}: "parent" must be a string when given`);
  // A reply given only with the comment it answers ({text, parent}) needs no article: the parent is what it answers.
  const articleAbsent = v.article === undefined || v.article === null;
  if (articleAbsent && typeof v.parent !== 'string') throw new Error(`line ${lineNo}: "article" must be a string (the text the discussion responds to), or give the "parent" comment the line answers`);
  if (!articleAbsent && typeof v.article !== 'string') throw new Error(`line ${lineNo}: "article" must be a string (the text the discussion responds to)`);
  if (v.kind !== undefined && v.kind !== null && v.kind !== 'news' && v.kind !== 'post') throw new Error(`line ${lineNo}: "kind" must be "news" or "post" when given`);
  const kind = v.kind === 'news' || v.kind === 'post' ? v.kind : undefined;
  return answering({ id: v.id, article: articleAbsent ? '' : (v.article as string), text: v.text, parent: typeof v.parent === 'string' ? v.parent : undefined, kind });
}

/**
 * With no article, or the article itself as the parent, the parent is the text the comment
 * answers: it is read as the article, as a reply to a quoted comment is in training (MaskMandate's
 * quote as the article). Read otherwise, as a reply under an empty article, the refined pass scored
 * 0.539 on MaskMandate's held-out fold against 0.597.
 */
function answering(input: ClassifyInput): ClassifyInput {
  const { parent, ...rest } = input;
  if (parent === undefined) return input;
  if (input.article.trim() === '') return { ...rest, article: parent };
  return parent === input.article ? rest : input;
}

function prepareFor(engine: StanceEngine, input: ClassifyInput): ReturnType<StanceEngine['prepare']> {
  // A parsed article is always news to the engine; a bare string is judged by its length.
  if (input.kind === 'news') return engine.prepare({ paragraphs: [input.article] });
  const ctx = engine.prepare(input.article);
  return input.kind === 'post' ? { ...ctx, kind: 'post' } : ctx;
}

/** Lines with the same article (and kind; spacing aside) answer the same text: one discussion, one context. */
const discussionKey = (input: ClassifyInput): string => `${input.kind ?? ''}\u0000${input.article.trim().replace(/\s+/g, ' ')}`;

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const bytes = Buffer.concat(chunks);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new Error('input is not UTF-8 text');
  }
}

/**
 * The refined pass over every line: each distinct text embedded once (comments, articles, the
 * parents it reads), then the head.
 */
async function refinedLabels(loadRefined: typeof import('../stance/refined-node').loadRefined, engine: StanceEngine, inputs: ClassifyInput[], ctxFor: (i: ClassifyInput) => ReturnType<StanceEngine['prepare']>, stderr: Writable, showProgress: boolean): Promise<StanceLabel[]> {
  const pass = await loadRefined(engine);
  // a reply is read against its parent too where the refined pass's stacker asks (most parents are other lines' texts)
  const withParent = (input: ClassifyInput): boolean => input.parent !== undefined && pass.refiner.needsParentVector(ctxFor(input));
  const texts = [...new Set(inputs.flatMap((input) => (withParent(input) ? [input.text, input.article, input.parent!] : [input.text, input.article])))];
  const vectors = new Map<string, Float32Array>();
  const CHUNK = 512;
  for (let i = 0; i < texts.length; i += CHUNK) {
    const chunk = texts.slice(i, i + CHUNK);
    const vs = await pass.embed(chunk);
    chunk.forEach((t, j) => vectors.set(t, vs[j]!));
    if (showProgress) stderr.write(`\rrefining: embedded ${Math.min(i + CHUNK, texts.length).toLocaleString('en')} of ${texts.length.toLocaleString('en')} texts`);
  }
  if (showProgress) stderr.write('\r\x1b[K');
  // Lines answering the same text are one discussion: read together (stance/discussion.ts).
  return pass.refiner.classifyAll(inputs.map((input) => ({
    ctx: ctxFor(input), text: input.text, u: vectors.get(input.text)!, a: vectors.get(input.article)!,
    ...(input.parent === undefined ? {} : { parent: { text: input.parent } }),
    ...(withParent(input) ? { pu: vectors.get(input.parent!)! } : {}),
    ...(input.article.trim() === '' ? {} : { discussion: discussionKey(input) }),
  })));
}

export async function runClassify(stdin: Readable, stdout: Writable, stderr: Writable, opts: { fast?: boolean } = {}): Promise<number> {
  if ((stdin as { isTTY?: boolean }).isTTY) {
    stderr.write('comment-lens classify: reads JSON Lines on stdin, e.g.\n  echo \'{"id":1,"article":"...","text":"..."}\' | comment-lens classify\n');
    return 2;
  }
  let inputs: ClassifyInput[];
  try {
    const lines = (await readAll(stdin)).split(/\r?\n/);
    inputs = [];
    lines.forEach((line, i) => {
      if (line.trim() !== '') inputs.push(parseClassifyLine(line, i + 1));
    });
  } catch (err) {
    stderr.write(`comment-lens classify: ${(err as Error).message}\n`);
    return 1;
  }
  const engine = new StanceEngine();
  // Articles repeat across lines of one discussion: prepare each once.
  const contexts = new Map<string, ReturnType<StanceEngine['prepare']>>();
  const ctxFor = (input: ClassifyInput): ReturnType<StanceEngine['prepare']> => {
    const key = discussionKey(input);
    let ctx = contexts.get(key);
    if (!ctx) {
      if (contexts.size > 1000) contexts.clear();
      ctx = prepareFor(engine, input);
      contexts.set(key, ctx);
    }
    return ctx;
  };
  const isTTY = Boolean((stderr as { isTTY?: boolean }).isTTY);
  const showProgress = isTTY && inputs.length >= 5000;
  let labels: StanceLabel[] | undefined;
  if (!opts.fast) {
    try {
      // loaded only here: the encoder's TF.js is a chunk of its own in the compiled CLI
      const refined = await import('../stance/refined-node');
      if (refined.refinedAvailable()) labels = await refinedLabels(refined.loadRefined, engine, inputs, ctxFor, stderr, isTTY && inputs.length >= 200);
    } catch (err) {
      stderr.write(`comment-lens classify: the sentence encoder did not load (${(err as Error).message}); fast labels only\n`);
    }
  }
  const out: string[] = [];
  inputs.forEach((input, i) => {
    const label = labels?.[i] ?? engine.classify(ctxFor(input), input.text, input.parent === undefined ? undefined : { text: input.parent });
    out.push(JSON.stringify({ id: input.id, label: label.label, confidence: label.confidence, cues: label.cues, ...(label.via ? { via: label.via } : {}), pass: label.pass ?? 'fast' }));
    if (showProgress && !labels && i % 5000 === 0) stderr.write(`\rclassified ${i.toLocaleString('en')} of ${inputs.length.toLocaleString('en')}`);
  });
  if (showProgress && !labels) stderr.write('\r\x1b[K');
  if (out.length) stdout.write(out.join('\n') + '\n');
  return 0;
}
