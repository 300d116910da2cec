// Starts Debian's Chromium or Firefox ESR with the BUILT extension (dist/<browser>) loaded, through
// puppeteer-core (never a browser download). One launch per test file: Firefox takes seconds.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type LaunchOptions } from 'puppeteer-core';

export type BrowserKind = 'chromium' | 'firefox';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const ARTIFACTS = join(ROOT, 'artifacts');

export const EXECUTABLES: Record<BrowserKind, string> = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
};

// Chromium's own background lookups (updates, safe browsing, sync...) must not blur the
// no-network check: every host but 127.0.0.1 resolves to nothing.
const HOST_RULES = '--host-resolver-rules=';
const NO_OTHER_HOSTS = 'MAP * ~NOTFOUND , EXCLUDE 127.0.0.1';
const CHROMIUM_ARGS = [
  '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
  '--disable-dev-shm-usage', '--window-size=1280,900',
];

export interface LensBrowser {
  kind: BrowserKind;
  browser: Browser;
  /** chrome-extension://<id> or moz-extension://<uuid>, no trailing slash */
  extensionOrigin: string;
  extensionId: string;
  close(): Promise<void>;
}

/** dist/<browser>; E2E_DIST=/other/dist runs the same tests against another build. */
export function extensionDir(kind: BrowserKind): string {
  return join(process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(ROOT, 'dist'), kind);
}

interface Manifest {
  browser_specific_settings?: { gecko?: { id?: string } };
  applications?: { gecko?: { id?: string } };
  options_ui?: { page?: string };
  options_page?: string;
}

export function readManifest(kind: BrowserKind): Manifest {
  return JSON.parse(readFileSync(join(extensionDir(kind), 'manifest.json'), 'utf8')) as Manifest;
}

export interface LaunchOpts {
  headless?: boolean;
  /** send every request for another host to this local port (see catch-proxy.ts) */
  proxyPort?: number;
  /**
   * More Chromium switches. A --host-resolver-rules=... among them is put before the rule above
   * (first match wins) in the one --host-resolver-rules switch, e.g. "MAP disqus.com 127.0.0.1:PORT".
   */
  extraArgs?: string[];
  /** more Firefox preferences (e.g. a short background idle timeout for a cold-start bench) */
  firefoxPrefs?: Record<string, string | number | boolean>;
}

/** One --host-resolver-rules switch: the caller's rules first, then "every other host fails". */
function chromiumArgs(extra: readonly string[]): string[] {
  const rules = extra.filter((a) => a.startsWith(HOST_RULES)).map((a) => a.slice(HOST_RULES.length));
  return [`${HOST_RULES}${[...rules, NO_OTHER_HOSTS].join(', ')}`, ...CHROMIUM_ARGS,
    ...extra.filter((a) => !a.startsWith(HOST_RULES))];
}

export async function launchWithExtension(kind: BrowserKind, opts: LaunchOpts = {}): Promise<LensBrowser> {
  const built = extensionDir(kind);
  if (!existsSync(join(built, 'manifest.json'))) {
    throw new Error(`${built}/manifest.json is missing: run \`npm run build\` first`);
  }
  // Load a snapshot: a rebuild of dist/ during the run would otherwise pull files from under the
  // running extension (Chromium then reports chrome-extension://invalid/ from the content script).
  const dir = mkdtempSync(join(tmpdir(), `comment-lens-${kind}-`));
  cpSync(built, dir, { recursive: true });
  if (!existsSync(EXECUTABLES[kind])) {
    throw new Error(`${EXECUTABLES[kind]} is missing: run \`apt-get install -y ${kind === 'chromium' ? 'chromium' : 'firefox-esr'}\``);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const headless = opts.headless ?? true;
  const asRoot = process.getuid?.() === 0;

  if (kind === 'chromium') {
    const options: LaunchOptions = {
      executablePath: EXECUTABLES.chromium, headless, pipe: true, enableExtensions: true,
      // Our callers close the browser themselves (the demo on Ctrl+C), and clean up after it.
      handleSIGINT: false,
      args: [...chromiumArgs(opts.extraArgs ?? []), ...(asRoot ? ['--no-sandbox'] : []),
        // Loopback is never proxied, so the pages' own 127.0.0.1 requests go straight to the server.
        ...(opts.proxyPort ? [`--proxy-server=http://127.0.0.1:${opts.proxyPort}`] : [])],
      defaultViewport: headless ? { width: 1280, height: 900 } : null,
    };
    const browser = await puppeteer.launch(options);
    // The launch option alone does not wait for the extension: install and await it.
    const extensionId = await browser.installExtension(dir);
    return { kind, browser, extensionId, extensionOrigin: `chrome-extension://${extensionId}`, close: () => closeAndClean(browser, dir) };
  }

  // Firefox gives each add-on a random moz-extension UUID; pinning it through this pref is the
  // only way to know the options page URL in advance.
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const geckoId = manifest.browser_specific_settings?.gecko?.id ?? manifest.applications?.gecko?.id;
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: EXECUTABLES.firefox, headless, handleSIGINT: false,
    // Lets the test drive moz-extension:// pages (the options page).
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      ...(geckoId ? { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }) } : {}),
      // Firefox has no --host-resolver-rules: a proxy that refuses (the catch proxy, else the
      // discard port 9) makes every request to another host fail at once; 127.0.0.1 is never proxied.
      'network.proxy.type': 1, 'network.proxy.share_proxy_settings': true,
      'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': opts.proxyPort ?? 9,
      'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': opts.proxyPort ?? 9,
      ...opts.firefoxPrefs,
    },
  });
  const extensionId = await browser.installExtension(dir);
  if (!geckoId) console.warn(`[e2e] dist/firefox/manifest.json has no gecko id; got ${extensionId}, options page unreachable`);
  return { kind, browser, extensionId, extensionOrigin: `moz-extension://${uuid}`, close: () => closeAndClean(browser, dir) };
}

async function closeAndClean(browser: Browser, dir: string): Promise<void> {
  try {
    await browser.close();
  } finally {
    // Also when the browser already died (Ctrl+C reaches it too).
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The options page's path inside the built extension, as the manifest declares it. */
export function optionsPath(kind: BrowserKind): string {
  const m = readManifest(kind);
  return (m.options_ui?.page ?? m.options_page ?? 'src/options/index.html').replace(/^\//, '');
}
