'use client';

import { useEffect, useState } from 'react';
import { useI18n } from '@/i18n/provider';
import { copyText } from '@/lib/download';
import { Button } from './ui';

/** Copy button with its own live feedback ("Copiado!"). `label` names what is copied for screen readers. */
export function CopyButton({
  value,
  label,
  testId,
  showText = false,
}: {
  value: string;
  label: string;
  testId?: string;
  showText?: boolean;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        testId={testId}
        aria-label={showText ? undefined : `${t.common.copy}: ${label}`}
        title={showText ? undefined : `${t.common.copy}: ${label}`}
        onClick={async () => setState((await copyText(value)) ? 'copied' : 'failed')}
      >
        <svg
          viewBox="0 0 20 20"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          className="size-4"
          aria-hidden="true"
        >
          <rect x="7" y="7" width="9.5" height="9.5" rx="1.5" />
          <path d="M13 7V4.5A1.5 1.5 0 0 0 11.5 3h-7A1.5 1.5 0 0 0 3 4.5v7A1.5 1.5 0 0 0 4.5 13H7" />
        </svg>
        {showText && <span>{t.common.copy}</span>}
      </Button>
      <span
        role="status"
        aria-live="polite"
        className={
          state === 'failed'
            ? 'text-xs text-red-700'
            : state === 'copied'
              ? 'text-xs text-emerald-700'
              : 'sr-only'
        }
      >
        {state === 'copied' ? t.common.copied : state === 'failed' ? t.common.copyFailed : ''}
      </span>
    </span>
  );
}
