import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeError, fetchMeta } from '../api/api-client.js';
import { SignInDialog } from '../auth/sign-in-dialog.js';
import { SignInScreen } from '../auth/sign-in-screen.js';
import { SessionContext, useSessionState } from '../auth/use-session.js';
import type { Meta } from '../domain/contract-types.js';
import { I18nProvider, makeI18n, type Lang } from '../i18n/i18n-context.js';
import type { HatangMap } from '../map/hatang-map.js';
import type { ViewState } from '../url/view-state.js';
import { ReportPage } from '../reports/report-page.js';
import { MapScreen } from './map-screen.js';
import { useViewState } from './use-view-state.js';

type MetaLoad = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; meta: Meta } | { status: 'error'; error: string };

/**
 * The app's gate: the view state (in the URL), the language and the session.
 * The map opens for a visitor when the server lets anonymous visitors read it,
 * otherwise only after signing in (a full-page sign-in screen first).
 */
export function HatangApp() {
  const mapRef = useRef<HatangMap | null>(null);
  const [state, update] = useViewState((next: ViewState) => {
    if (next.camera && mapRef.current) mapRef.current.jumpTo(next.camera);
  });
  const i18n = useMemo(() => makeI18n(state.lang), [state.lang]);
  const { t } = i18n;
  const session = useSessionState(state.lang);
  const signedIn = Boolean(session.info?.user);
  const mayRead = session.info !== null && (session.anonymousRead || signedIn);
  const [metaLoad, setMetaLoad] = useState<MetaLoad>({ status: 'idle' });
  const [metaAttempt, setMetaAttempt] = useState(0);
  const setLang = useCallback((lang: Lang) => update((prev) => ({ ...prev, lang })), [update]);

  useEffect(() => {
    document.title = `hatang · ${t('app.title')}`;
  }, [t]);

  // Meta (operators, extent, counts) is language-neutral: fetched once per attempt, once reading is allowed.
  const langAtStart = useRef(state.lang);
  useEffect(() => {
    if (!mayRead) return;
    const controller = new AbortController();
    setMetaLoad((prev) => (prev.status === 'ready' ? prev : { status: 'loading' }));
    fetchMeta(langAtStart.current, controller.signal)
      .then((meta) => setMetaLoad({ status: 'ready', meta }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setMetaLoad({ status: 'error', error: describeError(error) });
      });
    return () => controller.abort();
  }, [metaAttempt, mayRead]);

  const splash = (failure: string | null, retry: () => void) => (
    <div className="app-splash">
      {failure !== null ? (
        <div className="app-splash__box" role="alert">
          <p>
            {t('app.loadFailed')}: {failure}
          </p>
          <button type="button" className="button" onClick={retry}>
            {t('app.retry')}
          </button>
        </div>
      ) : (
        <p className="app-splash__box">{t('app.loading')}</p>
      )}
    </div>
  );

  let content;
  if (!session.info) content = splash(session.status === 'error' ? t('auth.sessionFailed', { detail: session.error ?? '' }) : null, session.reload);
  else if (!mayRead) content = <SignInScreen expired={session.expired} onLanguageChange={setLang} />;
  else if (metaLoad.status !== 'ready') content = splash(metaLoad.status === 'error' ? metaLoad.error : null, () => setMetaAttempt((n) => n + 1));
  // The printable report takes the whole page: no header, no map.
  else if (state.screen === 'report') content = <ReportPage meta={metaLoad.meta} state={state} update={update} />;
  else content = <MapScreen meta={metaLoad.meta} state={state} update={update} mapRef={mapRef} />;

  return (
    <I18nProvider lang={state.lang}>
      <SessionContext.Provider value={session}>
        {content}
        {mayRead && session.signInPrompt && !signedIn ? <SignInDialog reason={session.signInPrompt} onClose={session.closeSignIn} /> : null}
      </SessionContext.Provider>
    </I18nProvider>
  );
}
