// A host page on another origin (127.0.0.1 on a port of its own), for the embedding checks:
// pages the test writes, served on loopback; the test closes it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ForeignHost {
  url: string;
  close(): Promise<void>;
}

/** Serves `pages` (path → HTML) on a free loopback port. */
export async function startForeignHost(pages: Record<string, () => string>): Promise<ForeignHost> {
  const server = http.createServer((req, res) => {
    const page = pages[req.url ?? '/'];
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ? page() : 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
