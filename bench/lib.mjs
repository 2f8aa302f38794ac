// Helpers shared by the benchmarks: figures, memory read from /proc, test data.
import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs';
import { generate as generateTotp } from 'otplib';
import { readMail } from '@csp/local-services';

/** A CPF with valid check digits (sign-up validates them). */
export function randomCpf() {
  const d = Array.from({ length: 9 }, () => randomInt(0, 10));
  if (d.every((x) => x === d[0])) d[0] = (d[0] + 1) % 10;
  const check = (digits) => {
    const sum = digits.reduce((acc, x, i) => acc + x * (digits.length + 1 - i), 0);
    const rest = sum % 11;
    return rest < 2 ? 0 : 11 - rest;
  };
  d.push(check(d));
  d.push(check(d));
  return d.join('');
}

export function expectStatus(response, status, what) {
  if (response.status !== status) {
    throw new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** Linear interpolation between closest ranks (numpy's default), on a sorted copy. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function summary(values) {
  return {
    median: percentile(values, 0.5),
    p90: percentile(values, 0.9),
    p95: percentile(values, 0.95),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** pid -> parent pid for every process visible in /proc. */
export function parentMap() {
  const parents = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) may contain spaces and parentheses: parse after the last ')'.
      const [, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(ppid));
    } catch {
      // the process exited while we were looking
    }
  }
  return parents;
}

export function processTree(rootPid, parents) {
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/** A field of /proc/<pid>/status or smaps_rollup in KiB (0 when the process is gone). */
export function procKiB(pid, file, field) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Memory of a process and all its descendants (`alone`: of the process only). */
export function memoryOf(rootPid, parents, { alone = false } = {}) {
  const tree = alone ? [rootPid] : processTree(rootPid, parents);
  const pids = rootPid ? tree.filter((pid) => fs.existsSync(`/proc/${pid}`)) : [];
  const sum = (file, field) => pids.reduce((acc, pid) => acc + procKiB(pid, file, field), 0) / 1024;
  return { processes: pids.length, rssMiB: sum('status', 'VmRSS'), pssMiB: sum('smaps_rollup', 'Pss') };
}

/** Left-aligned first column, right-aligned others, two spaces of indent. */
export function table(header, rows) {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => String(r[i]).length)));
  const line = (r) =>
    '  ' +
    r
      .map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i] + 2)))
      .join('');
  return [line(header), ...rows.map(line)];
}

/**
 * A cookie-keeping JSON client with its own client address (like bench/approval.mjs). It speaks
 * as the web server does (the address in x-csp-client-ip, proven by the platform's
 * WEB_PROXY_SECRET): set `Session.webProxySecret = platform.env.WEB_PROXY_SECRET` first.
 */
export class Session {
  static webProxySecret = '';
  #cookies = new Map();

  constructor(baseUrl, clientIp) {
    this.baseUrl = baseUrl;
    this.clientIp = clientIp;
  }

  async request(method, urlPath, body) {
    const headers = {
      'accept-language': 'en',
      'x-csp-client-ip': this.clientIp,
      'x-csp-proxy-secret': Session.webProxySecret,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.#cookies.size) headers.cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(this.baseUrl + urlPath, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1);
      if (value === '' || /expires=thu, 01 jan 1970/i.test(line)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  get = (urlPath) => this.request('GET', urlPath);
  post = (urlPath, body = {}) => this.request('POST', urlPath, body);
}

export async function staffLogin(apiUrl) {
  const staff = new Session(apiUrl, '10.41.0.1');
  const login = expectStatus(
    await staff.post('/api/v1/staff/auth/login', {
      email: process.env.SUPER_ADMIN_EMAIL,
      password: process.env.SUPER_ADMIN_PASSWORD,
    }),
    200,
    'staff login',
  );
  if (login.twoFactorEnrolmentRequired) {
    // Staff 2FA is mandatory: enrol a TOTP for the benchmark's own super admin.
    const { secret } = expectStatus(
      await staff.post('/api/v1/staff/two-factor/totp/setup'),
      200,
      'totp setup',
    );
    expectStatus(
      await staff.post('/api/v1/staff/two-factor/totp/confirm', { code: await generateTotp({ secret }) }),
      200,
      'totp confirm',
    );
  }
  return staff;
}

/** Sign-up, e-mail code, staff approval and owner login through the API: an approved customer. */
export async function approvedCustomer(platform, staff, { label, ip }) {
  const input = {
    fullName: 'Bench Customer',
    companyName: `Bench ${label}`,
    email: `bench-${label}@bench.test`,
    document: randomCpf(),
    phone: '(11) 98765-4321',
    password: `Bench-${randomBytes(6).toString('hex')}-2026`,
    acceptTerms: true,
  };
  const anon = new Session(platform.apiUrl, ip);
  const since = new Date(Date.now() - 1000);
  const { signupId } = expectStatus(await anon.post('/api/v1/signup', input), 202, 'sign-up');
  const mail = await readMail(platform.mailUrl, { to: input.email, since, timeoutMs: 30_000 });
  const code = /\b(\d{6})\b/.exec(mail.subject + '\n' + mail.text)?.[1];
  const { accountId } = expectStatus(
    await anon.post('/api/v1/signup/verify', { signupId, code }),
    201,
    'verify',
  );
  expectStatus(await staff.post(`/api/v1/staff/accounts/${accountId}/approve`), 200, 'approve');
  const owner = new Session(platform.apiUrl, ip);
  expectStatus(
    await owner.post('/api/v1/auth/login', { email: input.email, password: input.password }),
    200,
    'login',
  );
  return { accountId, owner };
}

/**
 * The environment every benchmark starts its platform with: staff credentials the setup step
 * creates (the benchmark signs in with them), the whole embedded stack (never an external database
 * or MinIO, so the memory report covers it), and the general API rate limit raised: one benchmark
 * client sends far more than a person does, and a 429 would measure the limiter, not the platform.
 */
export function benchEnvironment(runId) {
  process.env.SUPER_ADMIN_EMAIL = `bench-admin-${runId}@bench.test`;
  process.env.SUPER_ADMIN_PASSWORD = `Bench-${randomBytes(9).toString('base64url')}-2026`;
  process.env.RATE_LIMIT_PER_MINUTE = '1000000';
  process.env.RATE_LIMIT_PER_ADDRESS_PER_MINUTE = '1000000';
  // The SDK warns once about Node 20 support ending; it would only clutter the report.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  delete process.env.DATABASE_URL;
  delete process.env.MINIO_ENDPOINT;
}
