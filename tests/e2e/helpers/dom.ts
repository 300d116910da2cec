// Serializes (part of) the live page with the extension's own traces removed — attributes named
// data-lens-* and nodes marked [data-lens-own] — so "the page is exactly as it was" is a string compare.
import type { Page } from 'puppeteer-core';

/** Serialization of `selector` (or the whole document) minus our attributes and nodes. */
export async function serializeWithoutLens(page: Page, selector?: string): Promise<string> {
  return page.evaluate((selector) => {
    const source = selector ? document.querySelector(selector) : document.documentElement;
    if (!source) return `<missing ${selector}>`;
    const clone = source.cloneNode(true) as Element;
    for (const own of clone.querySelectorAll('[data-lens-own], #comment-lens')) own.remove();
    for (const el of [clone, ...clone.querySelectorAll('*')]) {
      for (const name of el.getAttributeNames()) if (name.startsWith('data-lens-')) el.removeAttribute(name);
    }
    return clone.outerHTML;
  }, selector);
}

/** Raw serialization: every attribute and node, ours included. */
export async function serializeRaw(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.outerHTML);
}

/** The same part of the page, as the browser parses the HTML the server sent (no script ran). */
export async function serializeAsServed(page: Page, selector: string): Promise<string> {
  return page.evaluate(async (selector) => {
    const html = await (await fetch(location.href)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return doc.querySelector(selector)?.outerHTML ?? `<missing ${selector}>`;
  }, selector);
}

/** Everything our extension left in the page: the host, any data-lens-* attribute, any own node. */
export async function lensTraces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if (document.querySelector('#comment-lens')) found.push('#comment-lens');
    for (const el of document.querySelectorAll('*')) {
      if (el.hasAttribute('data-lens-own')) found.push(`<${el.localName} data-lens-own>`);
      for (const name of el.getAttributeNames()) if (name.startsWith('data-lens-')) found.push(`${el.localName}[${name}]`);
    }
    return found;
  });
}
