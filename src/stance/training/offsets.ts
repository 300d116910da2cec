// Per-class logit offsets (decision thresholds) chosen on out-of-fold predictions to maximise
// macro-F1: class weighting alone leaves the rare classes over- or under-predicted.
import { softmax } from '../model';
import { report } from './metrics';

export interface Scored {
  z: Float64Array; // logits
  y: number; // gold class index
}

function argmaxWith(z: Float64Array, off: number[]): number {
  let best = 0;
  for (let c = 1; c < z.length; c++) if (z[c]! + off[c]! > z[best]! + off[best]!) best = c;
  return best;
}

export function macroF1With(classes: string[], xs: Scored[], off: number[]): number {
  return report(classes, xs.map((x) => classes[x.y]!), xs.map((x) => classes[argmaxWith(x.z, off)]!)).macroF1;
}

/**
 * Coordinate ascent over a fixed grid; `free` lists the classes whose offset may move (the
 * reference class stays at 0). Ties keep the offset nearest 0, so noise does not move it.
 */
export function fitOffsets(classes: string[], xs: Scored[], free: number[], range = 2, step = 0.1, rounds = 3): number[] {
  const off = new Array<number>(classes.length).fill(0);
  let best = macroF1With(classes, xs, off);
  for (let r = 0; r < rounds; r++) {
    for (const c of free) {
      let bestV = off[c]!;
      for (let v = -range; v <= range + 1e-9; v += step) {
        const cand = Math.round(v * 100) / 100;
        off[c] = cand;
        const f = macroF1With(classes, xs, off);
        if (f > best + 1e-9 || (Math.abs(f - best) <= 1e-9 && Math.abs(cand) < Math.abs(bestV))) {
          best = f;
          bestV = cand;
        }
      }
      off[c] = bestV;
    }
  }
  return off;
}

/** Temperature minimising the negative log-likelihood of offset logits. */
export function temperatureWith(xs: Scored[], off: number[]): number {
  let best = 1;
  let bestNll = Infinity;
  for (let t = 0.5; t <= 4.001; t += 0.05) {
    let nll = 0;
    for (const x of xs) nll -= Math.log(Math.max(softmax(x.z.map((v, c) => v + off[c]!), t)[x.y]!, 1e-12));
    if (nll < bestNll) { bestNll = nll; best = Math.round(t * 100) / 100; }
  }
  return best;
}
