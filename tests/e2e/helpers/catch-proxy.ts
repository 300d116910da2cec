// A proxy that forwards nothing: the browser is told to send every request for another host
// through it, so it sees traffic no page or target event reports (e.g. Firefox's extension
// background page). It records the target and refuses; 127.0.0.1 is never proxied.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CaughtRequest {
  method: string;
  /** absolute URL for plain http, "host:port" for CONNECT (https) */
  target: string;
}

export interface CatchProxy {
  port: number;
  caught: CaughtRequest[];
  close(): Promise<void>;
}

export async function startCatchProxy(): Promise<CatchProxy> {
  const caught: CaughtRequest[] = [];
  const server: Server = createServer((req, res) => {
    caught.push({ method: req.method ?? 'GET', target: req.url ?? '' });
    res.writeHead(502, { 'content-type': 'text/plain' }).end('blocked by the e2e catch proxy');
  });
  server.on('connect', (req, socket) => {
    caught.push({ method: 'CONNECT', target: req.url ?? '' });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    caught,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

/** The host a caught request was for ("example.com"), whatever its form. */
export function caughtHost(r: CaughtRequest): string {
  if (r.method === 'CONNECT') return r.target.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  try {
    return new URL(r.target).hostname;
  } catch {
    return r.target;
  }
}
