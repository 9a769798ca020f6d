import net from 'node:net';

/**
 * A TCP port nothing listens on right now, chosen by the operating system. A fixed or random range is not
 * safe on these machines: other services (a message broker on 4222, for one) live in it.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
