// A static server on 127.0.0.1 with an ephemeral port: serves a fixed map of paths to files and
// records every request it gets, so tests can tell the page's own requests from anything else.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedRequest {
  method: string;
  path: string;
}

export interface StaticServer {
  origin: string;
  url(path: string): string;
  /** Every request received so far, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

/** Starts a server for `files` (URL path → absolute file path); other paths answer 404. */
export async function serveFiles(
  files: Record<string, string>,
  headers: Record<string, Record<string, string>> = {},
): Promise<StaticServer> {
  const bodies = new Map(Object.entries(files).map(([path, file]) => [path, readFileSync(file)]));
  const requests: ServedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ method: req.method ?? 'GET', path });
    const body = bodies.get(path);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const type = path.endsWith('.png') ? 'image/png' : 'text/html; charset=utf-8';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers[path] });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
