import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PixelServer {
  url: string;
  /** Every request path that reached the server, in order. */
  hits: string[];
  close(): Promise<void>;
}

// A 1×1 transparent GIF: what a tracking pixel serves.
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** A tracking pixel on 127.0.0.1 that records who asked for it. */
export async function startPixelServer(): Promise<PixelServer> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'image/gif', 'Content-Length': GIF.length });
    res.end(GIF);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pixel.png`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
