// Typed errors of the dump reader: a caller (CLI, tests) can branch on `code` and point at `line`.

export type DumpErrorCode =
  | 'empty' // nothing but whitespace
  | 'not-text' // invalid UTF-8 or NUL bytes: a binary file, or text in another encoding
  | 'bad-date' // the " date YYYY-MM-DD " header names an impossible date
  | 'handle-without-text' // a handle line with no comment text after it
  | 'text-without-handle' // comment text before any handle line
  | 'unrenderable'; // renderDump: the Thread holds something the format cannot carry

export class DumpError extends Error {
  readonly code: DumpErrorCode;
  readonly line?: number; // 1-based line of the input the error is about

  constructor(code: DumpErrorCode, message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'DumpError';
    this.code = code;
    if (line !== undefined) this.line = line;
  }
}
