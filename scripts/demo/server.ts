// The demo server: generated pages from seeds/ and saved real pages from tests/fixtures/, on
// 127.0.0.1 with an ephemeral port. It logs every request it receives, so a test can prove that
// nothing but the page itself asked it for anything.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { escapeHtml } from './html';
import { loadSeeds, type DemoSeed, type SeedFailure } from './seeds';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export interface RequestRecord {
  method: string;
  url: string;
  status: number;
  at: number;
}

export interface DemoServer {
  origin: string;
  seeds: DemoSeed[];
  failures: SeedFailure[];
  requests: RequestRecord[];
  seedUrl(name: string): string;
  plainUrl(name: string): string;
  fixtureUrl(relPath: string): string;
  /** a saved real page with <html data-comment-lens-adapters="off">: read by the structural finder alone */
  finderOnlyUrl(relPath: string): string;
  /** a static e2e test page from tests/e2e/pages/ (see PAGE_HEADERS for per-page headers) */
  testPageUrl(name: string): string;
  close(): Promise<void>;
}

export interface ServerOptions {
  seedsDir?: string;
  fixturesDir?: string;
  /** static e2e test pages, served under /e2e/ */
  pagesDir?: string;
  /** called with one line per request (the CLI prints them) */
  log?: (line: string) => void;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.css': 'text/css',
  '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
};

function indexPage(seeds: DemoSeed[], failures: SeedFailure[]): string {
  const items = seeds.map((s) => `<li><a href="/seed/${encodeURIComponent(s.name)}.html">${escapeHtml(s.name)}</a>`
    + ` (${s.thread.comments.length} comments) · <a href="/plain/${encodeURIComponent(s.name)}.html">without comments</a></li>`);
  const broken = failures.map((f) => `<li>${escapeHtml(f.name)}: ${escapeHtml(f.error)}</li>`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Comment Lens demo</title></head>
<body><h1>Comment Lens demo pages</h1><ul>${items.join('')}</ul>${broken.length ? `<h2>Seeds that failed to parse</h2><ul>${broken.join('')}</ul>` : ''}
<p>Saved real pages: <code>/fixtures/&lt;path under tests/fixtures&gt;</code></p></body></html>`;
}

// Extra response headers for some e2e test pages: the strict-CSP page must get its policy as a
// real header (a <meta> policy would not be the same test).
const PAGE_HEADERS: Record<string, Record<string, string>> = {
  'csp-strict.html': { 'content-security-policy': "default-src 'none'; style-src 'self'; script-src 'self'" },
};

async function serveFile(res: ServerResponse, dir: string, rel: string, headers: Record<string, string> = {}): Promise<number> {
  const file = resolve(dir, rel);
  // Refuse anything that would leave the fixtures folder ("..", encoded or not).
  if (file !== dir && !file.startsWith(dir + sep)) return 403;
  try {
    if (!(await stat(file)).isFile()) return 404;
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', ...headers });
    res.end(body);
    return 200;
  } catch {
    return 404;
  }
}

/**
 * A saved page as served, but for one attribute on its <html> tag that switches the site adapters
 * off for that page (src/sites/detect.ts): the e2e run then sees what the finder alone reads.
 */
async function serveFinderOnly(res: ServerResponse, dir: string, rel: string): Promise<number> {
  const file = resolve(dir, rel);
  if (file !== dir && !file.startsWith(dir + sep)) return 403;
  if (extname(file).toLowerCase() !== '.html') return 404;
  try {
    const text = await readFile(file, 'utf8');
    // the real <html> tag: not one inside a comment (IE conditional comments repeat it)
    const at = [...text.matchAll(/<!--[\s\S]*?-->|<html[\s>]/gi)].find((m) => !m[0].startsWith('<!'))?.index ?? -1;
    if (at < 0) return 404;
    res.writeHead(200, { 'content-type': TYPES['.html'] ?? 'text/html', 'cache-control': 'no-store' });
    res.end(`${text.slice(0, at + 5)} data-comment-lens-adapters="off"${text.slice(at + 5)}`);
    return 200;
  } catch {
    return 404;
  }
}

export async function startDemoServer(options: ServerOptions = {}): Promise<DemoServer> {
  const fixturesDir = resolve(options.fixturesDir ?? join(ROOT, 'tests/fixtures'));
  const pagesDir = resolve(options.pagesDir ?? join(ROOT, 'tests/e2e/pages'));
  const { seeds, failures } = loadSeeds(options.seedsDir ?? join(ROOT, 'seeds'));
  const byName = new Map(seeds.map((s) => [s.name, s]));
  const requests: RequestRecord[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<number> => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const html = (body: string): number => {
      res.writeHead(200, { 'content-type': TYPES['.html'] ?? 'text/html', 'cache-control': 'no-store' });
      res.end(body);
      return 200;
    };
    if (path === '/') return html(indexPage(seeds, failures));
    if (path === '/favicon.ico') return 204;
    const page = /^\/(seed|plain)\/(.+)\.html$/.exec(path);
    if (page) {
      const seed = byName.get(page[2] ?? '');
      if (!seed) return 404;
      return html(page[1] === 'seed' ? seed.withComments : seed.plain);
    }
    if (path.startsWith('/fixtures/')) return serveFile(res, fixturesDir, path.slice('/fixtures/'.length));
    if (path.startsWith('/finder-only/')) return serveFinderOnly(res, fixturesDir, path.slice('/finder-only/'.length));
    if (path.startsWith('/e2e/')) {
      const rel = path.slice('/e2e/'.length);
      return serveFile(res, pagesDir, rel, { 'cache-control': 'no-store', ...PAGE_HEADERS[rel] });
    }
    return 404;
  };

  const server = createServer((req, res) => {
    handle(req, res)
      .catch(() => 500)
      .then((status) => {
        if (!res.headersSent && status === 204) res.writeHead(204).end();
        else if (!res.headersSent) res.writeHead(status, { 'content-type': 'text/plain' }).end(String(status));
        requests.push({ method: req.method ?? 'GET', url: req.url ?? '', status, at: Date.now() });
        options.log?.(`${req.method} ${req.url} ${status}`);
      });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin, seeds, failures, requests,
    seedUrl: (name) => `${origin}/seed/${encodeURIComponent(name)}.html`,
    plainUrl: (name) => `${origin}/plain/${encodeURIComponent(name)}.html`,
    fixtureUrl: (rel) => `${origin}/fixtures/${rel.split('/').map(encodeURIComponent).join('/')}`,
    finderOnlyUrl: (rel) => `${origin}/finder-only/${rel.split('/').map(encodeURIComponent).join('/')}`,
    testPageUrl: (name) => `${origin}/e2e/${name.split('/').map(encodeURIComponent).join('/')}`,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

// `npx tsx scripts/demo/server.ts` (npm run demo): serve until Ctrl+C, printing every request.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const demo = await startDemoServer({ log: (line) => console.log(`[demo-server] ${line}`) });
  console.log(`Demo server on ${demo.origin}/`);
  for (const s of demo.seeds) console.log(`  ${demo.seedUrl(s.name)}  (plain: ${demo.plainUrl(s.name)})`);
  for (const f of demo.failures) console.error(`  seed ${f.name} failed to parse: ${f.error}`);
}
