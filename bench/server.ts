// A static server on 127.0.0.1 for the benchmark: each page is a path mapped to a file on disk or
// to an HTML string built in memory (the synthetic scaling pages). Nothing else is served.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type PageSource = { file: string } | { html: string };

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveStatic(routes: ReadonlyMap<string, PageSource>): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const source = routes.get(path);
    if (!source) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = 'file' in source ? readFile(source.file) : Promise.resolve(Buffer.from(source.html));
    body.then(
      (buf) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(buf),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
