import type { ButtonHTMLAttributes, InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';

export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ');
}

export const focusRing =
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';

type ButtonVariant =
  | 'primary'
  | 'secondary'
  | 'danger'
  | 'success'
  | 'warning'
  | 'dark'
  | 'ghost'
  | 'ghostDanger'
  | 'ghostWarning'
  | 'ghostOnDark';

// One complete class set per variant: Tailwind cannot reliably override a colour passed via className.
const buttonVariants: Record<ButtonVariant, string> = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/50 shadow-sm',
  secondary:
    'bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:text-slate-400 shadow-sm',
  danger: 'bg-red-600 text-white hover:bg-red-700 disabled:bg-red-600/50 shadow-sm',
  success: 'bg-emerald-600 text-white hover:bg-emerald-700 disabled:bg-emerald-600/50 shadow-sm',
  warning: 'bg-amber-600 text-white hover:bg-amber-700 disabled:bg-amber-600/50 shadow-sm',
  dark: 'bg-slate-900 text-white hover:bg-slate-800 disabled:bg-slate-900/60 shadow-sm',
  ghost: 'text-slate-700 hover:bg-slate-100 disabled:text-slate-400',
  ghostDanger: 'text-red-700 hover:bg-red-50 disabled:text-red-300',
  ghostWarning: 'text-amber-800 hover:bg-amber-50 disabled:text-amber-400',
  ghostOnDark: 'text-slate-100 ring-1 ring-inset ring-slate-600 hover:bg-slate-800 disabled:text-slate-500',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md' | 'lg';
  loading?: boolean;
  testId?: string;
}

export function Button({
  variant = 'primary',
  size = 'md',
  loading = false,
  testId,
  className,
  disabled,
  children,
  type = 'button',
  ...rest
}: ButtonProps) {
  const sizes = { sm: 'px-2.5 py-1.5 text-sm', md: 'px-4 py-2 text-sm', lg: 'px-5 py-2.5 text-base' };
  return (
    <button
      type={type}
      data-testid={testId}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={cx(
        'inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-lg font-medium transition-colors disabled:cursor-not-allowed',
        focusRing,
        buttonVariants[variant],
        sizes[size],
        className,
      )}
      {...rest}
    >
      {loading && <Spinner className="size-4" />}
      {children}
    </button>
  );
}

export function Spinner({ className = 'size-5', label }: { className?: string; label?: string }) {
  return (
    <svg
      className={cx('animate-spin', className)}
      viewBox="0 0 24 24"
      fill="none"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <circle className="opacity-25" cx="12" cy="12" r="10" stroke="currentColor" strokeWidth="4" />
      <path className="opacity-75" fill="currentColor" d="M4 12a8 8 0 0 1 8-8v4a4 4 0 0 0-4 4H4z" />
    </svg>
  );
}

const inputBase =
  'block w-full rounded-lg border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:outline-none focus:ring-2 disabled:bg-slate-100';

export function inputClass(invalid: boolean): string {
  return cx(
    inputBase,
    invalid
      ? 'border-red-500 focus:border-red-500 focus:ring-red-500/30'
      : 'border-slate-300 focus:border-brand-600 focus:ring-brand-600/25',
  );
}

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** data-testid of the input; the error text gets `${testId}-error`. */
  testId?: string;
}

export function FieldShell({
  id,
  label,
  hint,
  error,
  required,
  testId,
  children,
  trailing,
}: FieldProps & { children: ReactNode; trailing?: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
          {required && (
            <span className="ml-0.5 text-red-600" aria-hidden="true">
              *
            </span>
          )}
        </label>
        {trailing}
      </div>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p
          id={`${id}-error`}
          className="text-xs font-medium text-red-700"
          data-testid={testId ? `${testId}-error` : undefined}
        >
          {error}
        </p>
      )}
    </div>
  );
}

