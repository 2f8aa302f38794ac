import net from 'node:net';
import fs from 'node:fs';

// Ports handed out by this process: two services starting in parallel must not get the same one
// between our probe and their own bind.
const handedOut = new Set<number>();

function listenOnce(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(bound));
    });
  });
}

async function isFree(port: number, host: string): Promise<boolean> {
  try {
    await listenOnce(port, host);
    return true;
  } catch {
    return false;
  }
}

/** A free TCP port on 127.0.0.1, found by letting the kernel pick one. */
export async function getFreePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await listenOnce(0, '127.0.0.1');
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error('could not find a free port on 127.0.0.1');
}

function ephemeralRange(): [number, number] {
  try {
    const [low, high] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    return [Number(low), Number(high)];
  } catch {
    return [32768, 60999];
  }
}

/**
 * A range of `count` consecutive ports that are free on all interfaces. Picked below the kernel's
 * ephemeral range so outgoing connections do not take them later.
 */
export async function getFreePortRange(count: number): Promise<[number, number]> {
  const [ephemeralLow] = ephemeralRange();
  const high = ephemeralLow > 20000 ? ephemeralLow - count : 65535 - count;
  const low = 20000 < high ? 20000 : 1024;
  for (let attempt = 0; attempt < 50; attempt++) {
    const start = low + Math.floor(Math.random() * (high - low));
    let ok = true;
    for (let port = start; port < start + count && ok; port++) {
      // Probe 0.0.0.0 because that is where the FTP server binds passive sockets.
      ok = !handedOut.has(port) && (await isFree(port, '0.0.0.0'));
    }
    if (ok) {
      for (let port = start; port < start + count; port++) handedOut.add(port);
      return [start, start + count - 1];
    }
  }
  throw new Error(`could not find ${count} consecutive free ports`);
}
