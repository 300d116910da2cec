import type { CueRule } from './types';

// Markers of irony: praise words after these usually mean the opposite.
export const sarcasm: CueRule = {
  id: 'sarcasm',
  reason: 'sarcasm marker, praise may be ironic',
  example: 'Oh great, another brilliant plan. What could possibly go wrong?',
  prior: { oppose: 0.5 },
  phrases: [
    'yeah right', 'oh great', 'oh sure', 'sure sure', '/s', 'what a surprise', 'what a shock',
    'shocker', 'who would have thought', 'who would\'ve thought', 'what could possibly go wrong',
    'brilliant idea', 'genius', 'how convenient', 'oh wow', 'nice try', 'good luck with that',
    'lol', 'lmao', 'rofl', 'haha', 'hahaha', 'smh', 'sure thing', 'as if', 'thanks obama',
  ],
};
