// npm run eval — scores the shipped model on data it was not trained on, next to two baselines
// (majority class; VADER sentiment alone), and measures stance throughput once.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StanceEngine } from '../src/stance/index';
import { isHeldOut, parseMaskMandate, parseRumourEval, parseVast } from '../src/stance/training/corpus';
import { calibrationError, formatReport, report } from '../src/stance/training/metrics';
import { labelRows } from '../src/stance/training/threads';
import { tokenize } from '../src/stance/tokenize';
import { sentiment } from '../src/stance/vader';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.COMMENT_LENS_CORPUS ?? path.resolve(repoRoot, '../shared/corpus');
const stanceDir = path.join(corpus, 'stance');
const STANCES = ['support', 'oppose', 'neutral', 'question'];
const AGREEMENTS = ['agree', 'disagree', 'neutral'];

if (!existsSync(stanceDir)) {
  console.log(`Stance corpus is absent (looked in ${stanceDir}); nothing to evaluate. Set COMMENT_LENS_CORPUS.`);
  process.exit(0);
}
const read = (p: string): string => readFileSync(path.join(stanceDir, p), 'utf8');
const engine = new StanceEngine();

/** VADER compound alone: >= 0.05 positive, <= -0.05 negative (VADER's own thresholds). */
function vaderLabel(text: string, pos: string, neg: string, other: string): string {
  const c = sentiment(tokenize(text), true).compound;
  return c >= 0.05 ? pos : c <= -0.05 ? neg : other;
}
function majority(gold: string[]): string {
  const n = new Map<string, number>();
  for (const g of gold) n.set(g, (n.get(g) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}
function block(title: string, classes: string[], gold: string[], pred: string[], vader: string[], conf?: number[]): void {
  console.log(formatReport(`${title} — Comment Lens`, report(classes, gold, pred)));
  if (conf) {
    const right = conf.filter((_, i) => pred[i] === gold[i]);
    const wrong = conf.filter((_, i) => pred[i] !== gold[i]);
    const mean = (xs: number[]): string => (xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length)).toFixed(3);
    const ece = calibrationError(conf, pred.map((p, i) => p === gold[i]));
    console.log(`  mean confidence: right ${mean(right)}, wrong ${mean(wrong)}; expected calibration error ${ece.toFixed(3)}`);
  }
  const m = majority(gold);
  console.log(formatReport(`${title} — baseline: majority class (${m})`, report(classes, gold, gold.map(() => m))));
  console.log(formatReport(`${title} — baseline: VADER sentiment alone`, report(classes, gold, vader)));
  console.log('');
}

// RumourEval 2019 dev: replies only, source post = the article, parent labels from the engine.
const dev = parseRumourEval(read('rumoureval2019/rumoureval2019_subtaskA_dev.jsonl'));
const devLabels = labelRows(engine, dev);
block('RumourEval 2019 dev (replies)', STANCES, dev.map((r) => r.label), devLabels.map((l) => l.label),
  dev.map((r) => vaderLabel(r.text, 'support', 'oppose', 'neutral')), devLabels.map((l) => l.confidence));
const viaCount = devLabels.filter((l) => l.via).length;
console.log(`  reply-derived labels (via parent): ${viaCount} of ${dev.length}\n`);

// SubReddit-MaskMandate held-out 20% fold: the agreement-with-parent component.
const masks = parseMaskMandate(read('subreddit-agreement/SubReddit-MaskMandate.csv')).filter((r) => isHeldOut(r.response));
const agr = masks.map((r) => engine.agreement(r.response, r.quote));
block('SubReddit-MaskMandate held-out fold (reply agreement)', AGREEMENTS, masks.map((r) => r.label), agr.map((a) => a.label),
  masks.map((r) => vaderLabel(r.response, 'agree', 'disagree', 'neutral')), agr.map((a) => a.confidence));

// VAST held-out 20% fold: stance toward the Target topic (no question class in VAST).
const vast = parseVast(read('vast/vast_dev.csv')).filter((r) => isHeldOut(r.text));
const vastPred = vast.map((r) => engine.classify(engine.prepare(r.topic), r.text));
block('VAST dev held-out fold (topic stance)', STANCES, vast.map((r) => r.label), vastPred.map((l) => l.label),
  vast.map((r) => vaderLabel(r.text, 'support', 'oppose', 'neutral')), vastPred.map((l) => l.confidence));

// Throughput: classify every dev reply with its parent, several rounds, after a warm-up.
const ctxs = new Map(dev.map((r) => [r.thread, engine.prepare(r.sourceText)]));
const run = (): number => {
  let n = 0;
  for (const r of dev) {
    engine.classify(ctxs.get(r.thread)!, r.text, r.parentIsSource ? undefined : { id: r.parentId ?? undefined, text: r.parentText, label: devLabels[0] });
    n++;
  }
  return n;
};
// The same replies under a news article (the product's case): the news opinion layer runs too.
const newsCtx = engine.prepare({ title: 'U.S. and Japan agree to co-produce missiles', paragraphs: ['The United States and Japan agreed on Sunday to co-produce air-defence missiles.'] });
const runNews = (): number => {
  for (const r of dev) engine.classify(newsCtx, r.text);
  return dev.length;
};
run();
runNews();
const load = os.loadavg()[0]!;
const t0 = performance.now();
const c0 = process.cpuUsage();
let n = 0;
while (performance.now() - t0 < 2000) n += run();
const secs = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const cpuSecs = (cpu.user + cpu.system) / 1e6;
// Wall-clock rate depends on what else runs on the machine; the CPU-time rate much less so.
const rate = (x: number): string => Math.round(x).toLocaleString('en-US');
console.log(`Stance throughput (Node ${process.version}): ${rate(n / secs)} comments/s wall-clock, ${rate(n / cpuSecs)} comments per CPU-second ` +
  `(${n} classifications of RumourEval dev replies with parents, ${secs.toFixed(1)} s; load average before: ${load.toFixed(2)})`);
const c1 = process.cpuUsage();
let m = 0;
const t1 = performance.now();
while (performance.now() - t1 < 2000) m += runNews();
const cpu1 = process.cpuUsage(c1);
console.log(`Stance throughput under a news article (opinion layer on): ${rate(m / ((performance.now() - t1) / 1000))} comments/s wall-clock, ` +
  `${rate(m / ((cpu1.user + cpu1.system) / 1e6))} comments per CPU-second (${m} classifications, no parents)`);
