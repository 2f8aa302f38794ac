'use client';

import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  PageHeader,
  TextAreaField,
  TextField,
  inputClass,
} from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { useApiData } from '@/lib/hooks/use-api-data';
import { securityApi } from '@/lib/security-api';

/** Super admins: the staff IP allowlist and allowed hours. */
export function StaffSettingsView() {
  const { t } = useI18n();
  const s = t.staffSecurity;
  const { data } = useApiData(() => securityApi.staffLoginSettings(), '/staff/entrar');
  const [allowlist, setAllowlist] = useState('');
  const [restrict, setRestrict] = useState(false);
  const [start, setStart] = useState('07:00');
  const [end, setEnd] = useState('22:00');
  const [days, setDays] = useState<number[]>([1, 2, 3, 4, 5]);
  const [error, setError] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!data) return;
    setAllowlist(data.ipAllowlist.join('\n'));
    setRestrict(Boolean(data.hours));
    if (data.hours) {
      setStart(data.hours.start);
      setEnd(data.hours.end);
      setDays(data.hours.days);
    }
  }, [data]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError('');
    setFields({});
    setSaved(false);
    try {
      await securityApi.staffSetLoginSettings({
        ipAllowlist: allowlist
          .split(/\s+/)
          .map((l) => l.trim())
          .filter(Boolean),
        hours: restrict ? { start, end, days } : null,
      });
      setSaved(true);
    } catch (err) {
      setError(errorMessage(err, t));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={s.settingsTitle} subtitle={s.settingsSubtitle} />
      <Card className="p-5 sm:p-6">
        <form
          onSubmit={onSubmit}
          noValidate
          className="grid max-w-xl gap-5"
          data-testid="staff-settings-form"
        >
          <Alert tone="error" testId="staff-settings-error">
            {error}
          </Alert>
          <Alert tone="success" testId="staff-settings-saved">
            {saved ? s.saved : ''}
          </Alert>
          <TextAreaField
            id="allowlist"
            label={s.allowlist}
            hint={`${s.allowlistHint} ${s.yourIp}`}
            rows={5}
            value={allowlist}
            onChange={(e) => setAllowlist(e.target.value)}
            error={Object.entries(fields).find(([k]) => k.startsWith('ipAllowlist'))?.[1]}
            className={`${inputClass(Object.keys(fields).some((k) => k.startsWith('ipAllowlist')))} font-mono`}
            testId="staff-settings-allowlist"
          />
          <Checkbox
            id="restrict-hours"
            label={s.restrictHours}
            checked={restrict}
            onChange={(e) => setRestrict(e.target.checked)}
            testId="staff-settings-restrict"
          />
          {restrict && (
            <div className="grid gap-4">
              <div className="grid grid-cols-2 gap-4">
                <TextField
                  id="start"
                  type="time"
                  label={s.start}
                  value={start}
                  onChange={(e) => setStart(e.target.value)}
                />
                <TextField
                  id="end"
                  type="time"
                  label={s.end}
                  value={end}
                  onChange={(e) => setEnd(e.target.value)}
                />
              </div>
              <fieldset>
                <legend className="text-sm font-medium text-slate-800">{s.days}</legend>
                <div className="mt-2 flex flex-wrap gap-2">
                  {s.dayNames.map((name, day) => (
                    <label
                      key={name}
                      className={`cursor-pointer rounded-lg px-3 py-1.5 text-sm ring-1 ring-inset ${days.includes(day) ? 'bg-amber-50 text-amber-800 ring-amber-500' : 'text-slate-700 ring-slate-300'}`}
                    >
                      <input
                        type="checkbox"
                        className="sr-only"
                        checked={days.includes(day)}
                        onChange={(e) =>
                          setDays(e.target.checked ? [...days, day].sort() : days.filter((d) => d !== day))
                        }
                      />
                      {name}
                    </label>
                  ))}
                </div>
              </fieldset>
            </div>
          )}
          <div>
            <Button type="submit" loading={busy} testId="staff-settings-save">
              {s.save}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
