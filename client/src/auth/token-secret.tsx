import { useRef, useState } from 'react';
import type { ApiTokenCreated } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';

/** A new token's secret, shown this once, with a copy button and the warning that it cannot be seen again. */
export function TokenSecret({ token, onDone }: { token: ApiTokenCreated; onDone: () => void }) {
  const { t } = useI18n();
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copyToken = () => {
    field.current?.select();
    // The clipboard API needs a secure context (https or localhost); elsewhere the text stays selected for Ctrl+C.
    const clipboard = window.navigator.clipboard as Clipboard | undefined;
    if (!clipboard) {
      setCopy('failed');
      return;
    }
    clipboard.writeText(token.token).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  return (
    <section className="token-secret" data-testid="token-secret" aria-live="polite">
      <h3 className="token-secret__title">{t('tokens.secretTitle', { name: token.name })}</h3>
      <p className="token-secret__warning" role="alert">
        <span aria-hidden="true">⚠</span> {t('tokens.secretWarning')}
      </p>
      <div className="token-secret__row">
        <input
          ref={field}
          className="text-input token-secret__value"
          readOnly
          value={token.token}
          onFocus={(e) => e.target.select()}
          aria-label={t('tokens.title')}
          data-testid="token-secret-value"
        />
        <button type="button" className="button button--primary" onClick={copyToken} data-testid="token-copy">
          {copy === 'copied' ? `✓ ${t('tokens.copied')}` : t('tokens.copy')}
        </button>
      </div>
      {copy === 'failed' ? <p className="form-message form-message--error">{t('tokens.copyFailed')}</p> : null}
      <div className="modal__actions">
        <button type="button" className="button" onClick={onDone} data-testid="token-secret-done">
          {t('tokens.secretDone')}
        </button>
      </div>
    </section>
  );
}
