import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../api/api-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import { FormField } from '../ui/form-field.js';
import { useSession } from './use-session.js';

interface SignInFormProps {
  /** A line above the fields (why the form is shown). */
  notice?: string | null;
  onCancel?: () => void;
  testId?: string;
}

/** User name and password; the server's problem detail (wrong credentials, too many attempts) under them. */
export function SignInForm({ notice, onCancel, testId = 'sign-in-form' }: SignInFormProps) {
  const { t } = useI18n();
  const session = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(t('auth.fieldsRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    session
      .signIn(username.trim().toLowerCase(), password)
      .catch((e: unknown) => {
        setPassword('');
        if (e instanceof ApiError && e.status === 429 && e.retryAfterSeconds) {
          setError(t('auth.throttled', { minutes: Math.max(1, Math.ceil(e.retryAfterSeconds / 60)) }));
        } else {
          setError(describeError(e));
        }
      })
      .finally(() => setBusy(false));
  };

  return (
    <form className="sign-in-form" onSubmit={submit} noValidate data-testid={testId}>
      {notice ? (
        <p className="form-message form-message--notice" data-testid="sign-in-notice">
          {notice}
        </p>
      ) : null}
      <FormField label={t('auth.username')}>
        {({ id }) => (
          <input
            id={id}
            className="text-input"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            data-autofocus
            data-testid="sign-in-username"
          />
        )}
      </FormField>
      <FormField label={t('auth.password')}>
        {({ id }) => (
          <input
            id={id}
            className="text-input"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="sign-in-password"
          />
        )}
      </FormField>
      {error ? (
        <p className="form-message form-message--error" role="alert" data-testid="sign-in-error">
          {error}
        </p>
      ) : null}
      <div className="modal__actions">
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {t('auth.cancel')}
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="sign-in-submit">
          {busy ? t('auth.signingIn') : t('auth.submit')}
        </button>
      </div>
    </form>
  );
}
