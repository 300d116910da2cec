// Routing between a tab's frames. A content script cannot message another frame of its tab
// directly (the Disqus frame is cross-origin), so the background passes messages on:
// frame -> top frame (summaries) and top frame -> one frame (collapse, expand, filter).
// Pure: the listener in index.ts sends what route() returns with tabs.sendMessage, which needs
// no "tabs" permission (that permission only exposes tab URLs and titles).
import { isFrameCommandMessage, isFrameSummaryMessage, type FrameCommandMessage, type FrameSummaryMessage } from '../shared/messages';

export interface SenderLike {
  tab?: { id?: number };
  frameId?: number;
}

export interface Route {
  tabId: number;
  frameId: number;
  message: FrameSummaryMessage | FrameCommandMessage;
}

/** Where a message from `sender` goes on, or null when it is not ours to pass on. */
export function route(msg: unknown, sender: SenderLike): Route | null {
  const tabId = sender.tab?.id;
  const from = sender.frameId;
  if (tabId === undefined || tabId < 0 || from === undefined) return null;
  // A frame's summary goes to the top frame, stamped with the frame it came from.
  if (isFrameSummaryMessage(msg, false) && from > 0) {
    return { tabId, frameId: 0, message: { type: msg.type, report: msg.report, frameId: from } };
  }
  // Only the top frame commands, and only another frame (never itself: no loop).
  if (isFrameCommandMessage(msg, false) && from === 0 && msg.frameId !== undefined) {
    const { frameId, ...command } = msg;
    return { tabId, frameId, message: command };
  }
  return null;
}
