import type { CueRule } from './types';

// Asking for information: who/what/when, yes-no questions, requests for a source.
export const infoQuestion: CueRule = {
  id: 'info-question',
  prior: { question: 1.0 },
  reason: 'asks for information',
  example: 'Does anyone know when the talks start?',
  phrases: [
    'what', 'when', 'where', 'who', 'which', 'how many', 'how much', 'how long', 'is it', 'is this',
    'is that', 'are they', 'are there', 'does', 'do they', 'do we', 'did', 'can someone', 'can anyone',
    'anyone know', 'does anyone', 'any idea', 'any news', 'any word', 'any update', 'source',
    'source?', 'sources', 'link', 'confirmed?', 'is this true', 'is it true', 'really?', 'what happened',
    'any info', 'more info', 'who is', 'what is', 'will they', 'has anyone', 'have they',
  ],
  sentenceStart: true,
};

// Questions that carry a position instead of asking: DESIGN.md counts them as support/oppose.
export const rhetoricalQuestion: CueRule = {
  id: 'rhetorical-question',
  prior: { oppose: 0.6, question: -0.3 },
  reason: 'rhetorical question that carries a position',
  example: 'Why would anyone think this is a good idea?',
  phrases: [
    'why would', 'why should', 'why do we', 'why does', 'why is', 'why are', 'why not', 'how can',
    'how could', 'how is', 'how are', 'who cares', 'who needs', 'what could possibly', 'isn\'t it',
    'isn\'t this', 'aren\'t they', 'don\'t you think', 'doesn\'t it', 'wouldn\'t it', 'shouldn\'t',
    'are you kidding', 'are you serious', 'seriously', 'really', 'what about', 'what\'s next',
    'since when', 'who in their right mind', 'what did you expect', 'is anyone surprised',
    'in other words', 'so what',
  ],
  sentenceStart: true,
};
