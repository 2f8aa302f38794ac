'use client';

import { useState, type FormEvent } from 'react';
import { CopyButton } from '@/components/copy-button';
import { Modal } from '@/components/modal';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  FieldShell,
  PageHeader,
  TextField,
  inputClass,
} from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { formatDate, formatDateTime } from '@/lib/format';
import {
  governanceApi,
  type ApiToken,
  type ApiTokenList,
  type CreatedApiToken,
  type TokenPermission,
} from '@/lib/governance-api';
import { useApiData } from '@/lib/hooks/use-api-data';
import { dictKey } from './audit-view';
import { endFrom, TOKEN_EXPIRIES, type TokenExpiry } from './duration';

const statusTone = { active: 'green', expired: 'amber', revoked: 'red' } as const;
const loadTokens = () => governanceApi.listApiTokens();

export function TokensView() {
  const { t } = useI18n();
  const k = t.governance.tokens;
  const { data, error, reload } = useApiData<ApiTokenList>(loadTokens);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [notice, setNotice] = useState('');
  const permissionLabel = (p: string) => (k.permissions as Record<string, string>)[dictKey(p)] ?? p;

  return (
    <>
      <PageHeader
        title={k.title}
        subtitle={k.subtitle}
        actions={
          <Button
            onClick={() => (setNotice(''), setCreating(true))}
            testId="token-create-open"
            disabled={!data}
          >
            {k.create}
          </Button>
        }
      />
      <div className="mb-4 space-y-3">
        <Alert tone="success" testId="tokens-notice">
          {notice}
        </Alert>
        {error !== undefined && !data && <Alert tone="error">{errorMessage(error, t)}</Alert>}
      </div>
      {!data ? (
        <Card className="p-10 text-center text-sm text-slate-500">{t.common.loading}</Card>
      ) : data.items.length === 0 ? (
        <Card className="px-6 py-14 text-center text-slate-700" testId="tokens-empty">
          {k.empty}
        </Card>
      ) : (
        <Card className="overflow-hidden">
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="tokens-table">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-5 py-3">
                    {k.colName}
                  </th>
                  <th scope="col" className="px-5 py-3">
                    {k.colPermissions}
                  </th>
                  <th scope="col" className="px-5 py-3">
                    {k.colCreated}
                  </th>
                  <th scope="col" className="px-5 py-3">
                    {k.colExpires}
                  </th>
                  <th scope="col" className="px-5 py-3">
                    {k.colLastUsed}
                  </th>
                  <th scope="col" className="px-5 py-3 text-right">
                    <span className="sr-only">{t.common.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white align-top">
                {data.items.map((token) => (
                  <tr key={token.id} data-testid={`token-row-${token.name}`} data-status={token.status}>
                    <td className="px-5 py-3.5">
                      <p className="font-medium text-slate-900">{token.name}</p>
                      <p className="font-mono text-xs text-slate-500">{token.prefix}…</p>
                      <p className="mt-1 flex items-center gap-2 text-xs text-slate-500">
                        <Badge tone={statusTone[token.status]}>{k.status[token.status]}</Badge>
                        {token.owner.fullName}
                      </p>
                    </td>
                    <td className="px-5 py-3.5">
                      <ul className="flex max-w-xs flex-wrap gap-1">
                        {token.permissions.map((p) => (
                          <li key={p} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                            {permissionLabel(p)}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="whitespace-nowrap px-5 py-3.5 text-slate-700">
                      {formatDate(token.createdAt)}
                    </td>
                    <td className="whitespace-nowrap px-5 py-3.5 text-slate-700">
                      {token.expiresAt ? formatDate(token.expiresAt) : k.never}
                    </td>
                    <td
                      className="whitespace-nowrap px-5 py-3.5 text-slate-700"
                      data-testid={`token-last-used-${token.name}`}
                    >
                      {token.lastUsedAt
                        ? interpolate(k.lastUsed, {
                            date: formatDateTime(token.lastUsedAt),
                            ip: token.lastUsedIp ?? '—',
                          })
                        : k.notUsed}
                    </td>
                    <td className="whitespace-nowrap px-5 py-3.5 text-right">
                      {token.status === 'active' && (
                        <Button
                          variant="ghostDanger"
                          size="sm"
                          onClick={() => (setNotice(''), setRevoking(token))}
                          testId={`token-revoke-${token.name}`}
                        >
                          {k.revoke}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      {data && (
        <CreateTokenModal
          open={creating}
          grantable={data.grantablePermissions}
          permissionLabel={permissionLabel}
          onClose={() => setCreating(false)}
          onCreated={async (value) => {
            setCreating(false);
            setCreated(value);
            await reload();
          }}
        />
      )}
      <Modal
        open={created !== null}
        onClose={() => setCreated(null)}
        dismissible={false}
        title={k.createdTitle}
        size="lg"
        testId="token-secret-modal"
      >
        {created && <CreatedToken created={created} onClose={() => setCreated(null)} />}
      </Modal>
      <Modal
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={k.revokeTitle}
        testId="token-revoke-modal"
        footer={
          <>
            <Button variant="secondary" onClick={() => setRevoking(null)}>
              {t.common.cancel}
            </Button>
            <Button
              variant="danger"
              testId="token-revoke-confirm"
              onClick={async () => {
                if (!revoking) return;
                await governanceApi.revokeApiToken(revoking.id).catch(() => undefined);
                setNotice(interpolate(k.revoked, { name: revoking.name }));
                setRevoking(null);
                await reload();
              }}
            >
              {k.revokeSubmit}
            </Button>
          </>
        }
      >
        <p className="text-sm text-slate-700">{interpolate(k.revokeText, { name: revoking?.name ?? '' })}</p>
      </Modal>
    </>
  );
}

function CreatedToken({ created, onClose }: { created: CreatedApiToken; onClose: () => void }) {
  const { t } = useI18n();
  const k = t.governance.tokens;
  const [saved, setSaved] = useState(false);
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return (
    <div className="space-y-4">
      <Alert tone="warning">{k.createdWarning}</Alert>
      <div>
        <p className="mb-1 text-sm font-medium text-slate-800">{k.tokenLabel}</p>
        <div className="flex items-center gap-2">
          <code
            className="block flex-1 break-all rounded-lg bg-slate-900 px-3 py-2 font-mono text-sm text-emerald-300"
            data-testid="token-secret-value"
          >
            {created.token}
          </code>
          <CopyButton value={created.token} label={k.tokenLabel} testId="token-copy" />
        </div>
      </div>
      <div>
        <p className="mb-1 text-sm text-slate-600">{k.usage}</p>
        <pre className="overflow-x-auto rounded-lg bg-slate-100 px-3 py-2 text-xs text-slate-800">
          {`curl -H "Authorization: Bearer ${created.apiToken.prefix}…" ${origin}/api/v1/buckets`}
        </pre>
      </div>
      <Checkbox
        id="token-saved"
        label={k.savedCheckbox}
        checked={saved}
        onChange={(e) => setSaved(e.target.checked)}
        testId="token-saved-checkbox"
      />
      <div className="flex justify-end">
        <Button onClick={onClose} disabled={!saved} testId="token-secret-close">
          {k.close}
        </Button>
      </div>
    </div>
  );
}

function CreateTokenModal(props: {
  open: boolean;
  grantable: string[];
  permissionLabel: (p: string) => string;
  onClose: () => void;
  onCreated: (value: CreatedApiToken) => void;
}) {
  return <CreateTokenBody {...props} key={props.open ? 'open' : 'closed'} />;
}

function CreateTokenBody({
  open,
  grantable,
  permissionLabel,
  onClose,
  onCreated,
}: {
  open: boolean;
  grantable: string[];
  permissionLabel: (p: string) => string;
  onClose: () => void;
  onCreated: (value: CreatedApiToken) => void;
}) {
  const { t } = useI18n();
  const k = t.governance.tokens;
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<string[]>([]);
  const [expiry, setExpiry] = useState<TokenExpiry>('d90');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim() || name.trim().length > 64) local.name = k.nameRequired;
    if (permissions.length === 0) local.permissions = k.permissionsRequired;
    setErrors(local);
    setFormError('');
    if (Object.keys(local).length) return;
    setSubmitting(true);
    try {
      const ms = TOKEN_EXPIRIES[expiry];
      onCreated(
        await governanceApi.createApiToken({
          name: name.trim(),
          permissions: permissions as TokenPermission[],
          expiresAt: ms === null ? null : endFrom(ms),
        }),
      );
    } catch (error) {
      setFormError(errorMessage(error, t));
      if (error instanceof ApiError) setErrors(error.fields);
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      onClose={onClose}
      title={k.createTitle}
      size="lg"
      testId="token-create-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t.common.cancel}
          </Button>
          <Button type="submit" form="create-token-form" loading={submitting} testId="token-create-submit">
            {submitting ? k.submitting : k.submit}
          </Button>
        </>
      }
    >
      <form id="create-token-form" onSubmit={onSubmit} noValidate className="space-y-5">
        <Alert tone="error">{formError}</Alert>
        <TextField
          id="token-name"
          label={k.nameLabel}
          hint={k.nameHint}
          required
          maxLength={64}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          testId="token-name-input"
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{k.permissionsLabel}</legend>
          <p className="mb-2 text-xs text-slate-500">{k.permissionsHint}</p>
          <div className="grid gap-2 sm:grid-cols-2">
            {grantable.map((p) => (
              <Checkbox
                key={p}
                id={`token-perm-${p}`}
                label={permissionLabel(p)}
                checked={permissions.includes(p)}
                onChange={(e) =>
                  setPermissions((prev) => (e.target.checked ? [...prev, p] : prev.filter((x) => x !== p)))
                }
                testId={`token-perm-${p}`}
              />
            ))}
          </div>
          {errors.permissions && (
            <p className="mt-1 text-xs font-medium text-red-700">{errors.permissions}</p>
          )}
        </fieldset>
        <FieldShell id="token-expiry" label={k.expiryLabel}>
          <select
            id="token-expiry"
            data-testid="token-expiry-select"
            className={inputClass(false)}
            value={expiry}
            onChange={(e) => setExpiry(e.target.value as TokenExpiry)}
          >
            {(Object.keys(TOKEN_EXPIRIES) as TokenExpiry[]).map((key) => (
              <option key={key} value={key}>
                {k.expiry[key]}
              </option>
            ))}
          </select>
        </FieldShell>
      </form>
    </Modal>
  );
}
