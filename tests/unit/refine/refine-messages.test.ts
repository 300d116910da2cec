// The refining port's guards: what crosses from a page to the worker and back is checked, with bounds.
import { describe, expect, test } from 'vitest';
import { isHostInbound, isHostOutbound, isRefineReply, isRefineRequest, MAX_REFINE_COMMENTS, MAX_REFINE_TEXT, MAX_REFINED_BATCH } from '../../../src/shared/refine-messages';

const article = { title: 'City approves bridge plan', paragraphs: ['The council approved a plan.'] };
const comments = [
  { text: 'Great plan.', parent: -1, label: [0, 0.7] },
  { text: 'I disagree.', parent: 0, label: [1, 0.6] },
  { text: 'Why now?', parent: 1, label: [3, 0.5] },
];
const good = { type: 'lens:refine', job: 1, article, comments, order: [2, 0, 1] };
const refined = { label: 'oppose', confidence: 0.7, cues: [{ rule: 'r', reason: 'x', weight: 1 }], pass: 'refined' };

describe('isRefineRequest', () => {
  test('takes a job and a cancel', () => {
    expect(isRefineRequest(good)).toBe(true);
    expect(isRefineRequest({ ...good, order: [] })).toBe(true);
    expect(isRefineRequest({ type: 'lens:refine-cancel', job: 1 })).toBe(true);
  });

  test.each([
    ['a parent past the end', { comments: [...comments.slice(0, 2), { ...comments[2], parent: 3 }] }],
    ['a parent below -1', { comments: [{ ...comments[0], parent: -2 }] }],
    ['a fractional parent', { comments: [{ ...comments[0], parent: 0.5 }] }],
    ['an order index past the end', { order: [0, 3] }],
    ['an order index twice', { order: [0, 0] }],
    ['a longer order than comments', { order: [0, 1, 2, 0] }],
    ['a stance index past the stances', { comments: [{ ...comments[0], label: [4, 0.5] }] }],
    ['a confidence above 1', { comments: [{ ...comments[0], label: [0, 1.5] }] }],
    ['a label as an object', { comments: [{ ...comments[0], label: { label: 'support', confidence: 1 } }] }],
    ['a text too long', { comments: [{ ...comments[0], text: 'x'.repeat(MAX_REFINE_TEXT + 1) }] }],
    ['no article', { article: 'a string' }],
    ['a negative job', { job: -1 }],
  ])('refuses %s', (_why, change) => {
    expect(isRefineRequest({ ...good, ...change })).toBe(false);
  });

  test('refuses more comments than the bound', () => {
    const many = Array.from({ length: MAX_REFINE_COMMENTS + 1 }, () => ({ text: '', parent: -1, label: [2, 0.5] }));
    expect(isRefineRequest({ ...good, comments: many, order: [] })).toBe(false);
    expect(isRefineRequest({ ...good, comments: many.slice(1), order: [] })).toBe(true);
  });
});

describe('isRefineReply', () => {
  test('takes batches, done and error', () => {
    expect(isRefineReply({ type: 'lens:refined', job: 2, done: 1, total: 3, items: [[2, refined]] })).toBe(true);
    expect(isRefineReply({ type: 'lens:refine-done', job: 2 })).toBe(true);
    expect(isRefineReply({ type: 'lens:refine-error', job: 2 })).toBe(true);
  });

  test.each([
    ['a label of the fast pass', { items: [[2, { ...refined, pass: undefined }]] }],
    ['a label that is not a stance', { items: [[2, { ...refined, label: 'maybe' }]] }],
    ['more done than total', { done: 4 }],
    ['an index that is not one', { items: [[-1, refined]] }],
    ['an item that is not a pair', { items: [[2, refined, 3]] }],
    ['too many labels at once', { items: Array.from({ length: MAX_REFINED_BATCH + 1 }, (_, i) => [i, refined]), total: 1000, done: 300 }],
  ])('refuses %s', (_why, change) => {
    expect(isRefineReply({ type: 'lens:refined', job: 2, done: 1, total: 3, items: [[2, refined]], ...change })).toBe(false);
  });
});

test('the host link tags each message with its port', () => {
  expect(isHostInbound({ port: 1, msg: good })).toBe(true);
  expect(isHostInbound({ port: 1, closed: true })).toBe(true);
  expect(isHostInbound({ port: 1, msg: { ...good, order: [9] } })).toBe(false);
  expect(isHostInbound({ port: 'x', closed: true })).toBe(false);
  expect(isHostOutbound({ port: 1, msg: { type: 'lens:refine-done', job: 1 } })).toBe(true);
  expect(isHostOutbound({ port: 1, msg: { type: 'lens:refined', job: 1, done: 0, total: 0, items: [[0, { ...refined, pass: 'fast' }]] } })).toBe(false);
});
