// The port index.ts opens on detection is the one the labeller uses first, unless the background
// closed it meanwhile; index.ts names it like the background expects (it avoids the import).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LABEL_PORT } from '../../../src/shared/label-messages';
import { withEarlyPort, type EarlyPort } from '../../../src/content/early-port';
import type { ClientPort } from '../../../src/content/remote-labeller';

const fakePort = (): ClientPort => ({ postMessage: () => {}, disconnect: () => {}, onMessage: { addListener: () => {} }, onDisconnect: { addListener: () => {} } });

describe('withEarlyPort', () => {
  test('the early port first, new ports after', () => {
    const early: EarlyPort = { port: fakePort(), alive: true };
    const opened: string[] = [];
    const connect = withEarlyPort(early, (name) => (opened.push(name), fakePort()));
    expect(connect(LABEL_PORT)).toBe(early.port);
    expect(connect(LABEL_PORT)).not.toBe(early.port);
    expect(opened).toEqual([LABEL_PORT]);
  });

  test('an early port the background closed is not used', () => {
    const early: EarlyPort = { port: fakePort(), alive: false };
    const connect = withEarlyPort(early, () => fakePort());
    expect(connect(LABEL_PORT)).not.toBe(early.port);
  });

  test('no early port: connects', () => {
    let n = 0;
    withEarlyPort(null, () => (n++, fakePort()))(LABEL_PORT);
    expect(n).toBe(1);
  });

  test("index.ts opens the port under the background's name, and sends no warm-up of its own", () => {
    const src = readFileSync(new URL('../../../src/content/index.ts', import.meta.url), 'utf8');
    expect(src).toContain('{ name: LABEL_PORT }');
    expect(src).toMatch(/import \{[^}]*\bLABEL_PORT\b[^}]*\} from '\.\.\/shared\/names'/);
    expect(src).not.toContain('lens:warm');
  });
});
