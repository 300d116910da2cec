// The labelling port's messages: what each side accepts, and the size bounds.
import { describe, expect, test } from 'vitest';
import {
  crossesIntact, isLabelReply, isLabelRequest, isStanceLabel, MAX_BATCH_COMMENTS, MAX_ID, MAX_JOB_COMMENTS, MAX_TEXT,
} from '../../../src/shared/label-messages';

const label = { label: 'support', confidence: 0.7, cues: [{ rule: 'endorse', text: 'great', reason: 'praises it', weight: 0.4 }] };
const article = { title: 'T', paragraphs: ['One.', 'Two.'] };
const wc = (over: Record<string, unknown> = {}) => ({ id: 'c1', text: 'Good plan.', ...over });

describe('isStanceLabel', () => {
  test.each([
    ['a label', label, true],
    ['with via', { ...label, via: 'c1' }, true],
    ['no cues', { ...label, cues: [] }, true],
    ['unknown stance', { ...label, label: 'love' }, false],
    ['confidence above 1', { ...label, confidence: 1.5 }, false],
    ['confidence NaN', { ...label, confidence: NaN }, false],
    ['cues not an array', { ...label, cues: {} }, false],
    ['cue without reason', { ...label, cues: [{ rule: 'r', weight: 0 }] }, false],
    ['cue weight a string', { ...label, cues: [{ rule: 'r', reason: 'x', weight: '1' }] }, false],
    ['too many cues', { ...label, cues: Array.from({ length: 201 }, () => label.cues[0]) }, false],
    ['via not a string', { ...label, via: 3 }, false],
    ['null', null, false],
    ['an array', [label], false],
  ])('%s', (_name, value, ok) => expect(isStanceLabel(value)).toBe(ok));
});

describe('isLabelRequest', () => {
  test.each([
    ['warm', { type: 'lens:warm' }, true],
    ['job', { type: 'lens:job', job: 1, total: 3, article }, true],
    ['job with an article of numbers', { type: 'lens:job', job: 1, total: 3, article: { paragraphs: [1] } }, false],
    ['job too big', { type: 'lens:job', job: 1, total: MAX_JOB_COMMENTS + 1, article }, false],
    ['job with a negative total', { type: 'lens:job', job: 1, total: -1, article }, false],
    ['job id a string', { type: 'lens:job', job: '1', total: 3, article }, false],
    ['comments', { type: 'lens:comments', job: 1, from: 0, comments: [wc(), wc({ id: 'c2', parentId: 'c1' })] }, true],
    ['a kept comment with its label', { type: 'lens:comments', job: 1, from: 0, comments: [wc({ kept: label })] }, true],
    ['a kept comment without', { type: 'lens:comments', job: 1, from: 0, comments: [wc({ text: '', kept: null })] }, true],
    ['a kept comment with a bad label', { type: 'lens:comments', job: 1, from: 0, comments: [wc({ kept: { label: 'x' } })] }, false],
    ['a placeholder', { type: 'lens:comments', job: 1, from: 0, comments: [wc({ placeholder: 'deleted' })] }, true],
    ['an unknown placeholder', { type: 'lens:comments', job: 1, from: 0, comments: [wc({ placeholder: 'gone' })] }, false],
    ['no comments', { type: 'lens:comments', job: 1, from: 0, comments: [] }, false],
    ['too many comments', { type: 'lens:comments', job: 1, from: 0, comments: Array.from({ length: MAX_BATCH_COMMENTS + 1 }, () => wc()) }, false],
    ['text too long', { type: 'lens:comments', job: 1, from: 0, comments: [wc({ text: 'x'.repeat(MAX_TEXT + 1) })] }, false],
    ['id too long', { type: 'lens:comments', job: 1, from: 0, comments: [wc({ id: 'x'.repeat(MAX_ID + 1) })] }, false],
    ['batch too long in all', { type: 'lens:comments', job: 1, from: 0, comments: Array.from({ length: 11 }, () => wc({ text: 'x'.repeat(MAX_TEXT) })) }, false],
    ['text a number', { type: 'lens:comments', job: 1, from: 0, comments: [wc({ text: 5 })] }, false],
    ['from fractional', { type: 'lens:comments', job: 1, from: 0.5, comments: [wc()] }, false],
    ['another type', { type: 'lens:count', total: 1 }, false],
    ['a string', 'lens:warm', false],
  ])('%s', (_name, value, ok) => expect(isLabelRequest(value)).toBe(ok));
});

describe('isLabelReply (the envelope; the packed labels are checked by LabelUnpacker)', () => {
  const packed = { type: 'lens:labels', job: 2, from: 0, count: 2, pairs: ['r', 'why'], texts: [], data: [8, 0.5, 0, 0.1, null] };
  test.each([
    ['ready', { type: 'lens:ready' }, true],
    ['labels', packed, true],
    ['an error', { type: 'lens:label-error', job: 2 }, true],
    ['an error without job', { type: 'lens:label-error' }, false],
    ['no labels', { ...packed, count: 0, data: [] }, false],
    ['too many labels', { ...packed, count: MAX_BATCH_COMMENTS + 1 }, false],
    ['a count that is not a number', { ...packed, count: '2' }, false],
    ['from negative', { ...packed, from: -1 }, false],
    ['pairs not an array', { ...packed, pairs: 'r' }, false],
    ['texts missing', { ...packed, texts: undefined }, false],
    ['data not an array', { ...packed, data: {} }, false],
    ['more data than the count can hold', { ...packed, count: 1, data: Array(1000).fill(0) }, false],
    ['the old unpacked form', { type: 'lens:labels', job: 2, from: 0, labels: [label] }, false],
    ['a request', { type: 'lens:warm' }, false],
  ])('%s', (_name, value, ok) => expect(isLabelReply(value)).toBe(ok));
});

test.each([
  ['plain', 'Great plan', true],
  ['a pair', 'ok \uD83D\uDC4D', true],
  ['a lone high surrogate', 'bad \uD800 x', false],
  ['a lone low surrogate at the start', '\uDC00x', false],
  ['a high surrogate at the end', 'x\uD83D', false],
])('crossesIntact: %s', (_name, s, ok) => expect(crossesIntact(s)).toBe(ok));
