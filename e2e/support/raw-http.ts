import fs from 'node:fs';
import http from 'node:http';

export interface RawReply {
  status: number;
  body: Record<string, unknown>;
  /** `name=value` of every Set-Cookie, ready for a Cookie header. */
  cookies: string[];
}

/**
 * One HTTP request to a platform origin with nothing added (unlike fetch, which cannot choose
 * the client's address): `localAddress` picks the loopback address the request comes from, so a
 * test can be "a trusted reverse proxy" (127.0.0.2 in e2e/platform-setup.ts) or a client of its
 * own whose per-address limits touch nobody else's.
 */
export function rawRequest(
  origin: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; localAddress?: string } = {},
): Promise<RawReply> {
  const url = new URL(origin);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        // The origin may say "localhost": connect to IPv4 loopback, where the servers listen.
        host: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname,
        port: url.port,
        method,
        path,
        localAddress: options.localAddress,
        agent: false,
        headers: {
          host: url.host,
          'accept-language': 'en',
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            body: text && (response.headers['content-type'] ?? '').includes('json') ? JSON.parse(text) : {},
            cookies: (response.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]),
          });
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** Resident set size of a process in bytes (Linux /proc; 0 once it is gone). */
export function rssBytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
  } catch {
    return 0;
  }
}

/** The processes and all their descendants (`next start` runs its server in a child process). */
export function withDescendants(pids: number[]): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [...pids];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/**
 * POSTs `totalBytes` of filler (chunked, so no Content-Length announces the size) and stops
 * writing as soon as an answer arrives. Reports how many bytes had been written by then and the
 * largest growth of the summed RSS of `pids` and their descendants while it ran.
 */
export function streamFiller(
  origin: string,
  path: string,
  totalBytes: number,
  pids: number[],
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; writtenAtAnswer: number; rssGrowth: number }> {
  const url = new URL(origin);
  const tree = withDescendants(pids);
  const sumRss = () => tree.reduce((sum, pid) => sum + rssBytes(pid), 0);
  const baseline = sumRss();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, sumRss())), 20);
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const request = http.request({
      host: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname,
      port: url.port,
      method: 'POST',
      path,
      agent: false,
      headers: {
        host: url.host,
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
        ...headers,
      },
    });
    request.on('response', (response) => {
      answered = true;
      const writtenAtAnswer = written;
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        clearInterval(sampler);
        peak = Math.max(peak, sumRss());
        request.destroy();
        const text = Buffer.concat(chunks).toString('utf8');
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(text) as Record<string, unknown>;
        } catch {
          body = { text };
        }
        resolve({ status: response.statusCode ?? 0, body, writtenAtAnswer, rssGrowth: peak - baseline });
      });
    });
    request.on('error', (error) => {
      if (answered) return;
      clearInterval(sampler);
      reject(error);
    });
    const pump = () => {
      while (!answered && written < totalBytes) {
        written += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!answered) request.end();
    };
    pump();
  });
}
