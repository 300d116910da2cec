// Chromium's offscreen document (reason WORKERS): its only job is to run the encoder's worker and
// pass messages between it and the background, over a port the background can watch. When the
// background closes the port (idle, or it stopped), the worker and this document go too.
import { REFINE_HOST_PORT } from '../shared/names';
import { startRefineWorker } from './start-worker';

interface Port {
  postMessage(m: unknown): void;
  disconnect(): void;
  onMessage: { addListener(fn: (m: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}
const runtime = (globalThis as unknown as { chrome: { runtime: { connect(o: { name: string }): Port } } }).chrome.runtime;

const port = runtime.connect({ name: REFINE_HOST_PORT });
const worker = startRefineWorker();
const end = (): void => {
  worker.terminate();
  window.close();
};
worker.addEventListener('message', (e: MessageEvent) => port.postMessage(e.data));
worker.addEventListener('error', (e) => {
  console.warn('[Comment Lens] the refine worker failed', e.message);
  port.disconnect();
  end();
});
port.onMessage.addListener((m) => worker.postMessage(m));
port.onDisconnect.addListener(end);
