// In-memory stand-in for the API (docs/api-contract-v0.md) to look at the web app without the real
// one: `node apps/web/scripts/mock-api.mjs [port]` then start Next with API_URL=http://127.0.0.1:<port>.
// Customer: demo@example.com / Senha123. Staff: staff@example.com / Staff123. Sign-up code: 123456.
// Not used by the product or its tests.
import http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';

const port = Number(process.argv[2] ?? 3001);
const now = () => new Date().toISOString();
const token = () => randomBytes(16).toString('hex');
const akid = () => 'AKI' + randomBytes(9).toString('hex').toUpperCase().slice(0, 17);
const secret = () =>
  randomBytes(30)
    .toString('base64')
    .replace(/[^A-Za-z0-9/+]/g, '')
    .slice(0, 40);

const accounts = new Map();
const users = new Map(); // email -> user
const sessions = new Map(); // token -> email
const staffSessions = new Map();
const signups = new Map();

function addAccount({
  name,
  documentType,
  document,
  email,
  phone,
  ownerName,
  status,
  password,
  planName,
  quotaBytes = 0,
}) {
  const account = {
    id: randomUUID(),
    name,
    documentType,
    document,
    email,
    phone,
    ownerName,
    ownerEmail: email,
    planName,
    quotaBytes,
    rejectionReason: null,
    status,
    createdAt: now(),
    buckets: [],
    keys: [],
    revealable: new Set(),
  };
  accounts.set(account.id, account);
  users.set(email, {
    id: randomUUID(),
    fullName: ownerName,
    email,
    role: 'owner',
    password,
    accountId: account.id,
  });
  return account;
}

const demo = addAccount({
  name: 'TechCorp Soluções Ltda',
  documentType: 'cnpj',
  document: '11222333000181',
  email: 'demo@example.com',
  phone: '11987654321',
  ownerName: 'João Silva',
  status: 'active',
  password: 'Senha123',
  planName: 'Business',
  quotaBytes: 500e9,
});
demo.buckets.push(
  {
    id: randomUUID(),
    name: 'backup-prod',
    versioning: true,
    sizeBytes: 245e9,
    objectCount: 12400,
    createdAt: now(),
  },
  {
    id: randomUUID(),
    name: 'media-assets',
    versioning: false,
    sizeBytes: 89e9,
    objectCount: 3200,
    createdAt: now(),
  },
);
const firstKey = {
  id: randomUUID(),
  accessKeyId: akid(),
  name: 'Chave inicial',
  status: 'active',
  createdAt: now(),
};
demo.keys.push(firstKey);
demo.revealable.add(firstKey.id);

addAccount({
  name: 'Maria Oliveira',
  documentType: 'cpf',
  document: '52998224725',
  email: 'maria@example.com',
  phone: '21998765432',
  ownerName: 'Maria Oliveira',
  status: 'pending_approval',
  password: 'Senha123',
  planName: 'Free',
  quotaBytes: 10e9,
});
addAccount({
  name: 'Nova Empresa Falha SA',
  documentType: 'cnpj',
  document: '12ABC34501DE35',
  email: 'falha@example.com',
  phone: '1134567890',
  ownerName: 'Carlos Souza',
  status: 'pending_approval',
  password: 'Senha123',
  planName: null,
});

const staff = {
  id: randomUUID(),
  fullName: 'Ana Admin',
  email: 'staff@example.com',
  role: 'super_admin',
  password: 'Staff123',
};
const failOnce = new Set();

function parseCookies(req) {
  const out = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k) out[k] = decodeURIComponent(v.join('='));
  }
  return out;
}

const msg = (req, pt, en) => (parseCookies(req).lang === 'en' ? en : pt);

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
const fail = (res, status, code, message, extra = {}) =>
  send(res, status, { statusCode: status, code, message, ...extra });

function me(email) {
  const user = users.get(email);
  const account = accounts.get(user.accountId);
  return {
    user: { id: user.id, fullName: user.fullName, email: user.email, role: user.role },
    account: { id: account.id, name: account.name, status: account.status },
  };
}

const publicKey = (account, k) => ({ ...k, secretRevealable: account.revealable.has(k.id) });

