import type { ReactNode } from 'react';

export interface Field {
  label: string;
  value: ReactNode;
  /** Extra explanation on hover (a definition, a unit's meaning). */
  hint?: string;
}

/** Labelled values of one feature, as a two-column description list. */
export function FieldList({ fields }: { fields: readonly Field[] }) {
  return (
    <dl className="field-list">
      {fields.map((field) => (
        <div className="field-list__row" key={field.label}>
          <dt title={field.hint}>
            {field.label}
            {field.hint ? <span className="hint-mark" aria-hidden="true">ⓘ</span> : null}
          </dt>
          <dd>{field.value}</dd>
        </div>
      ))}
    </dl>
  );
}
