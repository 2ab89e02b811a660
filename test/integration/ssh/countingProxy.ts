import { EventEmitter } from 'node:events';
import * as net from 'node:net';

/**
 * A TCP relay on loopback that counts the connections passing through it: the server-side proof that many
 * execs shared one SSH connection. Emits 'close' when a relayed connection ends.
 */
export interface CountingProxy {
  readonly port: number;
  readonly connections: number;
  readonly open: number;
  readonly events: EventEmitter;
  stop(): Promise<void>;
}

export async function startCountingProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<CountingProxy> {
  const events = new EventEmitter();
  const sockets = new Set<net.Socket>();
  let connections = 0;
  let open = 0;
  const server = net.createServer((client) => {
    connections++;
    open++;
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    let closed = false;
    const close = (): void => {
      client.destroy();
      upstream.destroy();
      if (!closed) {
        closed = true;
        open--;
        events.emit('close');
      }
    };
    for (const socket of [client, upstream]) {
      socket.on('error', close);
      socket.on('close', close);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    get connections() {
      return connections;
    },
    get open() {
      return open;
    },
    events,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
