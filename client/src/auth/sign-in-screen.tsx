import { useI18n, type Lang } from '../i18n/i18n-context.js';
import { LanguageSwitch } from '../app/language-switch.js';
import { SignInForm } from './sign-in-form.js';

/** The whole page when the map is not public (HATANG_ANONYMOUS_READ=false) and nobody is signed in. */
export function SignInScreen({ expired, onLanguageChange }: { expired: boolean; onLanguageChange: (lang: Lang) => void }) {
  const { t } = useI18n();
  return (
    <div className="sign-in-screen" data-testid="sign-in-screen">
      <div className="sign-in-screen__lang">
        <LanguageSwitch onChange={onLanguageChange} />
      </div>
      <main className="sign-in-screen__card">
        <div className="sign-in-screen__brand">
          <img className="brand__logo" src="/favicon.svg" alt="" width="36" height="36" />
          <div>
            <h1 className="sign-in-screen__title">hatang · {t('app.title')}</h1>
            <p className="sign-in-screen__subtitle">{t('app.subtitle')}</p>
          </div>
        </div>
        <p className="sign-in-screen__intro">{t('auth.screenIntro')}</p>
        <SignInForm notice={expired ? t('auth.expiredNotice') : null} />
        <p className="sign-in-screen__contact">{t('auth.screenContact')}</p>
      </main>
    </div>
  );
}
