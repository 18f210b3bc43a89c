import { useMemo } from 'react';
import type { AdminUnitProperties, FeatureCollection } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';

interface AdminUnitPickerProps {
  districts: FeatureCollection<AdminUnitProperties> | null;
  communes: FeatureCollection<AdminUnitProperties> | null;
  unit: string | null;
  onChange: (unit: string | null) => void;
}

/** District, then commune: the unit that sites, BTS, fiber and hamlets are limited to. */
export function AdminUnitPicker({ districts, communes, unit, onChange }: AdminUnitPickerProps) {
  const { t, lang } = useI18n();
  const collator = useMemo(() => new Intl.Collator(lang === 'vi' ? 'vi' : 'en', { numeric: true }), [lang]);
  const districtList = useMemo(
    () => (districts?.features ?? []).map((f) => f.properties).sort((a, b) => collator.compare(a.name, b.name)),
    [districts, collator],
  );
  const communeList = useMemo(() => (communes?.features ?? []).map((f) => f.properties), [communes]);

  const selectedCommune = communeList.find((c) => c.code === unit) ?? null;
  const districtCode = selectedCommune ? selectedCommune.parentCode : districtList.some((d) => d.code === unit) ? unit : null;
  // A two-level boundary set (province, commune: from 1/7/2025) has no districts:
  // then every commune is offered directly.
  const twoLevel = districtList.length === 0;
  const communesOfDistrict = useMemo(
    () =>
      communeList
        .filter((c) => twoLevel || c.parentCode === districtCode)
        .sort((a, b) => collator.compare(a.name, b.name)),
    [communeList, districtCode, collator, twoLevel],
  );

  return (
    <div className="unit-picker">
      {twoLevel ? null : (
        <label className="field">
          <span className="field__label">{t('filter.district')}</span>
          <select value={districtCode ?? ''} onChange={(event) => onChange(event.target.value || null)} data-testid="filter-district">
            <option value="">{t('filter.allDistricts')}</option>
            {districtList.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span className="field__label">{t('filter.commune')}</span>
        <select
          value={selectedCommune?.code ?? ''}
          disabled={!districtCode && !twoLevel}
          onChange={(event) => onChange(event.target.value || districtCode)}
          data-testid="filter-commune"
        >
          <option value="">{t('filter.allCommunes')}</option>
          {communesOfDistrict.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
