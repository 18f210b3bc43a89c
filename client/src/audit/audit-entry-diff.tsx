import { useState } from 'react';
import type { AuditEntry, Operator } from '../domain/contract-types.js';
import { isOneOf, roleValues } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import { bookkeepingFields, fieldLabel, fieldValueText, orderedFieldKeys, sameValue } from '../records/record-value-text.js';
import { auditSummaryText } from './audit-summary-text.js';

/** One audit entry: who, when, from where, and the record before and after, field by field with the changes marked. */
export function AuditEntryDiff({ entry, operators }: { entry: AuditEntry; operators: readonly Operator[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [onlyChanged, setOnlyChanged] = useState(entry.action === 'update');
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = orderedFieldKeys([...Object.keys(before), ...Object.keys(after)]);
  const rows = keys.map((key) => ({ key, before: before[key], after: after[key], changed: !sameValue(before[key], after[key]), bookkeeping: bookkeepingFields.has(key) }));
  const both = entry.before !== null && entry.after !== null;
  const changedCount = rows.filter((r) => r.changed && !r.bookkeeping).length;
  const shown = both && onlyChanged ? rows.filter((r) => r.changed) : rows;
  const role = entry.actorRole && isOneOf(roleValues, entry.actorRole) ? t(`role.${entry.actorRole}`) : entry.actorRole;

  return (
    <section className="audit-diff" data-testid="audit-diff" aria-live="polite">
      <h3 className="audit-diff__title">
        {t(`auditAction.${entry.action}`)} · {t(`auditEntity.${entry.entity}`)} {entry.code ?? ''}
      </h3>
      <dl className="field-list audit-diff__facts">
        <div className="field-list__row">
          <dt>{t('audit.at')}</dt>
          <dd>{i18n.formatDateTime(entry.at)}</dd>
        </div>
        <div className="field-list__row">
          <dt>{t('audit.actor')}</dt>
          <dd>
            {entry.actor}
            {role ? ` · ${role}` : ''}
          </dd>
        </div>
        {entry.clientIp ? (
          <div className="field-list__row">
            <dt>{t('audit.ip')}</dt>
            <dd>{entry.clientIp}</dd>
          </div>
        ) : null}
        {entry.summary ? (
          <div className="field-list__row">
            <dt>{t('audit.summary')}</dt>
            <dd>{auditSummaryText(i18n, entry)}</dd>
          </div>
        ) : null}
      </dl>
      {rows.length === 0 ? (
        <p className="inspector__message">{t('audit.noSnapshot')}</p>
      ) : (
        <>
          {both ? (
            <div className="audit-diff__toolbar">
              <span className="audit-diff__count">{t('audit.changedCount', { count: changedCount })}</span>
              <label className="checkbox-field">
                <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} data-testid="audit-only-changed" />
                {t('audit.onlyChanged')}
              </label>
            </div>
          ) : null}
          <table className="data-table data-table--plain compare-table" data-testid="audit-diff-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.field')}</th>
                {entry.before !== null ? <th scope="col">{t('audit.before')}</th> : null}
                {entry.after !== null ? <th scope="col">{t('audit.after')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr
                  key={row.key}
                  className={[
                    'compare-table__row',
                    both && row.changed && !row.bookkeeping ? 'compare-table__row--differs' : '',
                    row.bookkeeping ? 'compare-table__row--bookkeeping' : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  data-testid="audit-diff-row"
                  data-field={row.key}
                  data-changed={both && row.changed}
                >
                  <th scope="row">
                    {fieldLabel(i18n, row.key)}
                    {both && row.changed && !row.bookkeeping ? <span className="change-tag change-tag--theirs">{t('audit.changed')}</span> : null}
                  </th>
                  {entry.before !== null ? <td className="compare-table__value">{fieldValueText(i18n, row.key, row.before, operators)}</td> : null}
                  {entry.after !== null ? <td className="compare-table__value">{fieldValueText(i18n, row.key, row.after, operators)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
