import type { HamletCoverageResponse } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { verdictSymbols } from '../hamlets/hamlet-verdict-matrix.js';
import { percent } from './coverage-formats.js';

/**
 * The hamlet coverage ratio with its numerator and denominator, the hamlets of
 * each verdict, and the population with signal.
 */
export function CoverageRatio({ summary, inline = false }: { summary: HamletCoverageResponse['summary']; inline?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const populationShare = summary.population > 0 ? summary.populationCovered / summary.population : null;
  return (
    <div className={inline ? 'coverage-ratio coverage-ratio--inline' : 'coverage-ratio'} data-testid="coverage-ratio">
      <div className="coverage-ratio__main">
        <span className="coverage-ratio__value" data-testid="coverage-ratio-value" data-ratio={summary.coverageRatio ?? ''}>
          {percent(i18n, summary.coverageRatio)}
        </span>
        <span className="coverage-ratio__label">{t('ratio.label')}</span>
      </div>
      <p className="coverage-ratio__fraction" data-testid="coverage-ratio-fraction">
        {t('ratio.fraction', { covered: summary.covered, hamlets: summary.hamlets })}
      </p>
      <ul className="coverage-ratio__counts">
        <li className="count-chip count-chip--covered" title={t('verdictDefinition.covered')}>
          <span aria-hidden="true">{verdictSymbols.covered}</span> {t('verdict.covered')} <strong>{i18n.formatNumber(summary.covered)}</strong>
        </li>
        <li className="count-chip count-chip--lom_song" title={t('verdictDefinition.lom_song')}>
          <span aria-hidden="true">{verdictSymbols.lom_song}</span> {t('verdict.lom_song')} <strong>{i18n.formatNumber(summary.lomSong)}</strong>
        </li>
        <li className="count-chip count-chip--trang_song" title={t('verdictDefinition.trang_song')}>
          <span aria-hidden="true">{verdictSymbols.trang_song}</span> {t('verdict.trang_song')} <strong>{i18n.formatNumber(summary.trangSong)}</strong>
        </li>
      </ul>
      <p className="coverage-ratio__population">
        {t('ratio.population', { covered: summary.populationCovered, population: summary.population, share: percent(i18n, populationShare) })}
      </p>
    </div>
  );
}
