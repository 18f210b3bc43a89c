import { FormField } from '../ui/form-field.js';
import type { Draft, FieldSpec } from './record-draft.js';

interface RecordFieldsProps {
  specs: readonly FieldSpec[];
  draft: Draft;
  errors: Record<string, string>;
  /** Keys whose value differs from the loaded record (marked beside the label). */
  changed: ReadonlySet<string>;
  onChange: (key: string, text: string) => void;
  testIdPrefix: string;
}

/** The plain fields of an edit form (text, number, choice), two per row. */
export function RecordFields({ specs, draft, errors, changed, onChange, testIdPrefix }: RecordFieldsProps) {
  return (
    <>
      {specs.map((spec) => (
        <FormField key={spec.key} label={spec.label} hint={spec.hint} error={errors[spec.key]} changed={changed.has(spec.key)} className={spec.type === 'text' ? 'form-field--wide' : undefined}>
          {({ id, describedBy, invalid }) =>
            spec.type === 'select' ? (
              <select
                id={id}
                className="select-input"
                value={draft[spec.key] ?? ''}
                disabled={spec.disabled}
                onChange={(e) => onChange(spec.key, e.target.value)}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                data-testid={`${testIdPrefix}-${spec.key}`}
              >
                {spec.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                className={spec.type === 'number' ? 'text-input text-input--number' : 'text-input'}
                inputMode={spec.type === 'number' ? (spec.integer ? 'numeric' : 'decimal') : undefined}
                maxLength={spec.type === 'text' ? spec.maxLength : undefined}
                value={draft[spec.key] ?? ''}
                disabled={spec.disabled}
                onChange={(e) => onChange(spec.key, e.target.value)}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                data-testid={`${testIdPrefix}-${spec.key}`}
              />
            )
          }
        </FormField>
      ))}
    </>
  );
}
