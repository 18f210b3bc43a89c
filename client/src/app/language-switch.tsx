import { languages, useI18n, type Lang } from '../i18n/i18n-context.js';

export function LanguageSwitch({ onChange }: { onChange: (lang: Lang) => void }) {
  const { t, lang } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('lang.label')}>
      {languages.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={code === lang}
          title={t(`lang.${code}`)}
          onClick={() => onChange(code)}
          data-testid={`lang-${code}`}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
