import { useMemo, useState } from 'react';
import { fetchEditableSite, type EditableSite, type RecordByEntity } from '../api/record-api.js';
import { useDetailByCode } from '../api/use-detail-by-code.js';
import { mayChangeSiteOwner } from '../auth/permissions.js';
import { useSession } from '../auth/use-session.js';
import type { Operator } from '../domain/contract-types.js';
import { statusValues, structureTypeValues } from '../domain/enum-values.js';
import { useI18n, type I18n } from '../i18n/i18n-context.js';
import { changedValues, initialDraft, parseDraft, type FieldSpec } from './record-draft.js';
import { RecordEditFrame } from './record-edit-frame.js';
import { RecordFields } from './record-fields.js';
import { RecordLoadMessage } from './record-load-message.js';

export interface RecordFormCallbacks<E extends keyof RecordByEntity> {
  onCancel: () => void;
  onSaved: (record: RecordByEntity[E]) => void;
  onDeleted: (record: RecordByEntity[E]) => void;
  onDiscard: () => void;
}

function siteSpecs(i18n: I18n, operators: readonly Operator[], ownerLocked: boolean): FieldSpec[] {
  const { t } = i18n;
  return [
    { key: 'name', label: t('edit.name'), type: 'text', maxLength: 200, nullable: true },
    { key: 'structureType', label: t('field.structureType'), type: 'select', options: structureTypeValues.map((v) => ({ value: v, label: t(`structure.${v}`) })) },
    { key: 'heightM', label: t('edit.heightM'), type: 'number', min: 0, minExclusive: true, max: 300 },
    {
      key: 'owner',
      label: t('field.owner'),
      type: 'select',
      options: operators.map((o) => ({ value: o.code, label: o.shortName })),
      disabled: ownerLocked,
      hint: ownerLocked ? t('edit.ownerPlannersOnly') : undefined,
    },
    { key: 'status', label: t('field.status'), type: 'select', options: statusValues.map((v) => ({ value: v, label: t(`status.${v}`) })) },
    { key: 'address', label: t('field.address'), type: 'text', maxLength: 500, nullable: true },
    { key: 'lon', label: t('edit.lon'), type: 'number', min: -180, max: 180 },
    { key: 'lat', label: t('edit.lat'), type: 'number', min: -90, max: 90 },
  ];
}

/** The edit form of a site: name, structure, height, owner (planners), status, address, position. */
export function SiteEditForm({ code, operators, ...callbacks }: { code: string; operators: readonly Operator[] } & RecordFormCallbacks<'site'>) {
  const i18n = useI18n();
  const load = useDetailByCode(fetchEditableSite, code, i18n.lang);
  if (load.status !== 'ready') return <RecordLoadMessage load={load} onCancel={callbacks.onCancel} />;
  return <SiteEditFields base={load.detail} operators={operators} {...callbacks} />;
}

function SiteEditFields({ base, operators, ...callbacks }: { base: EditableSite; operators: readonly Operator[] } & RecordFormCallbacks<'site'>) {
  const i18n = useI18n();
  const session = useSession();
  const ownerLocked = !mayChangeSiteOwner(session.info);
  const specs = useMemo(() => siteSpecs(i18n, operators, ownerLocked), [i18n, operators, ownerLocked]);
  const record = base as unknown as Record<string, unknown>;
  const [draft, setDraft] = useState(() => initialDraft(specs, record, i18n.lang));
  const { values, errors } = parseDraft(specs, draft, i18n);
  const changes = changedValues(values, record);
  const changed = new Set(Object.keys(changes));
  const moved = changed.has('lon') || changed.has('lat');
  return (
    <RecordEditFrame
      entity="site"
      code={base.code}
      title={i18n.t('edit.formTitleSite', { code: base.code })}
      kindLabel={i18n.t('inspector.kind.sites').toLowerCase()}
      base={{ ...record, version: base.version, updatedAt: base.updatedAt }}
      fields={specs.map((s) => s.key)}
      operators={operators}
      changes={changes}
      errors={errors}
      notes={moved ? [i18n.t('edit.moveNote')] : []}
      {...callbacks}
    >
      {(fieldErrors) => (
        <RecordFields specs={specs} draft={draft} errors={fieldErrors} changed={changed} onChange={(key, text) => setDraft((d) => ({ ...d, [key]: text }))} testIdPrefix="site-edit" />
      )}
    </RecordEditFrame>
  );
}
