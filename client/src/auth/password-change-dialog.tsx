import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../api/api-client.js';
import { postPasswordChange } from '../api/auth-api.js';
import { useI18n } from '../i18n/i18n-context.js';
import { FormField } from '../ui/form-field.js';
import { ModalDialog } from '../ui/modal-dialog.js';

export const minPasswordLength = 10;

/** One's own password: the current one, the new one twice. */
export function PasswordChangeDialog({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; repeat?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!current) found.current = t('edit.required');
    if (next.length < minPasswordLength) found.next = t('password.tooShort');
    else if (next !== repeat) found.repeat = t('password.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    postPasswordChange(current, next, lang)
      .then(() => setDone(true))
      .catch((e: unknown) => {
        const detail = describeError(e);
        setErrors(e instanceof ApiError && e.status === 403 ? { current: detail } : { form: detail });
      })
      .finally(() => setBusy(false));
  };

  return (
    <ModalDialog title={t('password.title')} onClose={onClose} size="narrow" testId="password-dialog" busy={busy}>
      {done ? (
        <>
          <p className="form-message form-message--success" role="status" data-testid="password-done">
            {t('password.done')}
          </p>
          <div className="modal__actions">
            <button type="button" className="button button--primary" onClick={onClose} data-autofocus>
              {t('dialog.close')}
            </button>
          </div>
        </>
      ) : (
        <form className="stacked-form" onSubmit={submit} noValidate>
          <FormField label={t('password.current')} error={errors.current}>
            {({ id, describedBy, invalid }) => (
              <input id={id} className="text-input" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-autofocus data-testid="password-current" />
            )}
          </FormField>
          <FormField label={t('password.new')} hint={t('password.rule')} error={errors.next}>
            {({ id, describedBy, invalid }) => (
              <input id={id} className="text-input" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="password-new" />
            )}
          </FormField>
          <FormField label={t('password.confirm')} error={errors.repeat}>
            {({ id, describedBy, invalid }) => (
              <input id={id} className="text-input" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="password-repeat" />
            )}
          </FormField>
          <p className="modal__note">{t('password.effects')}</p>
          {errors.form ? (
            <p className="form-message form-message--error" role="alert">
              {errors.form}
            </p>
          ) : null}
          <div className="modal__actions">
            <button type="button" className="button" onClick={onClose} disabled={busy}>
              {t('auth.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy} data-testid="password-submit">
              {busy ? t('password.saving') : t('password.save')}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
