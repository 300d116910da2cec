// Guards the speed work on the engine (tokenizer flags, cached stems, lazy cue ranking, slab
// dense vectors): every label, confidence, cue and via over a deterministic, varied set must
// stay exactly what the engine gave before it. The expected hash was computed with the engine
// as it was before those changes (output-set.ts, run against the old src/stance); a change
// that is meant to alter labels must update it and say why.
import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { StanceEngine, labelThread } from '../../../src/stance/index';
import { outputs } from './output-set';

const EXPECTED = 'c9ef4edff5869a775c68fcd566fd9c3a2535e13c47bc6787d3a680304dbb44fd';

test('labels, confidences and cues are unchanged over a varied generated set', () => {
  const json = outputs(new StanceEngine(), labelThread);
  expect(json.length).toBeGreaterThan(1_000_000);
  expect(createHash('sha256').update(json).digest('hex')).toBe(EXPECTED);
});

test('the binary model file the extension loads (packModel) labels exactly as model.json does', async () => {
  const { DEFAULT_MODEL } = await import('../../../src/stance/index');
  const { packModel, unpackModel } = await import('../../../src/stance/model');
  const bytes = packModel(DEFAULT_MODEL);
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const json = outputs(new StanceEngine(unpackModel(copy)), labelThread);
  expect(createHash('sha256').update(json).digest('hex')).toBe(EXPECTED);
});
