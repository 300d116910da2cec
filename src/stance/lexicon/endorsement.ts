import type { CueRule } from './types';

// Backing the reported action or claim: it is true, good, needed.
export const endorsement: CueRule = {
  id: 'endorsement',
  reason: 'backs the reported action or claim',
  example: 'Good move, long overdue.',
  prior: { support: 1.2, agree: 0.3 },
  phrases: [
    'good move', 'great move', 'smart move', 'good idea', 'great idea', 'good news', 'great news',
    'long overdue', 'about time', 'well done', 'good job', 'great job', 'good for', 'proud of',
    'makes sense', 'make sense', 'the right thing', 'right decision', 'the right move', 'need this',
    'need more', 'we need', 'should be', 'must be', 'support', 'supports', 'i support', 'welcome',
    'confirmed', 'confirms', 'official', 'officially', 'breaking', 'update', 'reports', 'reported',
    'according to', 'it is true', 'it\'s true', 'win-win', 'win win', 'bravo', 'kudos', 'finally',
  ],
};
