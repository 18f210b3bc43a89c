import { useMemo, useState } from 'react';
import { fetchBtsRecord } from '../api/record-api.js';
import { useDetailByCode } from '../api/use-detail-by-code.js';
import type { BtsRecord, Operator, Technology } from '../domain/contract-types.js';
import { environmentValues, isOneOf, knownBandsMHz, statusValues, technologyValues } from '../domain/enum-values.js';
import { useI18n, type I18n } from '../i18n/i18n-context.js';
import { changedValues, initialDraft, parseDraft, type Draft, type FieldSpec } from './record-draft.js';
import { RecordEditFrame } from './record-edit-frame.js';
import { RecordFields } from './record-fields.js';
import { RecordLoadMessage } from './record-load-message.js';
import type { RecordFormCallbacks } from './site-edit-form.js';
import { parseSectors, SectorListEditor, sectorDrafts, type SectorDraft } from './sector-list-editor.js';
import { sameValue } from './record-value-text.js';

/** Bands offered for a technology: the known ones, and the record's own when it is another. */
function bandOptions(technology: string, base: BtsRecord): number[] {
  const known = isOneOf(technologyValues, technology) ? [...knownBandsMHz[technology]] : [];
  return technology === base.technology && !known.includes(base.bandMHz) ? [base.bandMHz, ...known] : known;
}

function btsSpecs(i18n: I18n, draft: Draft, base: BtsRecord): FieldSpec[] {
  const { t } = i18n;
  return [
    { key: 'status', label: t('field.status'), type: 'select', options: statusValues.map((v) => ({ value: v, label: t(`status.${v}`) })) },
    { key: 'technology', label: t('field.technology'), type: 'select', options: technologyValues.map((v) => ({ value: v, label: v })) },
    {
      key: 'bandMHz',
      label: t('btsTable.band'),
      type: 'select',
      options: bandOptions(draft.technology ?? base.technology, base).map((b) => ({ value: String(b), label: `${i18n.formatNumber(b)} MHz` })),
    },
    { key: 'antennaHeightM', label: t('edit.antennaHeightM'), type: 'number', min: 0, minExclusive: true, max: 300 },
    { key: 'eirpDbm', label: t('edit.eirpDbm'), type: 'number', min: 0, max: 90 },
    { key: 'radiusOverrideM', label: t('edit.radiusOverride'), type: 'number', min: 0, minExclusive: true, max: 50_000, nullable: true, hint: t('edit.radiusOverrideHint') },
    {
      key: 'environmentOverride',
      label: t('edit.environment'),
      type: 'select',
      nullable: true,
      options: [{ value: '', label: t('environment.auto') }, ...environmentValues.map((v) => ({ value: v, label: t(`environment.${v}`) }))],
    },
  ];
}

/** The edit form of a BTS: status, technology and band, antenna, EIRP, range override, environment, sectors. */
export function BtsEditForm({ code, operators, ...callbacks }: { code: string; operators: readonly Operator[] } & RecordFormCallbacks<'bts'>) {
  const i18n = useI18n();
  const load = useDetailByCode(fetchBtsRecord, code, i18n.lang);
  if (load.status !== 'ready') return <RecordLoadMessage load={load} onCancel={callbacks.onCancel} />;
  return <BtsEditFields base={load.detail} operators={operators} {...callbacks} />;
}

function BtsEditFields({ base, operators, ...callbacks }: { base: BtsRecord; operators: readonly Operator[] } & RecordFormCallbacks<'bts'>) {
  const i18n = useI18n();
  const record = base as unknown as Record<string, unknown>;
  const [draft, setDraft] = useState(() => initialDraft(btsSpecs(i18n, {}, base), record, i18n.lang));
  const [sectors, setSectors] = useState<SectorDraft[]>(() => sectorDrafts(i18n, base.sectors));
  const specs = useMemo(() => btsSpecs(i18n, draft, base), [i18n, draft, base]);
  const parsed = parseDraft(specs, draft, i18n);
  const values: Record<string, unknown> = { ...parsed.values, bandMHz: parsed.values.bandMHz === undefined ? undefined : Number(parsed.values.bandMHz) };
  const errors = { ...parsed.errors };
  const sectorReading = parseSectors(i18n, sectors);
  if (sectorReading.error) errors.sectors = sectorReading.error;
  else values.sectors = sectorReading.value;
  const changes = changedValues(values, record);
  const changed = new Set(Object.keys(changes));

  const onChange = (key: string, text: string) =>
    setDraft((d) => {
      const next = { ...d, [key]: text };
      // A band the new technology does not use is replaced by its first known band.
      if (key === 'technology' && isOneOf(technologyValues, text) && !bandOptions(text, base).map(String).includes(d.bandMHz ?? '')) {
        next.bandMHz = String(knownBandsMHz[text as Technology][0] ?? '');
      }
      return next;
    });

  return (
    <RecordEditFrame
      entity="bts"
      code={base.code}
      title={i18n.t('edit.formTitleBts', { code: base.code })}
      kindLabel="BTS"
      base={record as Record<string, unknown> & { version: number; updatedAt: string }}
      fields={[...specs.map((s) => s.key), 'sectors']}
      operators={operators}
      changes={changes}
      errors={errors}
      notes={[i18n.t('edit.coverageNote')]}
      deleteNote={i18n.t('delete.bodyBts')}
      {...callbacks}
    >
      {(fieldErrors) => (
        <>
          <RecordFields specs={specs} draft={draft} errors={fieldErrors} changed={changed} onChange={onChange} testIdPrefix="bts-edit" />
          <SectorListEditor sectors={sectors} onChange={setSectors} error={fieldErrors.sectors} changed={!sameValue(values.sectors, base.sectors) && !sectorReading.error} />
        </>
      )}
    </RecordEditFrame>
  );
}
