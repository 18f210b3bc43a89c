import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../api/api-client.js';
import { onUnauthorized, setCsrfToken, setCsrfTokenRefresher } from '../api/api-session.js';
import { fetchSession, postLogin, postLogout } from '../api/auth-api.js';
import type { Permission, SessionInfo } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import { hasPermission, mayWriteRecord } from './permissions.js';

/** Why the sign-in dialog is open: asked for, a session that ended, or an action that needs an account. */
export type SignInReason = 'requested' | 'expired' | 'required';

export interface Session {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  /** The last answer of GET /api/auth/session (or of the sign-in); null until the first one. */
  info: SessionInfo | null;
  /** Whether an anonymous visitor may read the map; true until the server says otherwise. */
  anonymousRead: boolean;
  /** Set when the sign-in dialog should be shown, with the reason. */
  signInPrompt: SignInReason | null;
  /** True after a session ended without signing out (expiry, password reset, role change). */
  expired: boolean;
  can(permission: Permission): boolean;
  mayWrite(recordOperator: string): boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  reload(): void;
  openSignIn(reason?: SignInReason): void;
  closeSignIn(): void;
}

const anonymous = (info: SessionInfo): SessionInfo => ({ ...info, user: null, csrfToken: null, permissions: [], expiresAt: null });

/**
 * The session of this browser tab: loaded at start, replaced by a sign-in or
 * sign-out, checked again when the tab becomes visible, and ended (with the
 * sign-in dialog and a notice) when any API answer is a 401.
 */
export function useSessionState(lang: Lang): Session {
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const [status, setStatus] = useState<Session['status']>('loading');
  const [error, setError] = useState<string | null>(null);
  const [signInPrompt, setSignInPrompt] = useState<SignInReason | null>(null);
  const [expired, setExpired] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const langRef = useRef(lang);
  langRef.current = lang;
  const infoRef = useRef<SessionInfo | null>(null);

  const accept = useCallback((next: SessionInfo) => {
    const before = infoRef.current;
    // Signed in before, not any more, without signing out here: the session ended elsewhere.
    if (before?.user && !next.user) {
      setExpired(true);
      if (next.anonymousRead) setSignInPrompt('expired');
    }
    infoRef.current = next;
    setCsrfToken(next.csrfToken);
    setInfo(next);
    setStatus('ready');
    setError(null);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    fetchSession(langRef.current, controller.signal)
      .then(accept)
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setStatus('error');
        setError(describeError(e));
      });
    return () => controller.abort();
  }, [attempt, accept]);

  useEffect(() => {
    setCsrfTokenRefresher(async () => {
      const before = infoRef.current?.user?.username ?? null;
      const next = await fetchSession(langRef.current);
      accept(next);
      // Another account signed in in another tab: the write is not retried in its name.
      return next.user && next.user.username === before ? next.csrfToken : null;
    });
    const stop = onUnauthorized(() => {
      const current = infoRef.current;
      if (!current) return;
      if (current.user) accept(anonymous(current));
      else if (current.anonymousRead) setSignInPrompt((prev) => prev ?? 'required');
    });
    // Back to the tab: the session may have ended (or begun) in another one.
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || !infoRef.current) return;
      fetchSession(langRef.current).then(accept).catch(() => undefined);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stop();
      setCsrfTokenRefresher(null);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [accept]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const next = await postLogin(username, password, langRef.current);
      accept(next);
      setExpired(false);
      setSignInPrompt(null);
    },
    [accept],
  );

  const signOut = useCallback(async () => {
    await postLogout(langRef.current).catch(() => undefined);
    const current = infoRef.current;
    // Not "expired": this tab signed out on purpose.
    if (current) {
      infoRef.current = anonymous(current);
      setInfo(infoRef.current);
    }
    setCsrfToken(null);
    setExpired(false);
    const next = await fetchSession(langRef.current).catch(() => null);
    if (next) accept(next);
  }, [accept]);

  const reload = useCallback(() => {
    setStatus('loading');
    setAttempt((n) => n + 1);
  }, []);
  const openSignIn = useCallback((reason: SignInReason = 'requested') => setSignInPrompt(reason), []);
  const closeSignIn = useCallback(() => setSignInPrompt(null), []);

  return useMemo(
    () => ({
      status,
      error,
      info,
      anonymousRead: info?.anonymousRead ?? true,
      signInPrompt,
      expired,
      can: (permission: Permission) => hasPermission(info, permission),
      mayWrite: (recordOperator: string) => mayWriteRecord(info, recordOperator),
      signIn,
      signOut,
      reload,
      openSignIn,
      closeSignIn,
    }),
    [status, error, info, signInPrompt, expired, signIn, signOut, reload, openSignIn, closeSignIn],
  );
}

const noSession: Session = {
  status: 'loading',
  error: null,
  info: null,
  anonymousRead: true,
  signInPrompt: null,
  expired: false,
  can: () => false,
  mayWrite: () => false,
  signIn: () => Promise.reject(new Error('no session provider')),
  signOut: () => Promise.resolve(),
  reload: () => undefined,
  openSignIn: () => undefined,
  closeSignIn: () => undefined,
};

export const SessionContext = createContext<Session>(noSession);

export function useSession(): Session {
  return useContext(SessionContext);
}
