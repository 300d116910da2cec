// Saved HTML page -> Thread, through the very same site adapters and shared parser as the extension.
import { buildThread } from '../parser/thread';
import type { Thread } from '../parser/types';
import { extractFromHtml } from './html';

export function threadFromHtml(html: string, url?: string): { thread: Thread; platform: string; detected: boolean; widgetOnly: boolean } {
  const { page, platform, detected } = extractFromHtml(html, url);
  return { thread: buildThread(page), platform, detected, widgetOnly: Boolean(page.widgetOnly) };
}
