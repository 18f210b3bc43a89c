import { useEffect, useRef, useState } from 'react';
import type { Operator } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { userRoleLabel } from './permissions.js';
import { useSession } from './use-session.js';

/** What the account menu can open; the app decides where each one shows. */
export type AccountAction = 'password' | 'tokens' | 'users' | 'audit';

interface AccountMenuProps {
  operators: readonly Operator[];
  onAction: (action: AccountAction) => void;
}

/**
 * The header's end: "Đăng nhập" for a visitor; for an account its name and
 * role, and a menu of what that role may open.
 */
export function AccountMenu({ operators, onAction }: AccountMenuProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const user = session.info?.user ?? null;

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!user) {
    return (
      <button type="button" className="header-button" onClick={() => session.openSignIn()} title={t('auth.signInHint')} data-testid="sign-in-button">
        <span aria-hidden="true">⎆</span> {t('auth.signIn')}
      </button>
    );
  }

  const choose = (action: AccountAction) => {
    setOpen(false);
    onAction(action);
  };
  const expiresAt = session.info?.expiresAt;
  return (
    <div className="account-menu" ref={root}>
      <button
        type="button"
        className="account-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        data-testid="account-button"
      >
        <span className="account-menu__avatar" aria-hidden="true">
          {user.displayName.trim().slice(0, 1).toUpperCase() || '?'}
        </span>
        <span className="account-menu__who">
          <span className="account-menu__name" data-testid="account-name">
            {user.displayName}
          </span>
          <span className="account-menu__role" data-testid="account-role">
            {userRoleLabel(t, user, operators)}
          </span>
        </span>
        <span className="account-menu__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open ? (
        <div className="account-menu__popup" role="menu" aria-label={t('account.menu')} data-testid="account-menu">
          <p className="account-menu__meta">
            {t('account.signedInAs', { username: user.username })}
            {expiresAt ? (
              <>
                <br />
                {t('account.sessionUntil', { time: i18n.formatDateTime(expiresAt) })}
              </>
            ) : null}
          </p>
          <button type="button" role="menuitem" onClick={() => choose('password')} data-testid="menu-password">
            {t('account.changePassword')}
          </button>
          <button type="button" role="menuitem" onClick={() => choose('tokens')} data-testid="menu-tokens">
            {t('account.apiTokens')}
          </button>
          {session.can('users.manage') ? (
            <button type="button" role="menuitem" onClick={() => choose('users')} data-testid="menu-users">
              {t('account.users')}
            </button>
          ) : null}
          {session.can('audit.read') ? (
            <button type="button" role="menuitem" onClick={() => choose('audit')} data-testid="menu-audit">
              {t('account.audit')}
            </button>
          ) : null}
          <hr />
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setOpen(false);
              void session.signOut();
            }}
            data-testid="menu-sign-out"
          >
            {t('auth.signOut')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
