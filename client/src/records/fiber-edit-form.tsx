import { useMemo, useState } from 'react';
import { fetchFiberRecord } from '../api/record-api.js';
import { useDetailByCode } from '../api/use-detail-by-code.js';
import type { FiberRecord, Operator } from '../domain/contract-types.js';
import { fiberKindValues, fiberLayingValues, statusValues } from '../domain/enum-values.js';
import { useI18n, type I18n } from '../i18n/i18n-context.js';
import { changedValues, initialDraft, parseDraft, type FieldSpec } from './record-draft.js';
import { RecordEditFrame } from './record-edit-frame.js';
import { RecordFields } from './record-fields.js';
import { RecordLoadMessage } from './record-load-message.js';
import type { RecordFormCallbacks } from './site-edit-form.js';

function fiberSpecs(i18n: I18n): FieldSpec[] {
  const { t } = i18n;
  return [
    { key: 'name', label: t('edit.name'), type: 'text', maxLength: 200, nullable: true },
    { key: 'kind', label: t('field.kind'), type: 'select', options: fiberKindValues.map((v) => ({ value: v, label: t(`fiberKind.${v}`) })) },
    { key: 'laying', label: t('field.laying'), type: 'select', options: fiberLayingValues.map((v) => ({ value: v, label: t(`laying.${v}`) })) },
    { key: 'cores', label: t('field.cores'), type: 'number', min: 1, max: 1728, integer: true },
    { key: 'status', label: t('field.status'), type: 'select', options: statusValues.map((v) => ({ value: v, label: t(`status.${v}`) })) },
  ];
}

/** The edit form of a fiber route: name, kind, laying, cores, status (the geometry is drawn elsewhere). */
export function FiberEditForm({ code, operators, ...callbacks }: { code: string; operators: readonly Operator[] } & RecordFormCallbacks<'fiber'>) {
  const i18n = useI18n();
  const load = useDetailByCode(fetchFiberRecord, code, i18n.lang);
  if (load.status !== 'ready') return <RecordLoadMessage load={load} onCancel={callbacks.onCancel} />;
  return <FiberEditFields base={load.detail} operators={operators} {...callbacks} />;
}

function FiberEditFields({ base, operators, ...callbacks }: { base: FiberRecord; operators: readonly Operator[] } & RecordFormCallbacks<'fiber'>) {
  const i18n = useI18n();
  const specs = useMemo(() => fiberSpecs(i18n), [i18n]);
  const record = base as unknown as Record<string, unknown>;
  const [draft, setDraft] = useState(() => initialDraft(specs, record, i18n.lang));
  const { values, errors } = parseDraft(specs, draft, i18n);
  const changes = changedValues(values, record);
  return (
    <RecordEditFrame
      entity="fiber"
      code={base.code}
      title={i18n.t('edit.formTitleFiber', { code: base.code })}
      kindLabel={i18n.t('inspector.kind.fiber').toLowerCase()}
      base={record as Record<string, unknown> & { version: number; updatedAt: string }}
      fields={specs.map((s) => s.key)}
      operators={operators}
      changes={changes}
      errors={errors}
      {...callbacks}
    >
      {(fieldErrors) => (
        <RecordFields specs={specs} draft={draft} errors={fieldErrors} changed={new Set(Object.keys(changes))} onChange={(key, text) => setDraft((d) => ({ ...d, [key]: text }))} testIdPrefix="fiber-edit" />
      )}
    </RecordEditFrame>
  );
}
