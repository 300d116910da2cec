// Words that open a negation scope: sentiment after them flips (VADER's N_SCALAR idea).
// Tokens ending in "n't" are negators too (handled in code).
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'cannot', 'cant', 'dont', 'wont', 'isnt', 'arent', 'wasnt', 'werent',
  'doesnt', 'didnt', 'shouldnt', 'wouldnt', 'couldnt', 'hasnt', 'havent', 'hadnt', 'aint',
  'nothing', 'nobody', 'none', 'neither', 'nor', 'nowhere', 'without', 'hardly', 'barely',
]);

// Words that end a negation scope early (besides punctuation).
export const SCOPE_BREAKERS: ReadonlySet<string> = new Set(['but', 'however', 'although', 'though', 'yet']);

// Intensifiers raise the next word's valence (VADER's B_INCR, simplified).
export const BOOSTERS: ReadonlySet<string> = new Set([
  'very', 'really', 'so', 'extremely', 'totally', 'completely', 'absolutely', 'incredibly',
  'utterly', 'highly', 'truly', 'hugely', 'most', 'too', 'super', 'deeply', 'entirely',
]);
