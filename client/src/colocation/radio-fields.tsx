import type { Operator, Technology } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { OperatorLabel } from '../inspector/operator-label.js';
import { RadioOperatorOptions } from '../coverage/radio-operator-options.js';
import { TechnologyBandFields } from '../coverage/technology-band-fields.js';

export interface RadioFieldValues {
  operator: string;
  technology: Technology;
  bandMHz: number;
  antennaHeightM: number;
}

interface Props<V extends RadioFieldValues> {
  value: V;
  operators: readonly Operator[];
  /** An operator's account works for its own operator only: shown, not chosen. */
  fixedOperator: string | null;
  testIdPrefix: string;
  onChange: (value: V) => void;
}

/** Operator, technology, band and antenna height: what the co-location search, the site planner and a proposal ask about. */
export function RadioFields<V extends RadioFieldValues>({ value, operators, fixedOperator, testIdPrefix, onChange }: Props<V>) {
  const { t } = useI18n();
  return (
    <>
      <label className="field">
        <span className="field__label">{t('whatIf.operator')}</span>
        {fixedOperator ? (
          <span className="field__fixed" data-testid={`${testIdPrefix}-operator-fixed`}>
            <OperatorLabel code={fixedOperator} operators={operators} />
          </span>
        ) : (
          <select value={value.operator} onChange={(event) => onChange({ ...value, operator: event.target.value })} data-testid={`${testIdPrefix}-operator`}>
            <RadioOperatorOptions operators={operators} />
          </select>
        )}
      </label>
      <TechnologyBandFields
        technology={value.technology}
        bandMHz={value.bandMHz}
        testIdPrefix={testIdPrefix}
        onChange={(technology, bandMHz) => onChange({ ...value, technology, bandMHz })}
      />
      <label className="field">
        <span className="field__label">{t('whatIf.antennaHeight')}</span>
        <input
          type="number"
          required
          min={1}
          max={300}
          step={0.5}
          value={value.antennaHeightM}
          onChange={(event) => onChange({ ...value, antennaHeightM: Number(event.target.value) })}
          data-testid={`${testIdPrefix}-antenna`}
        />
      </label>
    </>
  );
}
