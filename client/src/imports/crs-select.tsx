import { useI18n } from '../i18n/i18n-context.js';
import { crsChoiceOf, crsChoices } from './crs-options.js';
import { crsChoiceHint, crsChoiceLabel } from './import-formats.js';

interface Props {
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  testId: string;
}

/** The coordinate system option, with one line on what each means. */
export function CrsSelect({ value, onChange, disabled = false, testId }: Props) {
  const { t } = useI18n();
  const choice = crsChoiceOf(value);
  const main = crsChoices.filter((c) => c.kind !== 'tm3-other');
  const others = crsChoices.filter((c) => c.kind === 'tm3-other');
  return (
    <label className="field import-field">
      <span className="field__label">{t('import.crs')}</span>
      <select value={choice.value} onChange={(e) => onChange(e.target.value)} disabled={disabled} data-testid={testId}>
        {main.map((c) => (
          <option key={c.value} value={c.value}>
            {crsChoiceLabel(t, c)}
          </option>
        ))}
        <optgroup label={t('import.crs.otherMeridians')}>
          {others.map((c) => (
            <option key={c.value} value={c.value}>
              {crsChoiceLabel(t, c)}
            </option>
          ))}
        </optgroup>
      </select>
      <span className="import-field__hint" data-testid={`${testId}-hint`}>
        {crsChoiceHint(t, choice)}
      </span>
    </label>
  );
}
