// Document order of two elements, quickly for neighbours: the lazy tagger asks it for every
// comment it takes in, and the DOM's own answer is slow in long lists (see follows()).

type DomNode = globalThis.Node;

/** How far the sibling walks in `follows` look before asking the DOM. */
const NEAR = 32;

/**
 * true when `a` comes after `b` in document order (descendants come after their ancestors).
 * Chromium's compareDocumentPosition walks the common parent's children from the first: O(n)
 * per call in a list of n comments (3.9 s of 50,000 appends, measured). Comments arrive in
 * order, next to each other: below their common parent, a short walk from b's side to a's
 * answers; far apart, the DOM does.
 */
export function follows(a: Element, b: Element): boolean {
  if (a === b) return false;
  // b and its ancestors, b first: a short array (a comment sits ~10 deep), cheaper than a Map
  const up: DomNode[] = [];
  for (let n: DomNode | null = b; n; n = n.parentNode) up.push(n);
  let ca: DomNode = a;
  let parent = a.parentNode;
  let j = -1;
  while (parent && (j = up.indexOf(parent)) < 0) [ca, parent] = [parent, parent.parentNode];
  if (j === 0) return true; // a is inside b
  if (!parent) return (b.compareDocumentPosition(a) & 4) !== 0; // other trees
  const cb = up[j - 1]!; // the common parent's child on the way to b
  if (cb === ca) return false; // b is inside a: a comes first
  let x: DomNode | null = cb.nextSibling;
  let y: DomNode | null = ca.nextSibling;
  for (let k = 0; k < NEAR && (x || y); k++) {
    if (x === ca) return true;
    if (y === cb) return false;
    x = x?.nextSibling ?? null;
    y = y?.nextSibling ?? null;
  }
  return (b.compareDocumentPosition(a) & 4) !== 0; // Node.DOCUMENT_POSITION_FOLLOWING
}
