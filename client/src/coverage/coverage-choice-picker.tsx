import type { Operator } from '../domain/contract-types.js';
import { anyOperator, technologyGroupValues } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import { radioOperators } from '../map/operator-colours.js';
import type { CoverageChoice } from '../url/view-state.js';
import { groupLabel } from './coverage-labels.js';

interface CoverageChoicePickerProps {
  operators: readonly Operator[];
  value: CoverageChoice;
  onChange: (choice: CoverageChoice) => void;
}

/** Whose coverage: one mobile operator or any ("mọi nhà mạng"), and one technology group. */
export function CoverageChoicePicker({ operators, value, onChange }: CoverageChoicePickerProps) {
  const { t } = useI18n();
  return (
    <div className="coverage-choice">
      <label className="field">
        <span className="field__label">{t('coverage.operator')}</span>
        <select value={value.operator} onChange={(event) => onChange({ ...value, operator: event.target.value })} data-testid="coverage-operator">
          <option value={anyOperator}>{t('coverage.anyOperator')}</option>
          {radioOperators(operators).map((operator) => (
            <option key={operator.code} value={operator.code}>
              {operator.shortName}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <span className="field__label" id="coverage-group-label">
          {t('coverage.group')}
        </span>
        <div className="segmented" role="group" aria-labelledby="coverage-group-label">
          {technologyGroupValues.map((group) => (
            <button
              key={group}
              type="button"
              aria-pressed={value.group === group}
              title={groupLabel(t, group, true)}
              onClick={() => onChange({ ...value, group })}
              data-testid={`coverage-group-${group}`}
            >
              {groupLabel(t, group)}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
