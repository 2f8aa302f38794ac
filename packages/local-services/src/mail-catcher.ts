import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { getFreePort } from './ports';
import type { StartedService } from './postgres';
import type { MailEndpoint, MailMessage } from './types';

// Bounds memory when something mails in a loop; the JSONL file keeps everything.
const MAX_MESSAGES = 1000;
const MAX_SIZE = 10 * 1024 * 1024;

const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function listen(server: { listen(port: number, host: string, cb: () => void): unknown }, port: number) {
  return new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5rem;color:#222}table{border-collapse:collapse;width:100%}
td,th{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}tr:hover{background:#f5f7fa}
a{color:#0b5cad;text-decoration:none}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}
iframe{width:100%;height:60vh;border:1px solid #ccc}.muted{color:#777}</style></head><body>${body}</body></html>`;
}

function listPage(messages: MailMessage[]): string {
  const rows = messages
    .map(
      (m) => `<tr><td class="muted">${escapeHtml(new Date(m.date).toLocaleString())}</td>
<td>${escapeHtml(m.to.join(', '))}</td><td>${escapeHtml(m.from)}</td>
<td><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('');
  return page(
    'Mail catcher',
    `<h1>Mail catcher</h1><p class="muted">${messages.length} message(s), newest first. JSON: <a href="/api/messages">/api/messages</a></p>
<table><tr><th>Received</th><th>To</th><th>From</th><th>Subject</th></tr>${rows}</table>
<script>setTimeout(() => location.reload(), 5000)</script>`,
  );
}

function messagePage(m: MailMessage): string {
  // The HTML body is shown in a sandboxed frame: no scripts, no access to this page.
  const html = m.html ? `<h2>HTML</h2><iframe sandbox srcdoc="${escapeHtml(m.html)}"></iframe>` : '';
  return page(
    m.subject,
    `<p><a href="/">&larr; all messages</a></p><h1>${escapeHtml(m.subject || '(no subject)')}</h1>
<p>From: ${escapeHtml(m.from)}<br>To: ${escapeHtml(m.to.join(', '))}<br>Received: ${escapeHtml(m.date)}</p>
<h2>Text</h2><pre>${escapeHtml(m.text)}</pre>${html}`,
  );
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

/** In-process SMTP server that keeps every message for the web page, the JSON API and tests. */
export async function startMailCatcher(opts: {
  dataDir: string;
  log: (line: string) => void;
}): Promise<StartedService<MailEndpoint>> {
  const dir = path.join(opts.dataDir, 'mail');
  fs.mkdirSync(dir, { recursive: true });
  const jsonl = path.join(dir, 'messages.jsonl');
  const messages: MailMessage[] = [];

  const smtp = new SMTPServer({
    authOptional: true,
    // Plain SMTP only: no certificate to manage, clients must not try STARTTLS.
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'CloudStorage Pro mail catcher',
    size: MAX_SIZE,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          const message: MailMessage = {
            id: crypto.randomUUID(),
            from: parsed.from?.text || envelopeFrom,
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html || null,
            date: new Date().toISOString(),
          };
          messages.push(message);
          if (messages.length > MAX_MESSAGES) messages.shift();
          fs.appendFileSync(jsonl, JSON.stringify(message) + '\n');
          opts.log(`[mail] ${message.to.join(', ')}: ${message.subject}`);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  smtp.on('error', (error) => opts.log(`[mail] SMTP error: ${error.message}`));

  const newestFirst = (to: string | null): MailMessage[] => {
    const wanted = to?.trim().toLowerCase();
    return messages.filter((m) => !wanted || m.to.includes(wanted)).reverse();
  };

  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let parts: string[];
    try {
      parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return sendJson(res, 400, { error: 'bad path' });
    }
    const find = (id: string): MailMessage | undefined => messages.find((m) => m.id === id);
    if (req.method === 'GET' && parts.length === 0) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(listPage(newestFirst(url.searchParams.get('to'))));
    } else if (req.method === 'GET' && parts[0] === 'messages' && parts.length === 2) {
      const message = find(parts[1]);
      res.writeHead(message ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        message ? messagePage(message) : page('Not found', '<p>No such message. <a href="/">Back</a></p>'),
      );
    } else if (parts[0] === 'api' && parts[1] === 'messages' && parts.length === 2 && req.method === 'GET') {
      sendJson(res, 200, newestFirst(url.searchParams.get('to')));
    } else if (
      parts[0] === 'api' &&
      parts[1] === 'messages' &&
      parts.length === 2 &&
      req.method === 'DELETE'
    ) {
      messages.length = 0;
      res.writeHead(204).end();
    } else if (parts[0] === 'api' && parts[1] === 'messages' && parts.length === 3 && req.method === 'GET') {
      const message = find(parts[2]);
      if (message) sendJson(res, 200, message);
      else sendJson(res, 404, { error: 'not found' });
    } else {
      sendJson(res, 404, { error: 'not found' });
    }
  });

  const [smtpPort, webPort] = [await getFreePort(), await getFreePort()];
  await listen(smtp, smtpPort);
  await listen(web, webPort);

  const stop = async (): Promise<void> => {
    web.closeAllConnections();
    await Promise.all([
      new Promise<void>((resolve) => web.close(() => resolve())),
      new Promise<void>((resolve) => smtp.close(() => resolve())),
    ]);
  };
  return {
    endpoint: { smtpHost: '127.0.0.1', smtpPort, webUrl: `http://127.0.0.1:${webPort}` },
    stop,
  };
}
