// All phrase-cue rules in one ordered table; the feature order in the model follows this list.
import { agreement } from './agreement';
import { disagreement } from './disagreement';
import { denial } from './denial';
import { endorsement } from './endorsement';
import { hedges } from './hedges';
import { sarcasm } from './sarcasm';
import { infoQuestion, rhetoricalQuestion } from './questions';
import { imperativeAgainst, callToAction } from './imperatives';
import type { CueRule } from './types';

export const CUE_RULES: readonly CueRule[] = [
  agreement, disagreement, denial, endorsement, hedges, sarcasm,
  infoQuestion, rhetoricalQuestion, imperativeAgainst, callToAction,
];
export type { CueRule };
export { NEGATORS, SCOPE_BREAKERS, BOOSTERS } from './negators';
export { STOPWORDS } from './stopwords';
