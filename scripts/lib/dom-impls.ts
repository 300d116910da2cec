// Creating a Document explicitly under each DOM implementation the adapters are tested with.
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';

const windows: Window[] = [];

export function linkedomDoc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/**
 * Works around a happy-dom 20.x parser bug: a <style> element inside <svg> ends parsing, so
 * everything after it is lost (`<svg><style>a{}</style></svg><p id=x>` has no #x). SVG styles
 * hold no text, so they are dropped from the input before happy-dom parses it.
 */
export function withoutSvgStyles(html: string): string {
  return html.replace(/<svg\b[\s\S]*?<\/svg>/gi, (svg) => svg.replace(/<style\b[\s\S]*?<\/style>/gi, ''));
}

/** happy-dom with every loader off: a saved page must not run scripts or fetch anything. */
export function happyDoc(raw: string, url = 'https://fixture.invalid/'): Document {
  const html = withoutSvgStyles(raw);
  const w = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  windows.push(w);
  return new w.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export async function closeHappyWindows(): Promise<void> {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
}

export const DOMS = [
  ['linkedom', linkedomDoc],
  ['happy-dom', happyDoc],
] as const;
