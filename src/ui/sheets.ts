// Styles reach the page only as constructable stylesheets: adoptedStyleSheets is not subject
// to the page's CSP style-src (a <style> element or style attribute would be).

export type StyleRoot = Document | ShadowRoot;

/** One CSSStyleSheet per CSS text per document (a content script's realm can build them). */
export function makeSheet(css: string, doc?: Document): CSSStyleSheet | null {
  try {
    // The page window's constructor: a sheet from another realm cannot be adopted.
    const Ctor = (doc?.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet ?? CSSStyleSheet;
    const sheet = new Ctor();
    sheet.replaceSync(css);
    return sheet;
  } catch {
    return null; // DOMs without constructable sheets (older engines, some test DOMs)
  }
}

/**
 * Adds a sheet to a root; returns an undo, or null when a document refused it. Falls back to a <style> element inside a shadow
 * root when adoption fails, e.g. Firefox content scripts where assigning a
 * content-script array to adoptedStyleSheets can throw across the Xray boundary.
 */
export function adopt(root: StyleRoot, sheet: CSSStyleSheet | null, css: string): (() => void) | null {
  if (sheet) {
    try {
      const before = root.adoptedStyleSheets;
      if (!before.includes(sheet)) root.adoptedStyleSheets = [...before, sheet];
      return () => {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    } catch {
      try {
        // Mutating the live array in place works where reassignment is refused.
        root.adoptedStyleSheets.push(sheet);
        return () => {
          const i = root.adoptedStyleSheets.indexOf(sheet);
          if (i >= 0) root.adoptedStyleSheets.splice(i, 1);
        };
      } catch {
        /* fall through */
      }
    }
  }
  // A page document gets no <style> of ours (its CSP may forbid it): the caller falls back.
  if (root.nodeType === 9) return null;
  const style = (root as ShadowRoot).ownerDocument.createElement('style');
  style.textContent = css;
  root.prepend(style);
  return () => style.remove();
}
