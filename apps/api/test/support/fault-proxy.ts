import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of the real MinIO that can be switched to behave like a stopped server
 * (connections reset) after a given number of forwarded requests: the way to stop MinIO exactly
 * in the middle of a multi-step operation without disturbing other tests.
 */
export class FaultProxy {
  private server?: http.Server;
  private forwarded = 0;
  private failAfter = Infinity;
  readonly seen: string[] = [];

  constructor(private readonly target: string) {}

  async start(): Promise<string> {
    const target = new URL(this.target);
    this.server = http.createServer((req, res) => {
      if (this.forwarded >= this.failAfter) {
        req.socket.destroy();
        return;
      }
      this.forwarded += 1;
      this.seen.push(`${req.method} ${req.url?.split('?')[0]}`);
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => req.socket.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** Forward `n` more requests, then act as if MinIO were down. */
  stopAfter(n: number) {
    this.forwarded = 0;
    this.failAfter = n;
    this.seen.length = 0;
  }

  heal() {
    this.failAfter = Infinity;
  }

  async close() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
