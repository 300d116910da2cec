// Live comments: one MutationObserver on the comment section, records batched into one
// callback per quiet period, our own insertions ignored (they would otherwise loop forever).

import { OWN_ATTR } from '../shared/names';

/** A node we inserted (tag, wrapper, panel host) or a node inside one. */
export function isOwnNode(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el?.closest(`[${OWN_ATTR}]`);
}

export interface RecordLike {
  addedNodes: ArrayLike<Node>;
  removedNodes: ArrayLike<Node>;
}

/** Does this batch hold a change made by the page rather than by us? */
export function hasPageChange(records: readonly RecordLike[]): boolean {
  return records.some((r) => {
    const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
    return nodes.some((n) => !isOwnNode(n) && !isBlankText(n));
  });
}

function isBlankText(n: Node): boolean {
  return n.nodeType === 3 && !n.textContent?.trim();
}

/**
 * Observes `target`; calls `onChange` once the page has been quiet for `delayMs`, and not more
 * than once per `minIntervalMs` (each call re-reads the comment section, in slices).
 * A page that replaces the whole section (`section.replaceWith(next)`) does so in the section's
 * parent, outside the watched subtree: the ancestors are watched too (child lists only, no
 * subtree), and a change there counts only once `target` has left the document.
 */
export function observePage(target: Node, signal: AbortSignal, onChange: () => void, delayMs = 300, minIntervalMs = 2000): void {
  const win = (target.ownerDocument ?? (target as Document)).defaultView;
  if (!win?.MutationObserver || signal.aborted) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = -Infinity;
  const run = (): void => {
    timer = undefined;
    last = Date.now();
    if (!signal.aborted) onChange();
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(run, Math.max(delayMs, last + minIntervalMs - Date.now()));
  };
  const observer = new win.MutationObserver((records) => {
    if (hasPageChange(records)) schedule();
  });
  observer.observe(target, { childList: true, subtree: true });
  const up = new win.MutationObserver(() => {
    if (!target.isConnected) schedule();
  });
  for (const a of ancestors(target)) up.observe(a, { childList: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      up.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
}

/** Parents up to the document, through shadow roots to their hosts (Coral renders in one). */
export function ancestors(node: Node): Node[] {
  const out: Node[] = [];
  for (let n = node.parentNode; n; n = n.nodeType === 11 ? ((n as ShadowRoot).host ?? null) : n.parentNode) out.push(n);
  return out;
}
