import type { Indicator, Verdict } from '../domain/contract-types.js';
import { isOneOf, verdictValues } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import { IndicatorSparkline } from './indicator-sparkline.js';
import { indicatorFractionText, indicatorGapText, indicatorNumberText, indicatorValueText, statusKind, statusText } from './indicator-formats.js';

interface IndicatorCardProps {
  indicator: Indicator;
  /** The lõm sóng / trắng sóng counts open the hamlet list filtered by that verdict. */
  onBreakdown?: (verdict: Verdict) => void;
  /** Planners: edit the target, enter the reported figure of the period. */
  onEditTarget?: () => void;
  onEnterReported?: () => void;
  selected?: boolean;
  onSelect?: () => void;
}

/**
 * One indicator of the plan for the unit: value, what it is made of, the target
 * with its year, the gap, the status, the official reported figure, the trend,
 * where the number comes from and its definition.
 */
export function IndicatorCard({ indicator, onBreakdown, onEditTarget, onEnterReported, selected = false, onSelect }: IndicatorCardProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const kind = statusKind(indicator.status, indicator.target, indicator.value);
  const fraction = indicatorFractionText(i18n, indicator.counts, indicator.numerator, indicator.denominator);
  const target = indicator.targetDetail;
  const reported = indicator.reported;
  const code = indicator.code;
  return (
    <article className={selected ? 'indicator-card indicator-card--selected' : 'indicator-card'} data-testid={`indicator-card-${code}`} data-status={kind}>
      <header className="indicator-card__head">
        <h3 className="indicator-card__name">
          <button type="button" className="indicator-card__name-button" onClick={onSelect} title={t('indicators.card.selectHint')} aria-pressed={selected}>
            {indicator.name[lang]}
          </button>
        </h3>
        <span className={`indicator-badge indicator-badge--source-${indicator.source}`} title={t(`indicators.source.${indicator.source}.definition`)} data-testid={`indicator-source-${code}`}>
          {t(`indicators.source.${indicator.source}`)}
        </span>
      </header>
      <div className="indicator-card__main">
        <span className="indicator-card__value" data-testid={`indicator-value-${code}`} title={indicator.definition[lang]}>
          {indicator.value !== null && (indicator.measure === 'per_100_people' || indicator.measure === 'mbps') ? (
            // The unit in smaller type after the number: "76,85 thuê bao/100 dân" stays on one line.
            <>
              {indicatorNumberText(i18n, indicator.measure, indicator.value)}{' '}
              <span className="indicator-card__value-unit">{indicator.unitLabel[lang]}</span>
            </>
          ) : (
            indicatorValueText(i18n, indicator, indicator.value)
          )}
        </span>
        <span className={`indicator-status indicator-status--${kind}`} data-testid={`indicator-status-${code}`} title={t(`indicators.status.${kind}.definition`)}>
          {statusText(i18n, kind)}
        </span>
      </div>
      {fraction ? (
        <p className="indicator-card__fraction" data-testid={`indicator-fraction-${code}`} title={t('indicators.card.fractionHint', { numerator: indicator.numeratorName[lang], denominator: indicator.denominatorName[lang] })}>
          {fraction}
        </p>
      ) : indicator.source === 'reported' && reported ? (
        <p className="indicator-card__fraction" data-testid={`indicator-fraction-${code}`}>
          {t('indicators.card.reportedPeriod', { period: reported.period })}
          {reported.derivedFrom ? ` · ${t('indicators.card.derived', { set: reported.derivedFrom })}` : ''}
        </p>
      ) : null}
      <dl className="indicator-card__facts">
        <div>
          <dt>{target ? t('indicators.card.targetYear', { year: String(target.year) }) : t('indicators.card.target')}</dt>
          <dd data-testid={`indicator-target-${code}`} title={target ? t(`indicators.card.targetScope.${target.scope}`) + (target.document ? ` · ${target.document}` : '') : undefined}>
            {target ? indicatorValueText(i18n, indicator, target.value) : t('indicators.status.no-target')}
          </dd>
        </div>
        <div>
          <dt title={t('indicators.card.gapHint')}>{t('indicators.card.gap')}</dt>
          <dd data-testid={`indicator-gap-${code}`} className={indicator.gap !== null && indicator.gap < 0 ? 'indicator-card__gap--short' : undefined}>
            {indicatorGapText(i18n, indicator, indicator.gap)}
          </dd>
        </div>
      </dl>
      {indicator.source === 'computed' && reported ? (
        <p className="indicator-card__reported" data-testid={`indicator-reported-${code}`} title={[reported.document, reported.derivedFrom ? t('indicators.card.derived', { set: reported.derivedFrom }) : null].filter(Boolean).join(' · ') || undefined}>
          {t('indicators.card.reported', { period: reported.period, value: indicatorValueText(i18n, indicator, reported.value) })}
        </p>
      ) : null}
      {indicator.breakdown.length > 0 ? (
        <ul className="indicator-card__breakdown">
          {indicator.breakdown.map((part) => {
            const verdict = isOneOf(verdictValues, part.code) ? part.code : null;
            return (
              <li key={part.code}>
                {verdict && onBreakdown ? (
                  <button
                    type="button"
                    className={`indicator-breakdown indicator-breakdown--${part.code}`}
                    onClick={() => onBreakdown(verdict)}
                    title={t('indicators.card.breakdownHint', { name: part.name[lang] })}
                    data-testid={`indicator-breakdown-${code}-${part.code}`}
                    data-count={part.count}
                  >
                    {part.name[lang]}: <strong>{i18n.formatNumber(part.count)}</strong>
                  </button>
                ) : (
                  <span className="indicator-breakdown">
                    {part.name[lang]}: <strong>{i18n.formatNumber(part.count)}</strong>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="indicator-card__trend">
        <span className="indicator-card__trend-label">{t('indicators.card.trend')}</span>
        <IndicatorSparkline trend={indicator.trend} indicator={indicator} testId={`indicator-trend-${code}`} />
      </div>
      <details className="indicator-card__details">
        <summary>{t('indicators.card.details')}</summary>
        <p>{indicator.definition[lang]}</p>
        <dl>
          <dt>{t('indicators.card.numerator')}</dt>
          <dd>{indicator.numeratorName[lang]}</dd>
          <dt>{t('indicators.card.denominator')}</dt>
          <dd>{indicator.denominatorName[lang]}</dd>
        </dl>
      </details>
      {onEditTarget || onEnterReported ? (
        <div className="indicator-card__actions">
          {onEditTarget ? (
            <button type="button" className="button button--small" onClick={onEditTarget} data-testid={`indicator-edit-target-${code}`}>
              {t('indicators.target.edit')}
            </button>
          ) : null}
          {onEnterReported ? (
            <button type="button" className="button button--small" onClick={onEnterReported} data-testid={`indicator-enter-reported-${code}`}>
              {t('indicators.reported.enter')}
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
