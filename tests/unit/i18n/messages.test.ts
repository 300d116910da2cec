// Every UI string comes from _locales: each key used in src/ (t('key'), __MSG_key__ in the
// manifest, and the keys built from a stance or a language code) has an English message, and
// every other locale has every English key, with the same placeholders.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { STANCES } from '../../../src/parser/types';
import { KNOWN_LANGUAGES } from '../../../src/stance/language';
import { format, t } from '../../../src/ui/i18n';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const localesDir = join(root, 'public/_locales');
type Messages = Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string }> }>;
const read = (loc: string): Messages => JSON.parse(readFileSync(join(localesDir, loc, 'messages.json'), 'utf8')) as Messages;
const en = read('en');
const others = readdirSync(localesDir).filter((l) => l !== 'en');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|html)$/.test(f) ? [p] : [];
  });
}

describe('messages', () => {
  test('there is at least one locale besides English', () => {
    expect(others.length).toBeGreaterThan(0);
  });

  test.each(others)('%s has every English key, with the same placeholders, and no other', (loc) => {
    const m = read(loc);
    expect(Object.keys(m).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) {
      expect(m[k]!.message.trim(), `${loc}: ${k} is empty`).not.toBe('');
      expect(Object.keys(m[k]!.placeholders ?? {}).sort(), `${loc}: ${k}'s placeholders`).toEqual(Object.keys(v.placeholders ?? {}).sort());
      // Each named placeholder is used in the translation too.
      for (const name of Object.keys(v.placeholders ?? {})) expect(m[k]!.message.toUpperCase(), `${loc}: ${k} uses $${name}$`).toContain(`$${name.toUpperCase()}$`);
    }
  });

  test('every key used in src/ and in the manifest has an English message', () => {
    const used = new Set<string>();
    for (const file of sources(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]!);
      for (const m of text.matchAll(/data-i18n(?:-aria-label)?="([A-Za-z0-9_]+)"/g)) used.add(m[1]!);
    }
    for (const m of readFileSync(join(root, 'manifest.json'), 'utf8').matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]!);
    // Keys built at run time: one per stance and one per language the detector names.
    for (const s of STANCES) used.add(`stance_${s}`);
    for (const l of [...KNOWN_LANGUAGES, 'und']) used.add(`lang_${l}`);
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((k) => !en[k])).toEqual([]);
  });

  test.each(['src/popup/popup.html', 'src/options/options.html'])('%s: every text and aria-label is from the messages', (page) => {
    const doc = new Window().document as unknown as Document;
    doc.write(readFileSync(join(root, page), 'utf8'));
    const walker = doc.createTreeWalker(doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
    const bare: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent?.trim() || el?.closest('script, style')) continue;
      if (!el?.hasAttribute('data-i18n')) bare.push(n.textContent.trim());
    }
    expect(bare).toEqual([]);
    for (const el of doc.querySelectorAll('[aria-label]')) expect(el.hasAttribute('data-i18n-aria-label'), el.outerHTML).toBe(true);
  });

  test('the manifest takes its name and description from the messages, English by default', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Record<string, string>;
    expect(manifest.default_locale).toBe('en');
    expect(manifest.name).toMatch(/^__MSG_\w+__$/);
    expect(manifest.description).toMatch(/^__MSG_\w+__$/);
  });

  test('t() without a browser: English, placeholders filled; an unknown key shows itself', () => {
    expect(t('gistMostDiscussed', '12')).toBe('Most discussed thread: 12 comments');
    expect(t('no_such_key')).toBe('no_such_key');
    expect(format({ message: 'a $X$ b $1 $$', placeholders: { x: { content: '$2' } } }, ['one', 'two'])).toBe('a two b one $');
  });
});
