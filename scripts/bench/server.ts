// The bench's page server on 127.0.0.1 (random port): /blank.html, /comments/<n>.html (generated
// once per size, cached) and /no-comments/<name>.html from tests/fixtures/no-comments. The fixtures
// go out with a CSP that blocks page scripts: the page's own scripts would blur the detector's
// cost, while extension content scripts are not subject to the page's CSP.
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { renderBenchPage } from './page';

export interface BenchServer {
  origin: string;
  noComments: string[];
  close(): Promise<void>;
}

/** `maxFixtures` limits the no-comments pages (quick runs); all by default. */
export async function startBenchServer(root: string, maxFixtures = Infinity): Promise<BenchServer> {
  const fixtures = join(root, 'tests/fixtures/no-comments');
  const noComments = readdirSync(fixtures).filter((f) => f.endsWith('.html') && !f.endsWith('.expected.html')).sort()
    .slice(0, maxFixtures);
  const cache = new Map<number, Buffer>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const html = (body: Buffer | string, csp?: string): void => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...(csp ? { 'content-security-policy': csp } : {}) });
      res.end(body);
    };
    const sized = /^\/comments\/(\d+)\.html$/.exec(path);
    if (path === '/blank.html') return html('<!DOCTYPE html><title>blank</title>');
    if (sized) {
      const n = Number(sized[1]);
      if (!cache.has(n)) cache.set(n, Buffer.from(renderBenchPage(n)));
      return html(cache.get(n)!);
    }
    const fixture = /^\/no-comments\/([\w.-]+\.html)$/.exec(path)?.[1];
    if (fixture && noComments.includes(fixture)) return html(readFileSync(join(fixtures, fixture)), "script-src 'none'");
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    noComments,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
