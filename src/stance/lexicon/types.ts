// A cue rule is data: a stable id (shown in the panel), a reason a reader understands,
// and the phrases that trigger it. Phrases are matched on whole tokens, lower case.
export interface CueRule {
  id: string;
  reason: string;
  /** one sentence the rule is meant to catch; kept next to the data, compromise-style */
  example: string;
  phrases: string[];
  /** only count the phrase when it opens a sentence (imperatives, question openers) */
  sentenceStart?: boolean;
  /** prior weight per class (stance or agreement class name); training pulls weights toward it */
  prior?: Record<string, number>;
}
