import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { describeError } from '../api/api-client.js';
import { fetchApiTokens, postApiToken, revokeApiToken } from '../api/auth-api.js';
import type { ApiToken, ApiTokenCreated } from '../domain/contract-types.js';
import { useI18n, type I18n } from '../i18n/i18n-context.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { FormField } from '../ui/form-field.js';
import { ModalDialog } from '../ui/modal-dialog.js';
import { TokenSecret } from './token-secret.js';

type ListLoad = { status: 'loading' } | { status: 'ready'; tokens: ApiToken[] } | { status: 'error'; error: string };

const lifetimes = [30, 90, 365, null] as const;

function tokenState(token: ApiToken, now: number): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

function dateOr(i18n: I18n, iso: string | null, fallback: string): string {
  return iso ? i18n.formatDateTime(iso) : fallback;
}

/** One's own API tokens: the list, a new one (its secret shown once), revoking. */
export function ApiTokensDialog({ onClose }: { onClose: () => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [load, setLoad] = useState<ListLoad>({ status: 'loading' });
  const [name, setName] = useState('');
  const [days, setDays] = useState<number | null>(90);
  const [nameError, setNameError] = useState<string | null>(null);
  const [createError, setCreateError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const reload = useCallback(() => {
    fetchApiTokens(lang)
      .then((tokens) => setLoad({ status: 'ready', tokens }))
      .catch((e: unknown) => setLoad({ status: 'error', error: describeError(e) }));
  }, [lang]);
  useEffect(reload, [reload]);

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('tokens.nameRequired'));
      return;
    }
    setNameError(null);
    setCreateError(null);
    setCreating(true);
    postApiToken(name.trim(), days, lang)
      .then((token) => {
        setCreated(token);
        setName('');
        reload();
      })
      .catch((e: unknown) => setCreateError(describeError(e)))
      .finally(() => setCreating(false));
  };

  const now = Date.now();
  return (
    <ModalDialog title={t('tokens.title')} onClose={onClose} size="wide" testId="tokens-dialog">
      <p className="modal__note">{t('tokens.intro')}</p>
      {created ? (
        <TokenSecret token={created} onDone={() => setCreated(null)} />
      ) : (
        <form className="token-create" onSubmit={create} noValidate>
          <h3 className="modal__subheading">{t('tokens.newHeading')}</h3>
          <div className="token-create__row">
            <FormField label={t('tokens.name')} error={nameError} className="token-create__name">
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  className="text-input"
                  value={name}
                  maxLength={100}
                  placeholder={t('tokens.namePlaceholder')}
                  onChange={(e) => setName(e.target.value)}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  data-autofocus
                  data-testid="token-name"
                />
              )}
            </FormField>
            <FormField label={t('tokens.expires')}>
              {({ id }) => (
                <select id={id} className="select-input" value={days ?? ''} onChange={(e) => setDays(e.target.value === '' ? null : Number(e.target.value))} data-testid="token-days">
                  {lifetimes.map((d) => (
                    <option key={d ?? 'never'} value={d ?? ''}>
                      {d === null ? t('tokens.untilRevoked') : t('tokens.days', { days: d })}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <button type="submit" className="button button--primary token-create__submit" disabled={creating} data-testid="token-create">
              {creating ? t('tokens.creating') : t('tokens.create')}
            </button>
          </div>
          {createError ? (
            <p className="form-message form-message--error" role="alert">
              {createError}
            </p>
          ) : null}
        </form>
      )}

      {load.status === 'loading' ? <p className="modal__note">{t('tokens.loading')}</p> : null}
      {load.status === 'error' ? <p className="form-message form-message--error">{t('tokens.failed', { detail: load.error })}</p> : null}
      {load.status === 'ready' ? (
        <>
          <h3 className="modal__subheading">{t('tokens.list', { count: load.tokens.length })}</h3>
          {load.tokens.length === 0 ? (
            <p className="modal__note">{t('tokens.empty')}</p>
          ) : (
            <div className="table-scroll table-scroll--modal">
              <table className="data-table data-table--plain" data-testid="token-table">
                <thead>
                  <tr>
                    <th scope="col">{t('tokens.name')}</th>
                    <th scope="col">{t('tokens.prefix')}</th>
                    <th scope="col">{t('tokens.createdAt')}</th>
                    <th scope="col">{t('tokens.expiresAt')}</th>
                    <th scope="col">{t('tokens.lastUsed')}</th>
                    <th scope="col">{t('tokens.status')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('tokens.revoke')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {load.tokens.map((token) => {
                    const state = tokenState(token, now);
                    return (
                      <tr key={token.id} className="data-table__row" data-testid="token-row" data-state={state}>
                        <td>{token.name}</td>
                        <td>
                          <code>{token.prefix}…</code>
                        </td>
                        <td>{i18n.formatDateTime(token.createdAt)}</td>
                        <td>{dateOr(i18n, token.expiresAt, t('tokens.noExpiry'))}</td>
                        <td>{dateOr(i18n, token.lastUsedAt, t('tokens.neverUsed'))}</td>
                        <td>
                          <span className={`state-badge state-badge--${state}`}>{t(`tokens.${state}`)}</span>
                        </td>
                        <td className="data-table__actions">
                          {state === 'active' ? (
                            <button type="button" className="button button--small button--danger-outline" onClick={() => setRevoking(token)} data-testid="token-revoke">
                              {t('tokens.revoke')}
                            </button>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
      {revoking ? (
        <ConfirmDialog
          title={t('tokens.revokeTitle', { name: revoking.name })}
          body={t('tokens.revokeBody')}
          confirmLabel={t('tokens.revoke')}
          busyLabel={t('delete.deleting')}
          failedText={(detail) => t('delete.failed', { detail })}
          danger
          testId="token-revoke-dialog"
          onConfirm={() => revokeApiToken(revoking.id, lang).then(reload)}
          onClose={() => setRevoking(null)}
        />
      ) : null}
    </ModalDialog>
  );
}
