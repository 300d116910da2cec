// SentencePiece ids for the encoder, with the Tokenizer of @tensorflow-models/universal-sentence-encoder
// (never its load(): that fetches from the web; the vocabulary comes from the shipped files).
// Long comments are cut: the first MAX_TOKENS pieces carry the position (stance is usually stated
// early), and the Viterbi pass of the tokenizer costs quadratic time in the characters it reads.
import { Tokenizer } from '@tensorflow-models/universal-sentence-encoder';

export type Vocabulary = [string, number][];
export const MAX_TOKENS = 128;
/** Characters read before tokenizing: generous for MAX_TOKENS pieces (about 4 characters each). */
const MAX_CHARS = MAX_TOKENS * 8;

export class Pieces {
  private readonly tok: Tokenizer;
  constructor(vocabulary: Vocabulary, readonly maxTokens = MAX_TOKENS) {
    if (!Array.isArray(vocabulary) || vocabulary.length < 1000) throw new Error('encoder: the vocabulary is missing or too small');
    this.tok = new Tokenizer(vocabulary);
  }

  encode(text: string): number[] {
    const ids = this.tok.encode(text.slice(0, this.maxTokens * 8 > MAX_CHARS ? this.maxTokens * 8 : MAX_CHARS).trim());
    return ids.length > this.maxTokens ? ids.slice(0, this.maxTokens) : ids;
  }
}
