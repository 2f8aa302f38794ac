import type { MailMessage } from './types';

export interface ReadMailOptions {
  /** Recipient address (envelope, case-insensitive). */
  to: string;
  subjectIncludes?: string;
  /** Ignore messages received before this moment (e.g. a previous sign-up mail). */
  since?: Date;
  /** Default 15 s. */
  timeoutMs?: number;
}

/** Messages of the mail catcher at `webUrl`, newest first, optionally only those to `to`. */
export async function listMail(webUrl: string, to?: string): Promise<MailMessage[]> {
  const url = new URL('/api/messages', webUrl);
  if (to) url.searchParams.set('to', to);
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as MailMessage[];
}

export async function clearMail(webUrl: string): Promise<void> {
  const response = await fetch(new URL('/api/messages', webUrl), { method: 'DELETE' });
  if (!response.ok) throw new Error(`DELETE /api/messages answered ${response.status}`);
}

/** Waits for the newest message to `to` that matches, e.g. to read a sign-up code in a test. */
export async function readMail(webUrl: string, options: ReadMailOptions): Promise<MailMessage> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;
  const matches = (m: MailMessage): boolean =>
    (!options.subjectIncludes || m.subject.includes(options.subjectIncludes)) &&
    (!options.since || new Date(m.date).getTime() >= options.since.getTime());
  let seen: MailMessage[] = [];
  for (;;) {
    seen = await listMail(webUrl, options.to);
    const found = seen.find(matches);
    if (found) return found;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const subjects = seen.map((m) => JSON.stringify(m.subject)).join(', ') || 'none';
  throw new Error(
    `no mail to ${options.to}${options.subjectIncludes ? ` with subject including "${options.subjectIncludes}"` : ''} ` +
      `within ${timeoutMs} ms (subjects seen for that address: ${subjects})`,
  );
}
