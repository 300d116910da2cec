// Settings through the real options page: a change applies to a tab that is already open,
// survives reloading both the options page and the tab, and is put back afterwards.
import { expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { optionsPath } from '../../../scripts/lib/launch';
import { lensTraces, serializeAsServed, serializeRaw } from './dom';
import { waitForPanel } from '../../../scripts/lib/panel';
import type { E2eSession } from './session';

const CONTROL = (key: string): string => `[data-setting="${key}"], [name="${key}"]`;

/** Sets a form control the way a user does (select / radio / checkbox / text), firing input + change. */
async function setControl(page: Page, key: string, value: string): Promise<void> {
  await page.waitForSelector(CONTROL(key), { timeout: 10_000 });
  const ok = await page.evaluate((selector, value) => {
    const controls = [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>(selector)];
    const radio = controls.find((c) => c instanceof HTMLInputElement && c.type === 'radio' && c.value === value);
    const target = radio ?? controls[0];
    if (!target) return false;
    if (target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox')) {
      if (target.type === 'checkbox') {
        if (target.checked !== (value === 'true')) target.click();
        return true;
      }
      target.click();
      return true;
    }
    target.value = value;
    target.dispatchEvent(new Event('input', { bubbles: true }));
    target.dispatchEvent(new Event('change', { bubbles: true }));
    return target.value === value;
  }, CONTROL(key), value);
  if (!ok) throw new Error(`options page: cannot set ${key} to ${value}`);
}

async function readControl(page: Page, key: string): Promise<string | null> {
  await page.waitForSelector(CONTROL(key), { timeout: 10_000 });
  return page.evaluate((selector) => {
    const controls = [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>(selector)];
    const first = controls[0];
    if (first instanceof HTMLInputElement && first.type === 'radio') {
      return (controls as HTMLInputElement[]).find((c) => c.checked)?.value ?? null;
    }
    if (first instanceof HTMLInputElement && first.type === 'checkbox') return String(first.checked);
    return first?.value ?? null;
  }, CONTROL(key));
}

// Runs in the page (serialized), so it takes `want` as an argument, not from a closure.
const allCollapsed = (want: string): boolean => {
  const marked = [...document.querySelectorAll('[data-lens-stance]')];
  return marked.length > 0 && marked.every((el) => el.getAttribute('data-lens-collapsed') === want);
};

export function settingsChecks(getSession: () => E2eSession, demoUrl: () => string): void {
  // Background tabs get no animation frames (the extension works in frame slices), so each tab is
  // brought to the front before it is looked at, as a reader would.
  it('a setting changed on the options page applies to an open tab and survives reloads', async () => {
    const session = getSession();
    const tab = await session.open(demoUrl());
    await waitForPanel(tab);
    const options = await session.openExtensionPage(optionsPath(session.kind));
    try {
      expect(await tab.evaluate(allCollapsed, 'false')).toBe(true);

      // "Collapse every comment" on load: the open tab follows without a reload.
      await setControl(options, 'loadMode', 'collapse-all');
      await tab.bringToFront();
      await tab.waitForFunction(allCollapsed, { timeout: 10_000, polling: 100 }, 'true');

      await options.bringToFront();
      await session.reloadExtensionPage(options);
      expect(await readControl(options, 'loadMode')).toBe('collapse-all');
      await tab.bringToFront();
      await tab.reload({ waitUntil: 'load' });
      await waitForPanel(tab);
      await tab.waitForFunction(allCollapsed, { timeout: 10_000, polling: 100 }, 'true');
      await session.screenshot(tab, 'settings-collapse-all');

      // Put it back, which must also reach the open tab.
      await options.bringToFront();
      await setControl(options, 'loadMode', 'expanded');
      await session.screenshot(options, 'options-page');
      await tab.bringToFront();
      await tab.waitForFunction(allCollapsed, { timeout: 10_000, polling: 100 }, 'false');
    } finally {
      await options.close();
      await tab.close();
    }
  }, 90_000);

  it('turning the site off restores the open tab exactly, stays off after a reload, and back on', async () => {
    const session = getSession();
    const host = new URL(demoUrl()).hostname;
    const tab = await session.open(demoUrl());
    await waitForPanel(tab);
    const options = await session.openExtensionPage(optionsPath(session.kind));
    try {
      await options.type('[data-setting="newSite"]', host);
      await options.click('[data-action="site-off"]');
      await tab.bringToFront();
      await tab.waitForFunction(() => !document.querySelector('#comment-lens'), { timeout: 10_000, polling: 100 });
      expect(await lensTraces(tab)).toEqual([]);
      expect(await serializeRaw(tab)).toBe(await serializeAsServed(tab, 'html'));

      await tab.reload({ waitUntil: 'load' });
      await new Promise((ok) => setTimeout(ok, 2_000));
      expect(await lensTraces(tab)).toEqual([]);

      await options.bringToFront();
      await session.reloadExtensionPage(options);
      const backOn = `button[aria-label="Turn Comment Lens back on for ${host}"]`;
      await options.waitForSelector(backOn, { timeout: 10_000 });
      await options.click(backOn);
      await tab.bringToFront();
      await waitForPanel(tab);
    } finally {
      await options.close();
      await tab.close();
    }
  }, 90_000);
}
