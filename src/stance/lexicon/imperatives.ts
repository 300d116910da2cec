import type { CueRule } from './types';

// Commands against the action ("Don't do it Japan!"): warning or rejecting it.
export const imperativeAgainst: CueRule = {
  id: 'imperative-against',
  prior: { oppose: 1.2 },
  reason: 'urges not to go ahead',
  example: "Don't do it Japan!",
  phrases: [
    "don't", 'do not', 'dont', 'stop', 'never', 'please don\'t', 'no more', 'enough', 'shame on',
    'wake up', 'boycott', 'resist', 'say no', 'stay out', 'stay away', 'beware', 'cancel', 'scrap',
    'reject', 'forget it', 'leave', 'back off', 'hands off',
  ],
  sentenceStart: true,
};

// Commands for it: urging the action on.
export const callToAction: CueRule = {
  id: 'call-to-action',
  prior: { support: 1.0 },
  reason: 'urges the action on',
  example: "Let's get it done, sign it now.",
  phrases: [
    "let's", 'lets', 'let us', 'do it', 'go for it', 'keep it up', 'keep going', 'go ahead',
    'sign it', 'build', 'make it happen', 'get it done', 'more of this', 'bring it on',
  ],
  sentenceStart: true,
};
