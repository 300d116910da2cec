// npm run train — fits the stance and agreement models and writes src/stance/data/model.json.
// Reproducible: fixed seed, fixed folds, fixed order. Held-out folds (RumourEval dev, the 20%
// folds of the other sets) are never read here except to be excluded.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildContext } from '../src/stance/context';
import { Engine } from '../src/stance/engine';
import { extract } from '../src/stance/features';
import type { StanceModel } from '../src/stance/model';
import { foldOf, isHeldOut, parseMaskMandate, parseRumourEval, parseVast, type ReplyRow } from '../src/stance/training/corpus';
import { classWeights, fitTemperature, serialise, train, type Example } from '../src/stance/training/logreg';
import { report } from '../src/stance/training/metrics';
import { labelRows } from '../src/stance/training/threads';
import { logits } from '../src/stance/model';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.COMMENT_LENS_CORPUS ?? path.resolve(repoRoot, '../shared/corpus');
const OUT = path.join(repoRoot, 'src/stance/data/model.json');
const SEED = 20190101;
const HASH_BITS = 14;
const STANCES = ['support', 'oppose', 'neutral', 'question'];
const AGREEMENTS = ['agree', 'disagree', 'neutral'];
const CLASS_POWER = Number(process.env.STANCE_CLASS_POWER ?? 0.9);
const VAST_WEIGHT = Number(process.env.STANCE_VAST_WEIGHT ?? 1); // 0 = VAST not used for training
const OPTS = { hashBits: HASH_BITS, epochs: Number(process.env.STANCE_EPOCHS ?? 3), rate: Number(process.env.STANCE_RATE ?? 0.03), l2: Number(process.env.STANCE_L2 ?? 1e-5), priorStrength: Number(process.env.STANCE_PRIOR ?? 1e-3), seed: SEED };

const stanceDir = path.join(corpus, 'stance');
if (!existsSync(stanceDir)) {
  console.log(`Stance corpus is absent (looked in ${stanceDir}); cannot train. Set COMMENT_LENS_CORPUS.`);
  process.exit(1);
}
const read = (p: string): string => readFileSync(path.join(stanceDir, p), 'utf8');

// ---- data: RumourEval train (split by thread into fit / calibration), other sets' train folds
const rumour = parseRumourEval(read('rumoureval2019/rumoureval2019_subtaskA_train.jsonl'));
const isCalib = (r: ReplyRow): boolean => foldOf(`calib:${r.thread}`, 10) === 0;
const fitRows = rumour.filter((r) => !isCalib(r));
const calibRows = rumour.filter(isCalib);
const masks = parseMaskMandate(read('subreddit-agreement/SubReddit-MaskMandate.csv')).filter((r) => !isHeldOut(r.response));
const vast = parseVast(read('vast/vast_dev.csv')).filter((r) => !isHeldOut(r.text));
const maskCalib = (text: string): boolean => foldOf(`calib:${text}`, 10) === 0;

const stanceExample = (r: ReplyRow): Example['f'] =>
  extract(r.text, buildContext(r.sourceText), r.parentIsSource ? undefined : r.parentText, HASH_BITS);

function weighted(xs: { f: Example['f']; y: number; w: number }[], k: number): Example[] {
  const cw = classWeights(xs.map((x) => x.y), k, CLASS_POWER);
  return xs.map((x) => ({ f: x.f, y: x.y, weight: cw[x.y]! * x.w }));
}

// ---- stance model
const stanceFit = weighted([
  ...fitRows.map((r) => ({ f: stanceExample(r), y: STANCES.indexOf(r.label), w: 1 })),
  ...(VAST_WEIGHT > 0 ? vast.map((r) => ({ f: extract(r.text, buildContext(r.topic), undefined, HASH_BITS), y: STANCES.indexOf(r.label), w: VAST_WEIGHT })) : []),
], STANCES.length);
const stance = train(stanceFit, { ...OPTS, classes: STANCES });
const calibF = calibRows.map(stanceExample);
stance.temperature = fitTemperature(calibF.map((f) => logits(stance, f as never)), calibRows.map((r) => STANCES.indexOf(r.label)));

// ---- agreement model: Reddit (quote, response) pairs + RumourEval direct replies to the source
const AGREE_OF: Record<string, string> = { support: 'agree', oppose: 'disagree', neutral: 'neutral' };
const pairRows = [
  ...masks.map((r) => ({ text: r.response, parent: r.quote, label: r.label, calib: maskCalib(r.response) })),
  ...rumour.filter((r) => r.parentIsSource && AGREE_OF[r.label]).map((r) => ({ text: r.text, parent: r.sourceText, label: AGREE_OF[r.label]!, calib: isCalib(r) })),
];
const pairF = pairRows.map((r) => extract(r.text, null, r.parent, HASH_BITS));
const agreeFit = weighted(pairRows.flatMap((r, i) => (r.calib ? [] : [{ f: pairF[i]!, y: AGREEMENTS.indexOf(r.label), w: 1 }])), AGREEMENTS.length);
const agreement = train(agreeFit, { ...OPTS, classes: AGREEMENTS, seed: SEED + 1 });
const agreeCalib = pairRows.flatMap((r, i) => (r.calib ? [i] : []));
agreement.temperature = fitTemperature(agreeCalib.map((i) => logits(agreement, pairF[i] as never)), agreeCalib.map((i) => AGREEMENTS.indexOf(pairRows[i]!.label)));

// ---- reply mixing strength, chosen on the calibration threads (parents labelled by the engine)
const model: StanceModel = {
  version: 1, stance: serialise(stance), agreement: serialise(agreement), reply: { alpha: 0 },
  meta: {
    trainedOn: 'RumourEval 2019 train (replies, 90% of threads) + SubReddit-MaskMandate 80% fold' + (VAST_WEIGHT > 0 ? ' + VAST dev 80% fold' : ''),
    seed: SEED, classPower: CLASS_POWER, epochs: OPTS.epochs, hashBits: HASH_BITS,
  },
};
// RumourEval gives reply inheritance little signal (replies to deniers are mostly "comment"), so
// the calibration F1 barely moves with alpha. DESIGN.md asks for reply-aware labels: take the
// largest alpha within ALPHA_SLACK of the best score, i.e. as reply-aware as the data allows.
const ALPHA_SLACK = 0.01;
const scores = [0, 0.25, 0.5, 0.75, 1].map((alpha) => {
  const engine = new Engine({ ...model, reply: { alpha } });
  const pred = labelRows(engine, calibRows).map((l) => l.label);
  const f1 = report(STANCES, calibRows.map((r) => r.label), pred).macroF1;
  console.log(`  alpha ${alpha.toFixed(2)}: calibration macro-F1 ${f1.toFixed(3)}`);
  return { alpha, f1 };
});
const top = Math.max(...scores.map((s) => s.f1));
const best = scores.filter((s) => s.f1 >= top - ALPHA_SLACK).at(-1)!;
model.reply.alpha = best.alpha;
model.meta.calibrationMacroF1 = Math.round(best.f1 * 1000) / 1000;

writeFileSync(OUT, JSON.stringify(model));
console.log(`stance: ${stanceFit.length} examples, T=${stance.temperature}; agreement: ${agreeFit.length} examples, T=${agreement.temperature}; alpha=${best.alpha}`);
console.log(`wrote ${path.relative(repoRoot, OUT)} (${(JSON.stringify(model).length / 1024).toFixed(0)} KB)`);
