import { useState, type FormEvent } from 'react';
import type { AuditQuery } from '../api/audit-api.js';
import type { AuditAction, AuditEntity } from '../domain/contract-types.js';
import { dayText, isoDay } from '../domain/calendar-day.js';
import { auditActionValues, auditEntityValues, isOneOf } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import { FormField } from '../ui/form-field.js';

export type AuditFilterValues = Pick<AuditQuery, 'entities' | 'actions' | 'code' | 'actor' | 'from' | 'to'>;

export const noAuditFilters: AuditFilterValues = { entities: [], actions: [], code: '', actor: '', from: '', to: '' };

/** Record type, action, record code, who, and a date range (both days included); choices apply at once, texts on Enter or "Lọc". */
export function AuditFilters({ value, onChange }: { value: AuditFilterValues; onChange: (value: AuditFilterValues) => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState(value.code);
  const [actor, setActor] = useState(value.actor);
  const [from, setFrom] = useState(dayText(value.from));
  const [to, setTo] = useState(dayText(value.to));
  const fromIso = isoDay(from);
  const toIso = isoDay(to);
  const apply = (next: Partial<AuditFilterValues>) => onChange({ ...value, code, actor, from: fromIso ?? value.from, to: toIso ?? value.to, ...next });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({});
  };
  const badRange = fromIso !== null && toIso !== null && fromIso !== '' && toIso !== '' && fromIso > toIso;
  return (
    <form className="audit-filters" onSubmit={submit} data-testid="audit-filters">
      <FormField label={t('audit.entity')}>
        {({ id }) => (
          <select
            id={id}
            className="select-input"
            value={value.entities[0] ?? ''}
            onChange={(e) => apply({ entities: isOneOf(auditEntityValues, e.target.value) ? [e.target.value as AuditEntity] : [] })}
            data-testid="audit-filter-entity"
          >
            <option value="">{t('audit.all')}</option>
            {auditEntityValues.map((entity) => (
              <option key={entity} value={entity}>
                {t(`auditEntity.${entity}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('audit.action')}>
        {({ id }) => (
          <select
            id={id}
            className="select-input"
            value={value.actions[0] ?? ''}
            onChange={(e) => apply({ actions: isOneOf(auditActionValues, e.target.value) ? [e.target.value as AuditAction] : [] })}
            data-testid="audit-filter-action"
          >
            <option value="">{t('audit.all')}</option>
            {auditActionValues.map((action) => (
              <option key={action} value={action}>
                {t(`auditAction.${action}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('audit.code')}>
        {({ id }) => <input id={id} className="text-input" value={code} maxLength={64} onChange={(e) => setCode(e.target.value)} data-testid="audit-filter-code" />}
      </FormField>
      <FormField label={t('audit.actor')}>
        {({ id }) => (
          <input
            id={id}
            className="text-input"
            value={actor}
            maxLength={64}
            placeholder={t('audit.actorPlaceholder')}
            autoCapitalize="none"
            spellCheck={false}
            onChange={(e) => setActor(e.target.value)}
            data-testid="audit-filter-actor"
          />
        )}
      </FormField>
      <FormField label={t('audit.from')} error={fromIso === null ? t('audit.dateFormat') : badRange ? t('audit.dateOrder') : null}>
        {({ id, describedBy }) => (
          <input
            id={id}
            className="text-input"
            inputMode="numeric"
            placeholder={t('audit.datePlaceholder')}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            onBlur={() => fromIso !== null && apply({ from: fromIso })}
            aria-describedby={describedBy}
            data-testid="audit-filter-from"
          />
        )}
      </FormField>
      <FormField label={t('audit.to')} error={toIso === null ? t('audit.dateFormat') : null}>
        {({ id, describedBy }) => (
          <input
            id={id}
            className="text-input"
            inputMode="numeric"
            placeholder={t('audit.datePlaceholder')}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            onBlur={() => toIso !== null && apply({ to: toIso })}
            aria-describedby={describedBy}
            data-testid="audit-filter-to"
          />
        )}
      </FormField>
      <div className="audit-filters__buttons">
        <button type="submit" className="button button--primary" data-testid="audit-filter-apply">
          {t('audit.apply')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setCode('');
            setActor('');
            setFrom('');
            setTo('');
            onChange(noAuditFilters);
          }}
        >
          {t('audit.reset')}
        </button>
      </div>
    </form>
  );
}
