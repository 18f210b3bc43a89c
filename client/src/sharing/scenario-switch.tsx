import type { Scenario } from '../domain/contract-types.js';
import { scenarioValues } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';

/**
 * Hiện trạng / Quy hoạch: which network the layers, the hamlet coverage, the
 * sharing panel and the indicators describe. It lives in the link (scenario=planned).
 */
export function ScenarioSwitch({ value, onChange, compact = false }: { value: Scenario; onChange: (scenario: Scenario) => void; compact?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={compact ? 'scenario-switch scenario-switch--compact' : 'scenario-switch'}>
      <div className="scenario-switch__row" role="radiogroup" aria-label={t('scenario.label')}>
        <span className="scenario-switch__label">{t('scenario.label')}</span>
        {scenarioValues.map((scenario) => (
          <button
            key={scenario}
            type="button"
            role="radio"
            aria-checked={scenario === value}
            className={scenario === value ? 'scenario-switch__option scenario-switch__option--on' : 'scenario-switch__option'}
            title={t(`scenario.${scenario}.definition`)}
            onClick={() => onChange(scenario)}
            data-testid={compact ? `scenario-compact-${scenario}` : `scenario-${scenario}`}
          >
            {t(`scenario.${scenario}`)}
          </button>
        ))}
      </div>
      {compact ? null : <p className="scenario-switch__hint">{t(`scenario.${value}.definition`)}</p>}
    </div>
  );
}
