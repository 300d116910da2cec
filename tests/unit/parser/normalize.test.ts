// Whitespace normalisation and the byte decoder, as tables.
import { describe, expect, test } from 'vitest';
import { decodeInput } from '../../../src/parser/decode';
import { DumpError } from '../../../src/parser/errors';
import { normalizeLine, normalizeText, splitLines } from '../../../src/parser/normalize';

describe('normalize', () => {
  test.each<[string, string]>([
    ['  a   b  ', 'a b'], ['\ta\u00A0b\u2003c', 'a b c'], ['\u200Bx\u200B', 'x'], [' \uFEFF \u200B x', 'x'],
    ['a\u200Db', 'a\u200Db'], ['', ''],
  ])('normalizeLine(%j) = %j', (input, want) => {
    expect(normalizeLine(input)).toBe(want);
  });

  test.each<[string, string]>([
    ['a\r\nb', 'a\nb'], ['a\rb', 'a\nb'], ['a\u2028b', 'a\nb'], ['\n\na\n\n\nb\n\n', 'a\n\nb'], [' \n \n ', ''],
  ])('normalizeText(%j) = %j', (input, want) => {
    expect(normalizeText(input)).toBe(want);
  });

  test('splitLines keeps empty lines and counts CRLF once', () => {
    expect(splitLines('a\r\n\r\nb\nc\r')).toEqual(['a', '', 'b', 'c', '']);
  });
});

describe('decodeInput', () => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  test.each<[string, string]>([
    ['ascii', 'hello'], ['Japanese', '日本語のコメント'], ['emoji (4-byte)', 'ok 👍🏽'], ['Arabic', 'هذا قرار جيد'],
  ])('valid UTF-8: %s', (_name, s) => {
    expect(decodeInput(enc(s))).toBe(s);
  });

  test('a leading BOM is dropped from bytes and strings', () => {
    expect(decodeInput(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
    expect(decodeInput('\uFEFFa')).toBe('a');
  });

  test.each<[string, number[], number]>([
    ['lone continuation byte', [0x61, 0x0a, 0x80], 2],
    ['CRLF lines counted once', [0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x0a, 0xff], 3],
    ['CR-only lines', [0x61, 0x0d, 0x62, 0x0d, 0xfe], 3],
    ['code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 1],
    ['NUL', [0x61, 0x00], 1],
  ])('not-text: %s', (_name, bytes, line) => {
    try {
      decodeInput(new Uint8Array(bytes));
      expect.unreachable('expected a DumpError');
    } catch (e) {
      expect(e).toBeInstanceOf(DumpError);
      expect((e as DumpError).code).toBe('not-text');
      expect((e as DumpError).line).toBe(line);
    }
  });
});