export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  if (error) return `${id}-error`;
  if (hint) return `${id}-hint`;
  return undefined;
}

export function TextField({
  id,
  label,
  hint,
  error,
  required,
  testId,
  trailing,
  className,
  'aria-describedby': extraDescribedBy,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement> & { trailing?: ReactNode }) {
  const described = [describedBy(id, hint, error), extraDescribedBy].filter(Boolean).join(' ') || undefined;
  return (
    <FieldShell
      id={id}
      label={label}
      hint={hint}
      error={error}
      required={required}
      testId={testId}
      trailing={trailing}
    >
      <input
        id={id}
        name={id}
        data-testid={testId}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className={cx(inputClass(Boolean(error)), className)}
        {...input}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  required,
  testId,
  ...area
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required} testId={testId}>
      <textarea
        id={id}
        name={id}
        data-testid={testId}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass(Boolean(error))}
        {...area}
      />
    </FieldShell>
  );
}

export function Checkbox({
  id,
  label,
  hint,
  error,
  testId,
  ...input
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  testId?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          id={id}
          name={id}
          type="checkbox"
          data-testid={testId}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className={cx('mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-brand-600', focusRing)}
          {...input}
        />
        <div className="text-sm">
          <label htmlFor={id} className="font-medium text-slate-800">
            {label}
          </label>
          {hint && (
            <p id={`${id}-hint`} className="text-slate-500">
              {hint}
            </p>
          )}
        </div>
      </div>
      {error && (
        <p
          id={`${id}-error`}
          className="mt-1 text-xs font-medium text-red-700"
          data-testid={testId ? `${testId}-error` : undefined}
        >
          {error}
        </p>
      )}
    </div>
  );
}

type AlertTone = 'error' | 'success' | 'info' | 'warning';

const alertTones: Record<AlertTone, string> = {
  error: 'border-red-200 bg-red-50 text-red-800',
  success: 'border-emerald-200 bg-emerald-50 text-emerald-800',
  info: 'border-brand-200 bg-brand-50 text-brand-900',
  warning: 'border-amber-200 bg-amber-50 text-amber-900',
};

/**
 * Always rendered (empty when there is nothing to say) so screen readers pick up changes:
 * errors use role="alert", the rest aria-live="polite".
 */
export function Alert({
  tone,
  children,
  testId,
  className,
}: {
  tone: AlertTone;
  children?: ReactNode;
  testId?: string;
  className?: string;
}) {
  const hasContent = children !== undefined && children !== null && children !== false && children !== '';
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      aria-live={tone === 'error' ? 'assertive' : 'polite'}
      data-testid={hasContent ? testId : undefined}
      className={
        hasContent ? cx('rounded-lg border px-3.5 py-3 text-sm', alertTones[tone], className) : 'sr-only'
      }
    >
      {hasContent ? children : null}
    </div>
  );
}

export function Card({
  children,
  className,
  testId,
}: {
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div
      data-testid={testId}
      className={cx('rounded-xl border border-slate-200 bg-white shadow-sm', className)}
    >
      {children}
    </div>
  );
}

type BadgeTone = 'green' | 'gray' | 'red' | 'amber' | 'blue';

const badgeTones: Record<BadgeTone, string> = {
  green: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  gray: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  red: 'bg-red-50 text-red-700 ring-red-600/20',
  amber: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  blue: 'bg-brand-50 text-brand-700 ring-brand-600/20',
};

export function Badge({ tone, children, testId }: { tone: BadgeTone; children: ReactNode; testId?: string }) {
  return (
    <span
      data-testid={testId}
      className={cx(
        'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset',
        badgeTones[tone],
      )}
    >
      {children}
    </span>
  );
}

export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: string;
  subtitle?: string;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {subtitle && <p className="mt-1 text-sm text-slate-600">{subtitle}</p>}
      </div>
      {actions && <div className="flex items-center gap-2">{actions}</div>}
    </div>
  );
}
