// The named (dense) features: each is a cue a reader can understand, with the reason shown
// in the panel when it pushes toward the chosen label. Order = position in the weight vector.
import { CUE_RULES } from './lexicon/index';

export interface DenseFeature {
  id: string;
  reason: string;
  /** prior weight per class name; training pulls the learned weight toward it (see logreg.ts) */
  prior?: Record<string, number>;
  /** never shown as a cue: it describes the setting, not the comment */
  hidden?: boolean;
}

const BASE: DenseFeature[] = [
  { id: 'positive-sentiment', reason: 'positive wording', prior: { support: 0.8, agree: 0.3 } },
  { id: 'negative-sentiment', reason: 'negative wording', prior: { oppose: 0.8, disagree: 0.3 } },
  { id: 'sentiment-balance', reason: 'overall tone of the comment' },
  { id: 'negated-positive', reason: 'negated positive outcome ("won\'t work")', prior: { oppose: 1.0, support: -0.5 } },
  { id: 'negated-negative', reason: 'negated negative ("not bad")', prior: { support: 0.5 } },
  { id: 'question-mark', reason: 'asks a question' },
  { id: 'ends-with-question', reason: 'ends with a question', prior: { question: 0.8 } },
  { id: 'exclamation', reason: 'exclamation, strong feeling' },
  { id: 'link', reason: 'shares a link' },
  { id: 'addresses-someone', reason: 'addressed to another user' },
  { id: 'length', reason: 'length of the comment' },
  { id: 'very-short', reason: 'very short comment' },
  { id: 'article-terms', reason: 'talks about the article\'s subject' },
  { id: 'article-actors', reason: 'names the article\'s actors' },
  { id: 'parent-overlap', reason: 'picks up the words of the comment it replies to' },
  { id: 'shouting', reason: 'ALL-CAPS emphasis' },
  { id: 'quotes', reason: 'quotes or scare quotes' },
  { id: 'is-reply', reason: 'a reply to another comment' },
  { id: 'negation', reason: 'negation' },
  { id: 'second-person', reason: 'speaks to the other commenter ("you")' },
  { id: 'negative-question', reason: 'negative question, likely rhetorical', prior: { oppose: 0.6, question: -0.4 } },
  { id: 'ironic-praise', reason: 'praise next to a sarcasm marker', prior: { oppose: 1.0, support: -1.0 } },
  { id: 'polarity-match', reason: 'same tone as the comment it replies to', prior: { agree: 0.8, disagree: -0.8 } },
  { id: 'restates-article', reason: 'repeats the article\'s claim without doubting it', prior: { support: 0.5 } },
  { id: 'question-at-you', reason: 'question aimed at someone ("you"), likely a challenge', prior: { oppose: 0.4 } },
  { id: 'loaded-question', reason: 'question with charged wording, likely rhetorical', prior: { oppose: 0.4 } },
  { id: 'parent-asks', reason: 'answers a question' },
  // The setting: a social-media post as the "article" (RumourEval) or a news article / topic
  // (the product, VAST). Lets the model keep the two kinds of threads' base rates apart.
  { id: 'context-post', reason: 'the article is a short social-media post', hidden: true },
  { id: 'context-news', reason: 'the article is a news story or topic', hidden: true },
];

export const RULE_OFFSET = BASE.length;
export const DENSE: readonly DenseFeature[] = [
  ...BASE,
  ...CUE_RULES.map((r) => ({ id: r.id, reason: r.reason, prior: r.prior })),
];
export const DENSE_INDEX: Readonly<Record<string, number>> = Object.fromEntries(DENSE.map((f, i) => [f.id, i]));

export function denseIndex(id: string): number {
  const i = DENSE_INDEX[id];
  if (i === undefined) throw new Error(`unknown dense feature ${id}`);
  return i;
}