async function readBody(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  try {
    return raw ? JSON.parse(raw) : {};
  } catch {
    return {};
  }
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname.replace(/^\/api\/v1/, '');
  const body = req.method === 'POST' ? await readBody(req) : {};
  const cookies = parseCookies(req);
  console.log(req.method, url.pathname);
  await new Promise((r) => setTimeout(r, 150));

  const route = `${req.method} ${path}`;
  if (route === 'POST /signup') {
    if (!body.acceptTerms)
      return fail(res, 400, 'terms_required', msg(req, 'Aceite os termos.', 'Accept the terms.'), {
        fields: { acceptTerms: msg(req, 'Obrigatório.', 'Required.') },
      });
    if (users.has(body.email))
      return fail(res, 400, 'validation_failed', msg(req, 'Verifique os campos.', 'Check the fields.'), {
        fields: { email: msg(req, 'Use outro e-mail.', 'Use another e-mail.') },
      });
    const signupId = randomUUID();
    signups.set(signupId, { ...body, attempts: 5 });
    console.log('  code for', body.email, '= 123456');
    return send(res, 202, { signupId, email: body.email });
  }
  if (route === 'POST /signup/verify') {
    const s = signups.get(body.signupId);
    if (!s) return fail(res, 404, 'not_found', msg(req, 'Cadastro não encontrado.', 'Sign-up not found.'));
    if (body.code !== '123456') {
      s.attempts--;
      if (s.attempts <= 0)
        return fail(res, 410, 'too_many_attempts', msg(req, 'Tentativas esgotadas.', 'Too many attempts.'));
      return fail(
        res,
        400,
        'invalid_code',
        msg(
          req,
          `Código incorreto. Você ainda tem ${s.attempts} tentativa(s).`,
          `Wrong code. You have ${s.attempts} attempt(s) left.`,
        ),
        {
          remainingAttempts: s.attempts,
        },
      );
    }
    const a = addAccount({
      name: s.companyName || s.fullName,
      documentType: s.document.replace(/\D/g, '').length === 11 ? 'cpf' : 'cnpj',
      document: s.document.replace(/[^0-9A-Za-z]/g, ''),
      email: s.email,
      phone: s.phone,
      ownerName: s.fullName,
      status: 'pending_approval',
      password: s.password,
      planName: 'Free',
      quotaBytes: 10e9,
    });
    signups.delete(body.signupId);
    return send(res, 201, { accountId: a.id, status: 'pending_approval' });
  }
  if (route === 'POST /signup/resend') return send(res, 202, {});
  if (route === 'POST /auth/login') {
    const user = users.get(body.email);
    if (!user || user.password !== body.password)
      return fail(
        res,
        401,
        'invalid_credentials',
        msg(req, 'E-mail ou senha incorretos.', 'Wrong e-mail or password.'),
      );
    const account = accounts.get(user.accountId);
    if (account.status === 'pending_approval')
      return fail(
        res,
        403,
        'account_pending',
        msg(
          req,
          'Sua conta aguarda aprovação. Você receberá um e-mail em até 24h.',
          'Your account is awaiting approval.',
        ),
      );
    if (account.status === 'rejected')
      return fail(
        res,
        403,
        'account_rejected',
        msg(req, 'Seu cadastro não foi aprovado.', 'Your sign-up was not approved.'),
      );
    const t = token();
    sessions.set(t, user.email);
    return send(res, 200, me(user.email), {
      'set-cookie': `csp_session=${t}; Path=/; HttpOnly; SameSite=Lax${body.remember ? '; Max-Age=2592000' : ''}`,
    });
  }
  if (route === 'POST /auth/logout') {
    sessions.delete(cookies.csp_session);
    return send(res, 204, undefined, { 'set-cookie': 'csp_session=; Path=/; Max-Age=0' });
  }
  if (route === 'POST /staff/auth/login') {
    if (body.email !== staff.email || body.password !== staff.password)
      return fail(
        res,
        401,
        'invalid_credentials',
        msg(req, 'E-mail ou senha incorretos.', 'Wrong e-mail or password.'),
      );
    const t = token();
    staffSessions.set(t, staff.email);
    const { password: _p, ...pub } = staff;
    return send(
      res,
      200,
      { staff: pub },
      { 'set-cookie': `csp_staff_session=${t}; Path=/; HttpOnly; SameSite=Lax` },
    );
  }
  if (route === 'POST /staff/auth/logout') {
    staffSessions.delete(cookies.csp_staff_session);
    return send(res, 204, undefined, { 'set-cookie': 'csp_staff_session=; Path=/; Max-Age=0' });
  }

  if (path.startsWith('/staff/')) {
    if (!staffSessions.has(cookies.csp_staff_session))
      return fail(res, 401, 'unauthenticated', msg(req, 'Entre novamente.', 'Sign in again.'));
    if (route === 'GET /staff/me') {
      const { password: _p, ...pub } = staff;
      return send(res, 200, { staff: pub });
    }
    if (route === 'GET /staff/accounts') {
      const status = url.searchParams.get('status');
      const items = [...accounts.values()]
        .filter((a) => !status || a.status === status)
        .map(({ buckets: _b, keys: _k, revealable: _r, ...a }) => a);
      return send(res, 200, { items });
    }
    const m = path.match(/^\/staff\/accounts\/([^/]+)\/(approve|reject)$/);
    if (m && req.method === 'POST') {
      const account = accounts.get(m[1]);
      if (!account) return fail(res, 404, 'not_found', 'Not found');
      if (m[2] === 'reject') {
        if (!body.reason)
          return fail(res, 400, 'validation_failed', msg(req, 'Informe o motivo.', 'Give a reason.'), {
            fields: { reason: msg(req, 'Obrigatório.', 'Required.') },
          });
        account.status = 'rejected';
        account.rejectionReason = body.reason;
        return send(res, 200, { id: account.id, status: 'rejected' });
      }
      await new Promise((r) => setTimeout(r, 1200));
      if (account.name.includes('Falha') && !failOnce.has(account.id)) {
        failOnce.add(account.id);
        return fail(
          res,
          502,
          'provisioning_failed',
          msg(
            req,
            'Falha ao provisionar o storage. Tente novamente.',
            'Storage provisioning failed. Try again.',
          ),
        );
      }
      account.status = 'active';
      const k = {
        id: randomUUID(),
        accessKeyId: akid(),
        name: 'Chave inicial',
        status: 'active',
        createdAt: now(),
      };
      account.keys.push(k);
      account.revealable.add(k.id);
      return send(res, 200, { id: account.id, status: 'active' });
    }
    return fail(res, 404, 'not_found', 'Not found');
  }

  const email = sessions.get(cookies.csp_session);
  if (!email) return fail(res, 401, 'unauthenticated', msg(req, 'Entre novamente.', 'Sign in again.'));
  const account = accounts.get(users.get(email).accountId);
  const endpoint = { s3Endpoint: 'http://127.0.0.1:9000', region: 'us-east-1' };

  if (route === 'GET /me') return send(res, 200, me(email));
  if (route === 'GET /dashboard') {
    const usedBytes = account.buckets.reduce((s, b) => s + b.sizeBytes, 0);
    const quotaBytes = 500e9;
    return send(res, 200, {
      usedBytes,
      quotaBytes,
      usagePercent: (usedBytes / quotaBytes) * 100,
      bucketCount: account.buckets.length,
      accessKeyCount: account.keys.filter((k) => k.status !== 'revoked').length,
      usageUpdatedAt: now(),
      ...endpoint,
    });
  }
  if (route === 'GET /buckets') return send(res, 200, { items: account.buckets });
  if (route === 'POST /buckets') {
    if ([...accounts.values()].some((a) => a.buckets.some((b) => b.name === body.name)))
      return fail(
        res,
        409,
        'bucket_name_taken',
        msg(req, 'Já existe um bucket com esse nome.', 'A bucket with this name already exists.'),
      );
    const b = {
      id: randomUUID(),
      name: body.name,
      versioning: Boolean(body.versioning),
      sizeBytes: 0,
      objectCount: 0,
      createdAt: now(),
    };
    account.buckets.push(b);
    return send(res, 201, b);
  }
  let m = path.match(/^\/buckets\/([^/]+)$/);
  if (m && req.method === 'DELETE') {
    const b = account.buckets.find((x) => x.id === m[1]);
    if (!b) return fail(res, 404, 'not_found', 'Not found');
    if (b.objectCount > 0)
      return fail(
        res,
        409,
        'bucket_not_empty',
        msg(
          req,
          `O bucket ${b.name} não está vazio. Apague os objetos antes de excluí-lo.`,
          `Bucket ${b.name} is not empty.`,
        ),
      );
    account.buckets = account.buckets.filter((x) => x !== b);
    return send(res, 204);
  }
  if (route === 'GET /access-keys')
    return send(res, 200, { items: account.keys.map((k) => publicKey(account, k)) });
  if (route === 'POST /access-keys') {
    const k = { id: randomUUID(), accessKeyId: akid(), name: body.name, status: 'active', createdAt: now() };
    account.keys.push(k);
    return send(res, 201, { key: publicKey(account, k), secretAccessKey: secret(), ...endpoint });
  }
  m = path.match(/^\/access-keys\/([^/]+)(\/reveal)?$/);
  if (m) {
    const k = account.keys.find((x) => x.id === m[1]);
    if (!k) return fail(res, 404, 'not_found', 'Not found');
    if (m[2] && req.method === 'POST') {
      if (!account.revealable.delete(k.id))
        return fail(
          res,
          410,
          'secret_gone',
          msg(req, 'O secret já foi exibido.', 'The secret was already shown.'),
        );
      return send(res, 200, { key: publicKey(account, k), secretAccessKey: secret(), ...endpoint });
    }
    if (!m[2] && req.method === 'DELETE') {
      k.status = 'revoked';
      account.revealable.delete(k.id);
      return send(res, 204);
    }
  }
  return fail(res, 404, 'not_found', 'Not found');
});

server.listen(port, '127.0.0.1', () => console.log(`mock API on http://127.0.0.1:${port}`));
