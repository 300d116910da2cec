// The adapter table stays well-formed: unique ids, parseable selectors in both DOMs, something to
// detect, lower-case host suffixes, and an extractor that never invents comments from nothing.
import { afterAll, describe, expect, test } from 'vitest';
import { ADAPTERS, detectPage, extractPage, generic } from '../../../src/sites/registry';
import type { SiteAdapter } from '../../../src/sites/types';
import { DOMS, closeHappyWindows } from '../../../scripts/lib/dom-impls';

afterAll(closeHappyWindows);
const all: SiteAdapter[] = [...ADAPTERS, generic];

function selectorsOf(a: SiteAdapter): string[] {
  const f = a.fields ?? {};
  return [
    a.detect ?? '', a.comment ?? '', ...(a.container ?? []), ...(a.exclude ?? []), ...(a.strip ?? []), ...(a.widget ?? []),
    ...(a.shadowHosts ?? []), ...(f.author ?? []), ...(f.text ?? []),
    ...[f.id, f.time, f.parent, f.depth, f.level, f.authorFrom, a.statedCount].flatMap((p) => (p ?? []).map(([s]) => s)),
  ].filter(Boolean);
}

test('adapter ids are unique and generic is last, outside the list', () => {
  const ids = all.map((a) => a.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ADAPTERS).not.toContain(generic);
});

test.each(all.map((a) => [a.id, a] as const))('%s is well-formed', (_id, a) => {
  expect(a.detect || (a.widget ?? []).length > 0).toBeTruthy();
  for (const h of a.hosts ?? []) expect(h).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
  if (a.comment || a.pickComment) expect(a.fields?.text?.length).toBeTruthy();
});

describe.each(DOMS)('%s', (_name, make) => {
  const doc = make('<html><body><p>x</p></body></html>');
  test.each(all.map((a) => [a.id, a] as const))('every selector of %s parses', (_id, a) => {
    for (const s of selectorsOf(a)) expect(() => doc.querySelectorAll(s), s).not.toThrow();
  });

  test('an empty page: nothing detected, nothing extracted', () => {
    const blank = make('<html><body><article><h1>Hi</h1><p>Text.</p></article></body></html>');
    expect(detectPage(blank)).toBeNull();
    const ex = extractPage(blank);
    expect(ex.page.comments).toEqual([]);
    expect(ex.page.widgetOnly).toBeUndefined();
    expect(ex.container).toBeNull();
  });
});
