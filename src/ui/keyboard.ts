// Keyboard shortcuts on the page (j/k, Enter/c, Shift+C, ?), silent while the reader types.
import { isTypingTarget, keyAction, type KeyAction } from './keys';

/** Elements that already do something with Enter: we leave Enter to them. */
const NATIVE_ENTER = /^(A|BUTTON|SUMMARY|INPUT|SELECT|TEXTAREA)$/;

export function listenKeys(doc: Document, signal: AbortSignal, run: (action: KeyAction) => void): void {
  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.defaultPrevented || e.isComposing) return;
      // composedPath()[0] sees through shadow roots (ours and the page's) to the real target.
      const target = (e.composedPath()[0] ?? e.target) as (Element & { isContentEditable?: boolean; type?: string }) | null;
      if (isTypingTarget(target)) return;
      const action = keyAction(e);
      if (!action) return;
      if (e.key === 'Enter' && NATIVE_ENTER.test(target?.tagName ?? '')) return;
      e.preventDefault();
      run(action);
    },
    { signal },
  );
}
