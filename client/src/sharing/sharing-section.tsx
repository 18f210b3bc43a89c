import { percent } from '../coverage/coverage-formats.js';
import type { SharingSummary } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { fractionText } from './sharing-formats.js';
import type { CachedAnswerLoad } from '../api/use-cached-answer.js';

/** The sharing part of the left panel: the province's site sharing ratio against the target, and the button to the panel. */
export function SharingSection({ load, open, onOpen }: { load: CachedAnswerLoad<SharingSummary>; open: boolean; onOpen: (open: boolean) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const data = load.data;
  const province = data?.province ?? null;
  const reached = province?.siteRatio.value !== null && province?.siteRatio.value !== undefined && data !== null && province.siteRatio.value >= data.target;
  return (
    <div className="sharing-section" data-testid="sharing-section">
      {province && data ? (
        <div className="coverage-ratio">
          <div className="coverage-ratio__main">
            <span className="coverage-ratio__value" data-testid="sharing-section-ratio" data-numerator={province.siteRatio.numerator} data-denominator={province.siteRatio.denominator}>
              {percent(i18n, province.siteRatio.value)}
            </span>
            <span className="coverage-ratio__label">{t('sharing.sectionLabel')}</span>
          </div>
          <p className="coverage-ratio__fraction">{t('sharing.fractionSites', { shared: province.siteRatio.numerator, sites: province.siteRatio.denominator })}</p>
          <p className={reached ? 'sharing-section__target sharing-section__target--reached' : 'sharing-section__target'}>
            {t(reached ? 'sharing.targetReached' : 'sharing.targetMissed', { target: percent(i18n, data.target, 0), fraction: fractionText(i18n, province.siteRatio) })}
          </p>
        </div>
      ) : load.status === 'error' ? (
        <p className="layer-row__error">{t('sharing.failed', { detail: load.error ?? '' })}</p>
      ) : (
        <p className="coverage-section__scope">{t('sharing.loading')}</p>
      )}
      <p className="legend__note">{t('sharing.def.siteRatio')}</p>
      <button type="button" className="button button--small" aria-pressed={open} onClick={() => onOpen(!open)} data-testid="open-sharing-panel">
        <span aria-hidden="true">▥</span> {t('sharing.panelTitle')}
      </button>
    </div>
  );
}
