// The heavy half of the content script, imported only after detectPage found comments:
// settings, the session, and live settings changes (site on/off, badges, position). The stance
// model is not in it: the background labels (remote-labeller.ts), the page only as a fallback.
// In a comment frame (the Disqus embed) the session has no panel: it reports its counts to the
// top frame's panel through the background, and takes that panel's bulk actions back.
import browser from 'webextension-polyfill';
import { isSiteEnabled } from '../options/schema';
import { loadSettings, onSettingsChanged, updateSettings } from '../options/storage';
import type { SiteAdapter } from '../sites/registry';
import { isFrameCommandMessage, isFrameSummaryMessage, type CountMessage, type FrameCommandMessage, type FrameSummaryMessage } from '../shared/messages';
import { withEarlyPort, type EarlyPort } from './early-port';
import { RemoteLabeller } from './remote-labeller';
import { RefineClient, type RefinePort } from './refine-client';
import { mark, Session, type SessionHooks } from './session';
import { siteHost } from './site-host';
import type { Engine } from '../stance/engine';
import { fetchModelBytes } from '../shared/own-file';

export async function start(adapter: SiteAdapter, early: EarlyPort | null = null, stored?: Promise<unknown>): Promise<void> {
  mark('loaded');
  // Wakes the background (and its model) while the settings load, unless index.ts already did;
  // closed again if the site is off.
  const remote = new RemoteLabeller(withEarlyPort(early, (name) => browser.runtime.connect({ name })));
  remote.warm();
  let settings = await loadSettings(stored);
  mark('settings');
  const framed = window.top !== window;
  // A frame is on or off with the page that embeds it: the reader turns the news site off.
  const host = siteHost(location, document.referrer, framed);
  // The refined pass's port opens with its first job, after the first panel.
  const refine = framed ? undefined : new RefineClient((name) => browser.runtime.connect({ name }) as RefinePort);
  const session = new Session(document, adapter, settings, { ...(framed ? frameHooks() : topHooks()), remote, engine: localEngine, ...(refine ? { refine } : {}) });
  browser.runtime.onMessage.addListener((msg: unknown) => {
    if (framed && isFrameCommandMessage(msg, true)) session.command(msg);
    else if (!framed && isFrameSummaryMessage(msg, true)) session.frameReport(msg.frameId!, msg.report);
  });
  if (isSiteEnabled(settings, host)) session.start();
  else remote.close();
  // Lives as long as the page: the reader can turn the site back on from the popup.
  onSettingsChanged((next) => {
    const was = isSiteEnabled(settings, host);
    const now = isSiteEnabled(next, host);
    settings = next;
    session.apply(next);
    if (was && !now) session.stop();
    else if (!was && now) session.start();
  }, new AbortController().signal);
}

let engine: Promise<Engine> | null = null;

/** The model file, loaded once per page when the page labels (again after a failed load). */
function localEngine(): Promise<Engine> {
  // A chunk of its own (the engine and the VADER lexicon): a page the background labels never loads
  // it. The model file's fetch starts beside the chunk's import, not after it (Firefox: ~15-25 ms).
  if (!engine) {
    const bytes = fetchModelBytes();
    bytes.catch(() => {}); // reported through the load below
    engine = import('../shared/model-file').then((m) => m.loadShippedEngine(undefined, bytes)).then((e) => {
      performance.mark('comment-lens:engine-loaded');
      return e;
    });
  }
  return engine.catch((err: unknown) => {
    engine = null;
    throw err;
  });
}

const persist: SessionHooks['persist'] = (change) => void updateSettings((s) => ({ ...s, ...change })).catch(warn);

function topHooks(): Omit<SessionHooks, 'engine'> {
  return {
    persist,
    count: (total) => send<CountMessage>({ type: 'lens:count', total }),
    relay: (cmd, frameIds) => {
      for (const frameId of frameIds) send<FrameCommandMessage>({ type: 'lens:frame-command', ...cmd, frameId });
    },
  };
}

function frameHooks(): Omit<SessionHooks, 'engine'> {
  return {
    persist,
    // The toolbar count is the top frame's: it adds this frame's report to its own comments.
    count: () => {},
    report: (report) => send<FrameSummaryMessage>({ type: 'lens:frame-summary', report }),
  };
}

function send<T>(msg: T): void {
  // The background may be asleep or absent (options reload); the message is then lost, not fatal.
  browser.runtime.sendMessage(msg).catch(() => {});
}

function warn(err: unknown): void {
  console.warn('[Comment Lens]', err);
}
