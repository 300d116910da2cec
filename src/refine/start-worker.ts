// Starts the encoder's worker (refine/worker.ts, bundled by Vite as a module worker of its own).
// Only extension pages can: Firefox's event page, Chromium's offscreen document.
export function startRefineWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'comment-lens-refine' });
}
