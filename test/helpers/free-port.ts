import { createServer } from 'node:net';

/** A port nothing listens on at `address` right now (a loopback "office network" address in tests). */
export function freePortOn(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, address, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
