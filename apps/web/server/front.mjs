// The web server's front door: the only process that sees the visitor's socket, so the only one
// that can say who the client is. Next.js (`next start`) listens on loopback behind it, on a port
// nobody is told about; this server owns the public port and streams every request to Next.
//
// For each request it
// - refuses bodies over 1 MiB (the API's own limit) with 413, by Content-Length at once, or by
//   counting a chunked body while it streams, so nothing large is ever held in memory;
// - drops the client's X-Forwarded-*, Forwarded, X-Real-IP and GEO_HEADER unless the socket peer
//   is one of TRUSTED_PROXIES (a reverse proxy or CDN in front of the platform), and always drops
//   the client's copy of the internal headers;
// - sets x-csp-client-ip (the socket address, or behind a trusted proxy the right-most untrusted
//   hop of X-Forwarded-For) and x-csp-proxy-secret (WEB_PROXY_SECRET). The /api proxy route and
//   server components pass exactly these on, and the API believes the address only with the
//   secret (apps/api/src/common/client-address.ts).
//
// Environment: PORT (public port, 3000), HOST (0.0.0.0), NEXT_URL (where Next listens,
// http://127.0.0.1:3002), WEB_PROXY_SECRET (required, the API's value), TRUSTED_PROXIES
// (comma-separated IPs/CIDRs, none by default) and GEO_HEADER (as the API's).
// No websockets: production `next start` needs none. Started by scripts/lib/platform.mjs.
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { addressList, forwardedHeaders, language } from './client-address.mjs';

export const BODY_LIMIT_BYTES = 1024 * 1024;

const MESSAGES = {
  payload_too_large: {
    'pt-BR': 'O corpo da requisição passa do limite de 1 MiB.',
    en: 'The request body is over the 1 MiB limit.',
  },
  web_unavailable: {
    'pt-BR': 'Não foi possível falar com o servidor agora. Tente novamente em instantes.',
    en: 'We could not reach the server right now. Please try again shortly.',
  },
};
const DROPPED_RESPONSE_HEADERS = ['connection', 'keep-alive', 'transfer-encoding'];

/**
 * @param {{ port: number, host: string, nextUrl: string, secret: string, trustedProxies?: string,
 *   geoHeader?: string }} options
 * @returns {Promise<http.Server>}
 */
export function startFrontServer(options) {
  if (!options.secret) throw new Error('WEB_PROXY_SECRET is required (the same value as the API)');
  const trustedProxies = addressList(options.trustedProxies);
  const next = new URL(options.nextUrl);
  // A new loopback connection per request: reusing idle ones races Next closing them (its 5 s
  // keep-alive timeout), which would fail a request now and then.
  const agent = new http.Agent({ keepAlive: false });

  const server = http.createServer((req, res) => {
    let finished = false;
    /** An answer of our own in the API's error shape; the connection closes after it. */
    const refuse = (statusCode, code) => {
      if (finished) return;
      finished = true;
      if (res.headersSent) return void res.destroy();
      // Read no more of the body: TCP back-pressure holds the client after a few MiB of
      // socket buffers.
      req.off('data', count);
      req.unpipe();
      req.read(0);
      req.pause();
      // Node closes the socket right after an answer to a request whose body is left unread, and
      // closing with unread bytes makes the kernel reset the connection, so the client may never
      // see the answer. End our side instead, and cut the connection a second later.
      const socket = req.socket;
      socket.destroySoon = () => {
        socket.end();
        setTimeout(() => socket.destroy(), 1000).unref();
      };
      const body = JSON.stringify({ statusCode, code, message: MESSAGES[code][language(req.headers)] });
      res.writeHead(statusCode, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        connection: 'close',
      });
      res.end(body);
    };
    let received = 0;
    const count = (chunk) => {
      received += chunk.length;
      if (received <= BODY_LIMIT_BYTES) return;
      upstream.destroy();
      refuse(413, 'payload_too_large');
    };

    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > BODY_LIMIT_BYTES) return refuse(413, 'payload_too_large');
    const upstream = http.request(
      {
        host: next.hostname,
        port: next.port,
        method: req.method,
        path: req.url,
        agent,
        headers: forwardedHeaders(req.headers, {
          peer: req.socket.remoteAddress ?? '',
          trustedProxies,
          geoHeader: options.geoHeader,
          secret: options.secret,
        }),
      },
      (answer) => {
        if (finished) return void answer.resume();
        const headers = { ...answer.headers };
        for (const name of DROPPED_RESPONSE_HEADERS) delete headers[name];
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
        answer.on('end', () => (finished = true));
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', () => refuse(502, 'web_unavailable'));
    // The visitor went away: stop working for it.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });

    req.on('data', count);
    req.pipe(upstream);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const env = process.env;
  const server = await startFrontServer({
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    nextUrl: env.NEXT_URL ?? 'http://127.0.0.1:3002',
    secret: env.WEB_PROXY_SECRET ?? '',
    trustedProxies: env.TRUSTED_PROXIES,
    geoHeader: env.GEO_HEADER,
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
}
