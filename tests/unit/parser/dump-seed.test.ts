// The reference seed: article fields, every comment's author and whole text, reply links.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseDump, renderDump } from '../../../src/parser/dump';

const seedPath = fileURLToPath(new URL('../../../seeds/000_c8a4a18fdd49bdeb.txt', import.meta.url));
const bytes = readFileSync(seedPath);
const thread = parseDump(bytes);

describe('seed 000', () => {
  test('article: date, source from the credit, 7 paragraphs, credit removed from the last', () => {
    expect(thread.article.date).toBe('2024-06-09');
    expect(thread.article.source).toBe('Thomson Reuters');
    expect(thread.article.title).toBeUndefined();
    expect(thread.article.paragraphs).toHaveLength(7);
    expect(thread.article.paragraphs[0]).toMatch(/^The United States needs Japan's help/);
    expect(thread.article.paragraphs[6]).toBe(
      'Japan and the U.S. already build a missile defense interceptor together and Tokyo has also agreed to supply Patriot PAC3 air-defence missiles to the U.S.',
    );
  });

  test('nine comments with the right authors, in order, ids c1..c9', () => {
    expect(thread.comments.map((c) => c.author)).toEqual([
      'TaiwanIsNotChina', 'SaikoPhysco', 'deanzaZZR', 'TaiwanIsNotChina', 'kurisupisu',
      'GuruMick', 'Antiquesaving', 'obladi', 'JboneInTheZone',
    ]);
    expect(thread.comments.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
  });

  test('multi-line comments are kept whole with their line breaks', () => {
    const byId = new Map(thread.comments.map((c) => [c.id, c.text]));
    expect(byId.get('c6')).toBe(
      'Does Costa Rica have to start a military build up ?\nSome countries make their own way in world affairs.\nThe USA is not a model citizen.\nCan we have another way forward ?',
    );
    expect(byId.get('c7')!.split('\n')).toEqual([
      "Don't do it Japan!",
      "Already Japan's SDF is not the biggest or strongest but if they follow the USA and others like Canada they will end up cannibalizing their own military to supply Ukraine and Israel!",
    ]);
    // The file has no trailing newline: the last comment ends mid-sentence and is kept as it is.
    expect(byId.get('c9')).toBe('Artillery rounds can be used in a defensive manner. In fact any weapon can');
  });

  test('every comment line of the file is in exactly one comment', () => {
    const lines = bytes.toString('utf8').split('\n').slice(7);
    const joined = thread.comments.flatMap((c) => [c.author, ...c.text.split('\n')]);
    expect(joined).toEqual(lines);
  });

  test('the implicit reply "And the consequences for that will be...." answers deanzaZZR', () => {
    const c4 = thread.comments[3]!;
    expect(c4.parentId).toBe('c3');
    expect(c4.parentInferred).toBe(true);
    expect(c4.parentConfidence).toBeGreaterThanOrEqual(0.5);
    expect(c4.parentConfidence).toBeLessThanOrEqual(1);
    expect(c4.parentEvidence).toMatch(/and/i);
  });

  test.each([1, 2, 3, 5, 6, 7, 8, 9])('standalone comment c%i gets no parent', (n) => {
    const c = thread.comments[n - 1]!;
    expect(c.parentId).toBeUndefined();
    expect(c.parentInferred).toBeUndefined();
  });

  test('string input (with or without BOM/CRLF) reads the same as bytes', () => {
    const text = bytes.toString('utf8');
    expect(parseDump(text)).toEqual(thread);
    expect(parseDump(`\uFEFF${text.replace(/\n/g, '\r\n')}`)).toEqual(thread);
  });

  test('renderDump gives back the seed byte for byte', () => {
    expect(renderDump(thread)).toBe(bytes.toString('utf8'));
  });
});
