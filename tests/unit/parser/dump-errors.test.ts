// Inputs the reader refuses: each gives a DumpError with a code, a 1-based line and a clear message.
import { describe, expect, test } from 'vitest';
import { parseDump, renderDump } from '../../../src/parser/dump';
import { DumpError } from '../../../src/parser/errors';

const ART = ' date 2024-06-09 The minister said on Monday that the plan would go ahead as announced.';
const CREDIT = 'More text of the article follows here.© Kyodo 2024.';
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
};

function errorOf(input: string | Uint8Array): DumpError {
  try {
    parseDump(input);
  } catch (e) {
    if (e instanceof DumpError) return e;
    throw e;
  }
  throw new Error('expected a DumpError');
}

describe('parseDump errors', () => {
  test.each<[string, string | Uint8Array, string, number, RegExp]>([
    ['empty string', '', 'empty', 1, /empty/],
    ['whitespace only', ' \n\r\n\t \n', 'empty', 1, /empty/],
    ['a BOM and nothing else', '\uFEFF', 'empty', 1, /empty/],
    ['empty byte array', new Uint8Array(0), 'empty', 1, /empty/],
    ['impossible month', ' date 2024-13-45 Text of the article.', 'bad-date', 1, /2024-13-45/],
    ['February 30th', ' date 2023-02-30 Text of the article.', 'bad-date', 1, /2023-02-30/],
    ['short date form', ' date 2024-6-9 Text of the article.', 'bad-date', 1, /2024-6-9/],
    ['invalid UTF-8 on line 3', concat(utf8(`${ART}\n${CREDIT}\nali`), new Uint8Array([0xc3, 0x28]), utf8('ce\nText.')), 'not-text', 3, /UTF-8/],
    ['Latin-1 bytes', concat(utf8('abc\n'), new Uint8Array([0x63, 0x61, 0x66, 0xe9])), 'not-text', 2, /0xe9/],
    ['UTF-16 with BOM', new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'not-text', 1, /0xff/],
    ['NUL byte in bytes', concat(utf8(`${ART}\r\n${CREDIT}\r\n`), new Uint8Array([0x00, 0x01])), 'not-text', 3, /./],
    ['NUL char in a string', `${ART}\nalice\nte\u0000xt`, 'not-text', 3, /NUL/],
    ['truncated multi-byte sequence at the end', concat(utf8(`${ART}\nalice\n`), new Uint8Array([0xe6, 0x97])), 'not-text', 3, /UTF-8/],
    ['overlong encoding', concat(utf8('x\n'), new Uint8Array([0xc0, 0xaf])), 'not-text', 2, /UTF-8/],
    ['encoded surrogate', concat(utf8('x\n\n'), new Uint8Array([0xed, 0xa0, 0x80])), 'not-text', 3, /UTF-8/],
    ['a lone handle after the credit', `${ART}\n${CREDIT}\nalice`, 'handle-without-text', 3, /alice/],
    ['a known author at the very end, text missing', `${ART}\n${CREDIT}\nalice\nFirst.\nbob\nSecond one.\nalice`, 'handle-without-text', 7, /alice/],
    ['a CamelCase handle at the very end', `${ART}\n${CREDIT}\nalice\nSome text here.\nJboneInTheZone`, 'handle-without-text', 5, /JboneInTheZone/],
    ['no credit, no comments, a clear handle at the end', 'An article paragraph with some words.\nCarol99', 'handle-without-text', 2, /Carol99/],
    ['a lone clear handle', 'user_42', 'handle-without-text', 1, /user_42/],
    ['text after the credit before any handle', `${ART}\n${CREDIT}\n\nThis line is a sentence, not a handle.\nalice\nHi.`, 'text-without-handle', 4, /no handle/],
  ])('%s', (_name, input, code, line, message) => {
    const err = errorOf(input);
    expect(err.code).toBe(code);
    expect(err.line).toBe(line);
    expect(err.message).toMatch(message);
    expect(err.message).toContain(`line ${line}`);
  });

  test('a missing header is not an error: date stays undefined', () => {
    expect(parseDump('Just an article paragraph with words.').article.date).toBeUndefined();
  });
});

describe('renderDump refuses what the format cannot carry', () => {
  test.each([
    ['author with a space', { article: { paragraphs: [] }, comments: [{ id: 'c1', author: 'John Smith', text: 'x' }] }],
    ['empty author', { article: { paragraphs: [] }, comments: [{ id: 'c1', author: '', text: 'x' }] }],
    ['empty text', { article: { paragraphs: [] }, comments: [{ id: 'c1', author: 'a', text: '  ' }] }],
    ['multi-line paragraph', { article: { paragraphs: ['a\nb'] }, comments: [] }],
    ['bad date', { article: { date: '2024-02-31', paragraphs: ['a b'] }, comments: [] }],
  ])('%s', (_name, thread) => {
    expect(() => renderDump(thread)).toThrow(DumpError);
  });
});
