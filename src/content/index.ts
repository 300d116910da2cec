// Content script entry, on every http(s) page at document_end: the DOM is complete, and a page
// still loading images or ads gets its panel without waiting for idle. Only the cheap detector
// runs here; the parser, the stance model and the UI load (dynamic import) on comment pages only.
import { detectPage } from '../sites/detect';

const adapter = detectPage(document, location.href);
if (adapter) {
  performance.mark('comment-lens:detected');
  import('./run')
    .then((m) => m.start(adapter))
    .catch((err: unknown) => console.warn('[Comment Lens]', err));
}
