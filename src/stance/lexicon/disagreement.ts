import type { CueRule } from './types';

// Pushing back at a person or their argument (not at the claim's facts: see denial.ts).
export const disagreement: CueRule = {
  id: 'disagree-marker',
  reason: 'pushes back against what it replies to',
  example: "No, you're wrong about that.",
  prior: { oppose: 0.6, disagree: 1.5 },
  phrases: [
    'disagree', 'i disagree', 'not really', 'no', 'nope', 'wrong', "you're wrong", 'you are wrong',
    'youre wrong', 'nonsense', 'rubbish', 'garbage', 'ridiculous', 'absurd', 'bs', 'bullshit',
    'get real', 'give me a break', 'come on', 'not at all', 'not so', 'that\'s not', 'thats not',
    'that is not', 'you don\'t', 'you do not', 'you have no idea', 'clueless', 'ignorant', 'stupid',
    'idiot', 'actually', 'not true', 'how dare', 'shut up', 'wtf', 'lol no', 'learn to',
    'straw man', 'strawman', 'what are you talking about', 'so what', 'irrelevant',
  ],
};
