import type { Indicator, IndicatorsResponse } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';

/**
 * Section 6: every indicator's definition with numerator, denominator, unit
 * and source, numbered as in the summary, then the parameters the computed
 * ones depend on (θ, r, ε) from the answer's settings.
 */
export function ReportDefinitions({ indicators, settings }: { indicators: readonly Indicator[]; settings: IndicatorsResponse['settings'] }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  return (
    <>
      <ol className="report-definitions" data-testid="report-definitions">
        {indicators.map((indicator) => (
          <li key={indicator.code} className="report-definition" data-code={indicator.code}>
            <p className="report-definition__name">{indicator.name[lang]}</p>
            <dl className="report-definition__facts">
              <dt>{t('report.def.definition')}</dt>
              <dd>{indicator.definition[lang]}</dd>
              <dt>{t('report.def.numerator')}</dt>
              <dd>{indicator.numeratorName[lang]}</dd>
              <dt>{t('report.def.denominator')}</dt>
              <dd>{indicator.denominatorName[lang]}</dd>
              <dt>{t('report.def.unit')}</dt>
              <dd>{indicator.unitLabel[lang] || indicator.unitLabel.vi}</dd>
              <dt>{t('report.def.source')}</dt>
              <dd>{t(indicator.source === 'computed' ? 'report.def.sourceComputed' : 'report.def.sourceReported')}</dd>
            </dl>
          </li>
        ))}
      </ol>
      <div className="report-parameters" data-testid="report-parameters">
        <p className="report-definition__name">{t('report.def.parameters')}</p>
        <ul>
          <li>{t('report.def.theta', { value: i18n.formatNumber(settings.coverageTheta, 2) })}</li>
          <li>{t('report.def.fiberReach', { value: settings.fiberReachM })}</li>
          <li>{t('report.def.eps', { value: settings.siteInferenceEpsM })}</li>
        </ul>
      </div>
    </>
  );
}
