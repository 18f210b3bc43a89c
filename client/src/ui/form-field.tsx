import { useId, type ReactNode } from 'react';

interface FormFieldProps {
  label: string;
  /** A message under the field, in red, also announced to screen readers. */
  error?: string | null | undefined;
  hint?: string | undefined;
  /** Marks the field as changed from the record it was loaded from. */
  changed?: boolean;
  className?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** A labelled form control with its hint and error, wired for assistive technology. */
export function FormField({ label, error, hint, changed = false, className, children }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['form-field', changed ? 'form-field--changed' : '', error ? 'form-field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint ? (
        <span className="form-field__hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-field__error" id={errorId} role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
