import type { CueRule } from './types';

// Saying the reported claim is false or not to be believed.
export const denial: CueRule = {
  id: 'denial',
  reason: 'says the claim is false or unproven',
  example: 'This is fake news, it never happened.',
  prior: { oppose: 1.2, disagree: 0.5 },
  phrases: [
    'fake', 'fake news', 'hoax', 'false', 'not true', 'untrue', 'lie', 'lies', 'lying', 'liar',
    'debunked', 'made up', 'misleading', 'misinformation', 'disinformation', 'propaganda',
    'never happened', 'not confirmed', 'unconfirmed', 'no evidence', 'no proof', 'rumor', 'rumour',
    'rumors', 'rumours', 'speculation', 'conspiracy', 'doubt', 'doubtful', 'not the case',
    'isn\'t true', 'is not true', 'wasn\'t', 'didn\'t happen', 'photoshopped', 'satire',
  ],
};
