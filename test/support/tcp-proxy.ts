// A TCP proxy on a free loopback port in front of one server, that a test can cut: a network
// partition between one process and that server, while everything else still reaches it.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { freePort } from './nats-server.ts';

export class TcpProxy {
  readonly port: number;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly targetPort: number;

  private constructor(port: number, targetPort: number) {
    this.port = port;
    this.targetPort = targetPort;
  }

  /** Starts forwarding a free loopback port to 127.0.0.1:`targetPort`. */
  static async start(targetPort: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(await freePort(), targetPort);
    await proxy.open();
    return proxy;
  }

  /** Accepts and forwards connections (again, after cut()). */
  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  /** Drops every connection and refuses new ones until open(). */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
