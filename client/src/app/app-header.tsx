import { AccountMenu, type AccountAction } from '../auth/account-menu.js';
import type { Operator, SearchResult } from '../domain/contract-types.js';
import { useI18n, type Lang } from '../i18n/i18n-context.js';
import { SearchBox } from '../search/search-box.js';
import { LanguageSwitch } from './language-switch.js';

interface AppHeaderProps {
  demoData: boolean;
  operators: readonly Operator[];
  onSearchChoose: (result: SearchResult) => void;
  onLanguageChange: (lang: Lang) => void;
  onAccountAction: (action: AccountAction) => void;
  /** Opens the plan indicators (Chỉ tiêu quy hoạch). */
  onOpenIndicators?: () => void;
  indicatorsOpen?: boolean;
}

export function AppHeader({ demoData, operators, onSearchChoose, onLanguageChange, onAccountAction, onOpenIndicators, indicatorsOpen = false }: AppHeaderProps) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <div className="brand">
        <img className="brand__logo" src="/favicon.svg" alt="" width="28" height="28" />
        <div className="brand__text">
          <h1 className="brand__title">
            hatang <span className="brand__sep">·</span> {t('app.title')}
          </h1>
          <p className="brand__subtitle">{t('app.subtitle')}</p>
        </div>
      </div>
      <SearchBox onChoose={onSearchChoose} />
      <div className="app-header__end">
        {demoData ? (
          <span className="demo-badge" title={t('demo.notice')}>
            {t('demo.badge')}
          </span>
        ) : null}
        {onOpenIndicators ? (
          <button
            type="button"
            className="header-button header-button--indicators"
            aria-pressed={indicatorsOpen}
            aria-label={t('indicators.title')}
            onClick={onOpenIndicators}
            title={t('indicators.openHint')}
            data-testid="open-indicators"
          >
            <span aria-hidden="true">▤</span> <span className="header-button__text">{t('indicators.open')}</span>
          </button>
        ) : null}
        <LanguageSwitch onChange={onLanguageChange} />
        <AccountMenu operators={operators} onAction={onAccountAction} />
      </div>
    </header>
  );
}
