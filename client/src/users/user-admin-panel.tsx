import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../api/api-client.js';
import { fetchUsers } from '../api/user-api.js';
import { WorkspacePage } from '../app/workspace-page.js';
import { userRoleLabel } from '../auth/permissions.js';
import { useSession } from '../auth/use-session.js';
import type { Operator, User } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { UserFormDialog } from './user-form-dialog.js';

type UsersLoad = { status: 'loading' } | { status: 'ready'; users: User[] } | { status: 'error'; error: string };
type Editing = { kind: 'create' } | { kind: 'edit'; user: User } | null;

/** Accounts for admins: who may sign in, with which role; create, edit, deactivate, reset a password. */
export function UserAdminPanel({ operators, onClose }: { operators: readonly Operator[]; onClose: () => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const session = useSession();
  const [load, setLoad] = useState<UsersLoad>({ status: 'loading' });
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<string | null>(null);
  const me = session.info?.user?.username ?? null;

  const reload = useCallback(() => {
    fetchUsers(lang)
      .then((users) => setLoad({ status: 'ready', users }))
      .catch((e: unknown) => setLoad({ status: 'error', error: describeError(e) }));
  }, [lang]);
  useEffect(reload, [reload]);

  const permitted = session.can('users.manage');
  return (
    <WorkspacePage
      title={t('users.title')}
      intro={t('users.intro')}
      onClose={onClose}
      testId="user-admin"
      actions={
        permitted ? (
          <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'create' })} data-testid="user-create">
            {t('users.create')}
          </button>
        ) : null
      }
    >
      {!permitted ? (
        <p className="workspace__message">{session.info?.user ? t('users.forbidden') : t('workspace.signInNeeded')}</p>
      ) : (
        <>
          {message ? (
            <p className="form-message form-message--success workspace__message" role="status" data-testid="user-admin-message">
              {message}
            </p>
          ) : null}
          {load.status === 'loading' ? <p className="workspace__message">{t('users.loading')}</p> : null}
          {load.status === 'error' ? <p className="form-message form-message--error workspace__message">{t('users.failed', { detail: load.error })}</p> : null}
          {load.status === 'ready' ? (
            <div className="workspace__table">
              <p className="table-toolbar__count">{t('users.count', { count: load.users.length })}</p>
              <table className="data-table data-table--plain" data-testid="user-table">
                <thead>
                  <tr>
                    <th scope="col">{t('users.username')}</th>
                    <th scope="col">{t('users.displayName')}</th>
                    <th scope="col">{t('users.role')}</th>
                    <th scope="col">{t('users.status')}</th>
                    <th scope="col">{t('users.updatedAt')}</th>
                    <th scope="col" className="num">
                      {t('users.version')}
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">{t('users.edit')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {load.users.map((user) => (
                    <tr
                      key={user.username}
                      className={user.active ? 'data-table__row' : 'data-table__row data-table__row--inactive'}
                      data-testid="user-row"
                      data-username={user.username}
                    >
                      <td className="data-table__code">
                        {user.username}
                        {user.username === me ? <span className="you-tag">{t('users.you')}</span> : null}
                      </td>
                      <td>{user.displayName}</td>
                      <td>{userRoleLabel(t, user, operators)}</td>
                      <td>
                        <span className={`state-badge state-badge--${user.active ? 'active' : 'revoked'}`}>{t(user.active ? 'users.active' : 'users.inactive')}</span>
                      </td>
                      <td>{i18n.formatDateTime(user.updatedAt)}</td>
                      <td className="num">{user.version}</td>
                      <td className="data-table__actions">
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setEditing({ kind: 'edit', user })}
                          aria-label={t('users.editOf', { username: user.username })}
                          data-testid="user-edit"
                        >
                          ✎ {t('users.edit')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
      {editing ? (
        <UserFormDialog
          user={editing.kind === 'edit' ? editing.user : null}
          operators={operators}
          isSelf={editing.kind === 'edit' && editing.user.username === me}
          onClose={() => setEditing(null)}
          onSaved={(user, created) => {
            setEditing(null);
            setMessage(t(created ? 'users.created' : 'users.saved', { username: user.username }));
            reload();
          }}
        />
      ) : null}
    </WorkspacePage>
  );
}
