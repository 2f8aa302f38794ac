'use client';

import { useEffect, useRef } from 'react';
import { cx, focusRing } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import type { AccessKey } from '@/lib/api';

export type KeyMenuAction = 'reveal' | 'rotate' | 'deactivate' | 'endNow' | 'reactivate' | 'revoke';

/** The actions a key's state allows, in order. */
export function keyActions(key: AccessKey): KeyMenuAction[] {
  if (key.status === 'revoked') return [];
  const actions: KeyMenuAction[] = [];
  if (key.secretRevealable) actions.push('reveal');
  if (key.status === 'active' && !key.graceEndsAt) actions.push('rotate', 'deactivate');
  if (key.status === 'active' && key.graceEndsAt) actions.push('endNow');
  if (key.status === 'inactive') actions.push('reactivate');
  actions.push('revoke');
  return actions;
}

const testIds: Record<KeyMenuAction, string> = {
  reveal: 'key-reveal',
  rotate: 'key-rotate',
  deactivate: 'key-deactivate',
  endNow: 'key-end-now',
  reactivate: 'key-reactivate',
  revoke: 'key-revoke',
};

/** A key row's actions, in a small menu (like the team page's). */
export function KeyActionsMenu({
  accessKey,
  onAction,
}: {
  accessKey: AccessKey;
  onAction: (action: KeyMenuAction) => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDetailsElement>(null);
  const actions = keyActions(accessKey);

  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    document.addEventListener('click', close);
    return () => document.removeEventListener('click', close);
  }, []);

  if (actions.length === 0) return null;
  const labels: Record<KeyMenuAction, string> = {
    reveal: t.keys.reveal,
    rotate: t.accessKeys.rotate,
    deactivate: t.accessKeys.deactivate,
    endNow: t.accessKeys.endNow,
    reactivate: t.accessKeys.reactivate,
    revoke: t.keys.revoke,
  };
  const danger = new Set<KeyMenuAction>(['deactivate', 'endNow', 'revoke']);

  return (
    <details ref={ref} className="relative inline-block text-left">
      <summary
        data-testid={`key-actions-${accessKey.accessKeyId}`}
        aria-label={interpolate(t.accessKeys.actionsFor, { id: accessKey.accessKeyId })}
        className={cx(
          'inline-flex cursor-pointer list-none items-center gap-1 rounded-lg px-2.5 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 [&::-webkit-details-marker]:hidden',
          focusRing,
        )}
      >
        {t.common.actions}
        <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
          <path
            fillRule="evenodd"
            d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
            clipRule="evenodd"
          />
        </svg>
      </summary>
      <div
        role="menu"
        className="absolute right-0 z-20 mt-1 w-52 overflow-hidden rounded-lg border border-slate-200 bg-white py-1 shadow-lg"
      >
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            role="menuitem"
            data-testid={`${testIds[action]}-${accessKey.accessKeyId}`}
            aria-label={
              action === 'revoke' ? interpolate(t.keys.revokeAria, { id: accessKey.accessKeyId }) : undefined
            }
            onClick={() => {
              if (ref.current) ref.current.open = false;
              onAction(action);
            }}
            className={cx(
              'block w-full px-4 py-2 text-left text-sm',
              focusRing,
              danger.has(action) ? 'text-red-700 hover:bg-red-50' : 'text-slate-700 hover:bg-slate-100',
            )}
          >
            {labels[action]}
          </button>
        ))}
      </div>
    </details>
  );
}
