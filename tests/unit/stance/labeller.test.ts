import { expect, test } from 'vitest';
import type { Thread } from '../../../src/parser/types';
import { Labeller, StanceEngine, labelThread } from '../../../src/stance/index';

const thread: Thread = {
  article: { paragraphs: ['The council approved the new bike lanes on Main Street on Tuesday.'] },
  comments: [
    { id: 'a', author: 'x', text: 'This is a terrible idea, it will ruin traffic.' },
    { id: 'b', author: '', text: 'Comment deleted by user', placeholder: 'deleted' },
    { id: 'c', author: 'y', text: 'Exactly, well said.', parentId: 'a' },
    { id: 'd', author: 'z', text: 'No, you are wrong.', parentId: 'b' },
  ],
};

test('a deleted slot is neutral with zero confidence and says why, whatever its words', () => {
  const labels = labelThread(thread);
  expect(labels[1]).toEqual({ label: 'neutral', confidence: 0, cues: [expect.objectContaining({ rule: 'placeholder' })] });
  expect(labels[1]!.cues[0]!.reason).toMatch(/deleted/);
});

test('labelling one comment at a time gives exactly what labelThread gives', () => {
  const engine = new StanceEngine();
  const stepwise = new Labeller(engine, thread);
  thread.comments.forEach((_, i) => stepwise.label(i));
  expect(stepwise.labels).toEqual(labelThread(thread, engine));
});

test('a reply is told its parent: agreeing with an opponent is labelled through the parent', () => {
  const labels = labelThread(thread);
  expect(labels[0]!.label).toBe('oppose');
  expect(labels[2]).toMatchObject({ label: 'oppose', via: 'a' });
});
