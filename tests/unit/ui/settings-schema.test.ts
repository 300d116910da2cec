import { describe, expect, test } from 'vitest';
import { defaultSettings, isSiteEnabled, parseSettings, SCHEMA_VERSION, withSite } from '../../../src/options/schema';

const d = defaultSettings();

describe('parseSettings falls back field by field', () => {
  test.each([
    ['missing', undefined],
    ['null', null],
    ['a string', 'on'],
    ['an array', [1, 2]],
    ['a number', 3],
    ['a newer schema', { version: SCHEMA_VERSION + 1, loadMode: 'collapse-all' }],
  ])('%s -> defaults', (_name, stored) => expect(parseSettings(stored)).toEqual(d));

  test.each([
    ['loadMode', 'collapse-everything'],
    ['loadMode', 3],
    ['collapseStance', 'angry'],
    ['showBadges', 'yes'],
    ['position', 'center'],
    ['minimized', 1],
  ] as const)('bad %s (%j) -> its default, other fields kept', (key, bad) => {
    const stored = { ...d, showBadges: key === 'showBadges' ? bad : false, [key]: bad };
    const got = parseSettings(stored);
    expect(got[key]).toEqual(d[key]);
    if (key !== 'showBadges') expect(got.showBadges).toBe(false);
  });

  test('good values survive a round trip', () => {
    const s = { ...d, loadMode: 'collapse-stance', collapseStance: 'question', showBadges: false, position: 'top-left', minimized: true, sites: { 'example.com': false } };
    expect(parseSettings(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  test.each([
    [{ 'Example.COM': false }, { 'example.com': false }],
    [{ 'www.news.org': false }, { 'news.org': false }],
    [{ 'bad host/with/slash': false, 'ok.net': true }, { 'ok.net': true }],
    [{ 'x.com': 'no' }, {}],
    [['x.com'], {}],
  ])('sites %j -> %j', (sites, want) => expect(parseSettings({ ...d, sites }).sites).toEqual(want));
});

describe('migration from the unversioned shape', () => {
  test.each([
    [{ disabledSites: ['a.com', 'b.org'] }, { sites: { 'a.com': false, 'b.org': false }, loadMode: 'expanded' }],
    [{ collapseOnLoad: true }, { sites: {}, loadMode: 'collapse-all' }],
    [{ collapseOnLoad: false, showBadges: false }, { sites: {}, loadMode: 'expanded', showBadges: false }],
    [{ version: 0, disabledSites: [5, 'c.net'] }, { sites: { 'c.net': false } }],
  ])('%j', (old, want) => {
    const got = parseSettings(old);
    expect(got.version).toBe(SCHEMA_VERSION);
    expect(got).toMatchObject(want);
  });
});

describe('per-site switch', () => {
  test('on by default, off once turned off, on again with no entry left', () => {
    expect(isSiteEnabled(d, 'news.example')).toBe(true);
    const off = withSite(d, 'www.News.example', false);
    expect(isSiteEnabled(off, 'news.example')).toBe(false);
    expect(isSiteEnabled(off, 'other.example')).toBe(true);
    const on = withSite(off, 'news.example', true);
    expect(on.sites).toEqual({});
    expect(d.sites).toEqual({}); // the input is not mutated
  });
});
