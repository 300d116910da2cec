import type { CueRule } from './types';

// Softeners: the writer is unsure, so any stance it carries is weaker.
export const hedges: CueRule = {
  id: 'hedge',
  reason: 'hedged, the writer is unsure',
  example: 'Maybe, but I am not sure it will help.',
  prior: { neutral: 0.4 },
  phrases: [
    'maybe', 'perhaps', 'probably', 'possibly', 'might', 'may be', 'could be', 'i think', 'i guess',
    'i suppose', 'i believe', 'not sure', 'unsure', 'i wonder', 'apparently', 'allegedly',
    'reportedly', 'seems', 'seem', 'it seems', 'sort of', 'kind of', 'somewhat', 'likely',
    'unlikely', 'if true', 'if this is true', 'wait and see', 'remains to be seen', 'we\'ll see',
  ],
};
