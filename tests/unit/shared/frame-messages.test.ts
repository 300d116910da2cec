// Messages between a comment frame, the background and the top frame: validation on receipt
// and the background's routing (summaries up to frame 0, commands down to the named frame).
import { expect, test } from 'vitest';
import { isFrameCommandMessage, isFrameReport, isFrameSummaryMessage, type FrameReport } from '../../../src/shared/messages';
import { route } from '../../../src/background/relay';
import { siteHost } from '../../../src/content/site-host';

const report = (over: Partial<FrameReport> = {}): FrameReport => ({
  state: 'ready',
  total: 3,
  byStance: { support: 1, oppose: 1, neutral: 0, question: 1 },
  byAuthor: [['ann', 2], ['bob', 1]],
  repliesInferred: 0,
  repliesMarked: 1,
  unsure: 0,
  ...over,
});

test.each([
  ['a full report', report(), true],
  ['state off', report({ state: 'off', total: 0 }), true],
  ['unknown state', { ...report(), state: 'done' }, false],
  ['negative total', report({ total: -1 }), false],
  ['fractional count', report({ unsure: 0.5 }), false],
  ['a stance missing', { ...report(), byStance: { support: 1, oppose: 1, neutral: 0 } }, false],
  ['a string count', { ...report(), byStance: { support: '1', oppose: 1, neutral: 0, question: 1 } }, false],
  ['authors as an object', { ...report(), byAuthor: { ann: 2 } }, false],
  ['an author pair of three', { ...report(), byAuthor: [['ann', 2, 1]] }, false],
  ['too many authors', report({ byAuthor: Array.from({ length: 11 }, (_, i): [string, number] => [`a${i}`, 1]) }), false],
  ['comments not labelled (another language)', report({ total: 5, notLabelled: 2 }), true],
  ['more not labelled than comments', report({ notLabelled: 4 }), false],
  ['a fractional not-labelled count', report({ notLabelled: 0.5 }), false],
  ['null', null, false],
])('isFrameReport: %s -> %s', (_name, r, ok) => expect(isFrameReport(r)).toBe(ok));

test.each([
  [{ type: 'lens:frame-summary', report: report() }, false, true],
  [{ type: 'lens:frame-summary', report: report() }, true, false], // relayed copy must name its frame
  [{ type: 'lens:frame-summary', report: report(), frameId: 7 }, true, true],
  [{ type: 'lens:frame-summary', report: report(), frameId: 7 }, false, false], // a frame cannot pick its id
  [{ type: 'lens:frame-summary', report: report(), frameId: 0 }, true, false],
  [{ type: 'lens:frame-summary', report: { ...report(), total: 'x' }, frameId: 7 }, true, false],
  [{ type: 'lens:count', total: 3 }, false, false],
])('isFrameSummaryMessage(%j, relayed=%s) = %s', (m, relayed, ok) => expect(isFrameSummaryMessage(m, relayed)).toBe(ok));

test.each([
  [{ type: 'lens:frame-command', command: 'collapse-all', frameId: 3 }, false, true],
  [{ type: 'lens:frame-command', command: 'expand-all' }, true, true],
  [{ type: 'lens:frame-command', command: 'filter', stance: 'oppose' }, true, true],
  [{ type: 'lens:frame-command', command: 'filter', stance: 'angry' }, true, false],
  [{ type: 'lens:frame-command', command: 'filter' }, true, false],
  [{ type: 'lens:frame-command', command: 'remove-all' }, true, false],
  [{ type: 'lens:frame-command', command: 'collapse-all' }, false, false], // top must name a frame
  [{ type: 'lens:frame-command', command: 'collapse-all', frameId: 3 }, true, false],
  [{ type: 'lens:frame-command', command: 'collapse-all', frameId: -2 }, false, false],
])('isFrameCommandMessage(%j, relayed=%s) = %s', (m, relayed, ok) => expect(isFrameCommandMessage(m, relayed)).toBe(ok));

const summary = { type: 'lens:frame-summary', report: report() };
const collapse = { type: 'lens:frame-command', command: 'collapse-all', frameId: 4 };
test.each([
  ['frame summary goes to the top frame, stamped', summary, { tab: { id: 9 }, frameId: 4 }, { tabId: 9, frameId: 0, message: { ...summary, frameId: 4 } }],
  ['a summary from the top frame is not relayed', summary, { tab: { id: 9 }, frameId: 0 }, null],
  ['top command goes to the named frame, unstamped', collapse, { tab: { id: 9 }, frameId: 0 }, { tabId: 9, frameId: 4, message: { type: 'lens:frame-command', command: 'collapse-all' } }],
  ['a frame cannot command another frame', collapse, { tab: { id: 9 }, frameId: 2 }, null],
  ['no tab (an extension page)', summary, { frameId: 4 }, null],
  ['no frame id', summary, { tab: { id: 9 } }, null],
  ['an invalid message', { type: 'lens:frame-summary', report: {} }, { tab: { id: 9 }, frameId: 4 }, null],
  ['the count message is not routed', { type: 'lens:count', total: 1 }, { tab: { id: 9 }, frameId: 0 }, null],
])('route: %s', (_name, msg, sender, want) => expect(route(msg, sender)).toEqual(want));

test.each([
  ['top frame: its own host', { hostname: 'news.example' }, '', false, 'news.example'],
  ['frame: the top origin', { hostname: 'disqus.com', ancestorOrigins: { length: 2, 0: 'https://mid.example', 1: 'https://news.example' } }, '', true, 'news.example'],
  ['frame without ancestorOrigins: the referrer', { hostname: 'disqus.com' }, 'https://news.example/a/b', true, 'news.example'],
  ['frame with a non-web referrer: its own host', { hostname: 'disqus.com' }, 'about:blank', true, 'disqus.com'],
  ['frame with nothing to go on: its own host', { hostname: 'disqus.com', ancestorOrigins: { length: 0 } }, '', true, 'disqus.com'],
])('siteHost: %s', (_name, loc, ref, framed, want) => expect(siteHost(loc, ref, framed)).toBe(want));
