import { verdictValues } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import { AreaSwatch, HatchSwatch } from '../layers/legend-swatches.js';
import { coverageOpacity, verdictColours } from '../map/map-palette.js';
import { percent, areaM2 } from './coverage-formats.js';

interface VerdictLegendProps {
  /** θ and the minimum gap area from the coverage model; the defaults of DESIGN §3 until it has loaded. */
  theta: number | null;
  minGapAreaM2: number | null;
  coverageColour: string;
}

/** What the verdict colours, the coverage wash and the hatch mean, with the definitions behind them. */
export function VerdictLegend({ theta, minGapAreaM2, coverageColour }: VerdictLegendProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const thetaText = percent(i18n, theta ?? 0.9, 0);
  return (
    <div className="legend verdict-legend" data-testid="verdict-legend">
      <section className="legend__group">
        <h3>{t('legend.verdicts')}</h3>
        <ul className="verdict-legend__list">
          {verdictValues.map((verdict) => (
            <li key={verdict}>
              <AreaSwatch fill={verdictColours[verdict]} fillOpacity={coverageOpacity.verdicts + 0.2} stroke="#ffffff" />
              <span>
                <strong>{t(`verdict.${verdict}`)}</strong>: {t(`verdictRule.${verdict}`, { theta: thetaText })}
              </span>
            </li>
          ))}
        </ul>
        <p className="legend__note">{t('definition.verdict', { theta: thetaText })}</p>
        <p className="legend__note">{t('definition.coverageRatio')}</p>
      </section>
      <section className="legend__group">
        <ul>
          <li>
            <HatchSwatch />
            <span>
              <strong>{t('layer.gaps')}</strong>: {t('definition.gapRule', { area: areaM2(i18n, minGapAreaM2 ?? 5000) })}
            </span>
          </li>
          <li>
            <AreaSwatch fill={coverageColour} fillOpacity={coverageOpacity.coverage + 0.1} stroke={coverageColour} />
            <span>
              <strong>{t('layer.coverage')}</strong>: {t('definition.coverage')}
            </span>
          </li>
        </ul>
        <p className="legend__note">{t('definition.broadband')}</p>
      </section>
    </div>
  );
}
