// Words about a plan succeeding that VADER has no valence for ("this will work").
// Valence on VADER's -4..+4 scale; negated ("won't work") they flip like any sentiment word.
export const OUTCOME_VALENCE: ReadonlyMap<string, number> = new Map([
  ['work', 1.5], ['works', 1.5], ['working', 1.2], ['worked', 1.5], ['succeed', 1.8], ['succeeds', 1.8],
  ['deter', 1.2], ['deters', 1.2], ['deterrence', 0.8], ['protect', 1.5], ['protects', 1.5],
  ['fix', 1.2], ['fixes', 1.2], ['solve', 1.5], ['solves', 1.5], ['necessary', 1.2], ['needed', 1.2],
  ['effective', 1.8], ['sensible', 1.5], ['overdue', 1.0], ['stronger', 1.2], ['wise', 1.8],
  ['smart', 1.7], ['right', 0.8], ['agree', 1.5], ['true', 1.0], ['correct', 1.2], ['logical', 1.2],
]);
