import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import type { AdminUnitListItem } from './use-admin-unit-list.js';

type UnitOption = Pick<AdminUnitListItem, 'code' | 'name' | 'parentCode' | 'parentName'>;

interface AdminUnitPickerProps {
  districts: readonly UnitOption[] | null;
  communes: readonly UnitOption[] | null;
  unit: string | null;
  onChange: (unit: string | null) => void;
}

/**
 * Units as options; with units of several provinces (a national register, where
 * names repeat: "Huyện Châu Thành" is in many) grouped under their province's name.
 */
function UnitOptions({ units }: { units: UnitOption[] }) {
  const groups = useMemo(() => {
    const byParent = new Map<string, { name: string; units: UnitOption[] }>();
    for (const u of units) {
      const key = u.parentCode ?? '';
      let group = byParent.get(key);
      if (!group) byParent.set(key, (group = { name: u.parentName ?? u.parentCode ?? '', units: [] }));
      group.units.push(u);
    }
    return [...byParent.values()];
  }, [units]);
  const options = (list: UnitOption[]) =>
    list.map((u) => (
      <option key={u.code} value={u.code}>
        {u.name}
      </option>
    ));
  if (groups.length <= 1) return <>{options(units)}</>;
  return (
    <>
      {groups.map((g) => (
        <optgroup key={g.name} label={g.name}>
          {options(g.units)}
        </optgroup>
      ))}
    </>
  );
}

/** District, then commune: the unit that sites, BTS, fiber and hamlets are limited to. */
export function AdminUnitPicker({ districts, communes, unit, onChange }: AdminUnitPickerProps) {
  const { t, lang } = useI18n();
  const collator = useMemo(() => new Intl.Collator(lang === 'vi' ? 'vi' : 'en', { numeric: true }), [lang]);
  // By province, then name: the order of the province groups when there are several.
  const byParentThenName = useMemo(
    () => (a: UnitOption, b: UnitOption) => collator.compare(a.parentName ?? '', b.parentName ?? '') || collator.compare(a.name, b.name),
    [collator],
  );
  const districtList = useMemo(() => [...(districts ?? [])].sort(byParentThenName), [districts, byParentThenName]);
  const communeList = useMemo(() => [...(communes ?? [])], [communes]);

  const selectedCommune = communeList.find((c) => c.code === unit) ?? null;
  const districtCode = selectedCommune ? selectedCommune.parentCode : districtList.some((d) => d.code === unit) ? unit : null;
  // A two-level boundary set (province, commune: from 1/7/2025) has no districts:
  // then every commune is offered directly.
  const twoLevel = districtList.length === 0;
  const communesOfDistrict = useMemo(
    () =>
      communeList
        .filter((c) => twoLevel || c.parentCode === districtCode)
        .sort(byParentThenName),
    [communeList, districtCode, byParentThenName, twoLevel],
  );

  return (
    <div className="unit-picker">
      {twoLevel ? null : (
        <label className="field">
          <span className="field__label">{t('filter.district')}</span>
          <select value={districtCode ?? ''} onChange={(event) => onChange(event.target.value || null)} data-testid="filter-district">
            <option value="">{t('filter.allDistricts')}</option>
            <UnitOptions units={districtList} />
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
          <UnitOptions units={communesOfDistrict} />
        </select>
      </label>
    </div>
  );
}
