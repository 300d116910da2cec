// Classification report: macro-F1, per-class precision/recall, confusion matrix (as text).
export interface Report {
  classes: string[];
  confusion: number[][]; // [gold][pred]
  precision: number[];
  recall: number[];
  f1: number[];
  macroF1: number;
  accuracy: number;
  n: number;
}

/** Mean F1 over the classes that occur in the gold labels (VAST has no questions). */
function macro(f1: number[], confusion: number[][]): number {
  const present = f1.filter((_, c) => confusion[c]!.some((v) => v > 0));
  return present.length ? present.reduce((s, v) => s + v, 0) / present.length : 0;
}

export function report(classes: string[], gold: string[], pred: string[]): Report {
  const k = classes.length;
  const confusion = classes.map(() => new Array<number>(k).fill(0));
  gold.forEach((g, i) => {
    const a = classes.indexOf(g);
    const b = classes.indexOf(pred[i]!);
    if (a >= 0 && b >= 0) confusion[a]![b]!++;
  });
  const precision: number[] = [];
  const recall: number[] = [];
  const f1: number[] = [];
  let correct = 0;
  for (let c = 0; c < k; c++) {
    const tp = confusion[c]![c]!;
    correct += tp;
    const predicted = confusion.reduce((s, row) => s + row[c]!, 0);
    const actual = confusion[c]!.reduce((s, v) => s + v, 0);
    const p = predicted ? tp / predicted : 0;
    const r = actual ? tp / actual : 0;
    precision.push(p);
    recall.push(r);
    f1.push(p + r ? (2 * p * r) / (p + r) : 0);
  }
  const n = gold.length;
  return { classes, confusion, precision, recall, f1, macroF1: macro(f1, confusion), accuracy: n ? correct / n : 0, n };
}

const f3 = (x: number): string => x.toFixed(3);

export function formatReport(title: string, r: Report): string {
  const w = Math.max(9, ...r.classes.map((c) => c.length + 1));
  const pad = (s: string): string => s.padStart(w);
  const lines = [`${title}  n=${r.n}  macro-F1 ${f3(r.macroF1)}  accuracy ${f3(r.accuracy)}`];
  lines.push(`  ${'class'.padEnd(w)}${pad('precision')}${pad('recall')}${pad('F1')}${pad('support')}`);
  r.classes.forEach((c, i) => {
    lines.push(`  ${c.padEnd(w)}${pad(f3(r.precision[i]!))}${pad(f3(r.recall[i]!))}${pad(f3(r.f1[i]!))}${pad(String(r.confusion[i]!.reduce((s, v) => s + v, 0)))}`);
  });
  lines.push(`  confusion (rows gold, columns predicted):`);
  lines.push(`  ${''.padEnd(w)}${r.classes.map(pad).join('')}`);
  r.classes.forEach((c, i) => lines.push(`  ${c.padEnd(w)}${r.confusion[i]!.map((v) => pad(String(v))).join('')}`));
  return lines.join('\n');
}

/** Expected calibration error over equal-width confidence bins: 0 = confidence matches accuracy. */
export function calibrationError(confidence: number[], correct: boolean[], bins = 10): number {
  const sumC = new Array<number>(bins).fill(0);
  const sumA = new Array<number>(bins).fill(0);
  const n = new Array<number>(bins).fill(0);
  confidence.forEach((c, i) => {
    const b = Math.min(bins - 1, Math.floor(c * bins));
    sumC[b]! += c;
    sumA[b]! += correct[i] ? 1 : 0;
    n[b]!++;
  });
  let ece = 0;
  for (let b = 0; b < bins; b++) if (n[b]) ece += Math.abs(sumC[b]! - sumA[b]!) / confidence.length;
  return ece;
}
