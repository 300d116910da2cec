import type { CueRule } from './types';

// Explicit agreement with the comment being replied to (or with the article for a top-level comment).
export const agreement: CueRule = {
  id: 'agree-marker',
  reason: 'agrees with what it replies to',
  example: 'Exactly, well said.',
  prior: { support: 0.6, agree: 1.5 },
  phrases: [
    'agree', 'agreed', 'i agree', 'totally agree', 'completely agree', 'exactly', 'well said',
    'so true', 'very true', 'true that', 'this is true', 'you are right', "you're right", 'youre right',
    'you are correct', 'correct', 'spot on', 'good point', 'great point', 'fair point', 'indeed',
    'absolutely', 'precisely', 'yes', 'yep', 'yeah', 'same here', 'me too', '+1', 'amen',
    'couldn\'t agree more', 'could not agree more', 'right on', 'well put', 'nailed it', 'thank you',
    'thanks for', 'that\'s right', 'thats right', 'true',
  ],
};
