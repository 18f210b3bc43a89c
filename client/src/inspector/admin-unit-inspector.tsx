import type { AdminUnitProperties } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { FieldList } from './field-list.js';
import { InspectorHeader } from './inspector-header.js';
import { textOrDash, withUnit } from './value-formats.js';

interface AdminUnitInspectorProps {
  unit: AdminUnitProperties;
  onClose: () => void;
  onZoomTo: () => void;
}

export function AdminUnitInspector({ unit, onClose, onZoomTo }: AdminUnitInspectorProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const density = unit.areaKm2 > 0 ? unit.population / unit.areaKm2 : null;
  return (
    <>
      <InspectorHeader
        kind={t(unit.level === 'district' ? 'inspector.kind.districts' : 'inspector.kind.communes')}
        title={unit.name}
        subtitle={unit.code}
        onClose={onClose}
        onZoomTo={onZoomTo}
      />
      <FieldList
        fields={[
          { label: t('field.code'), value: unit.code },
          { label: t('field.unitType'), value: t(`unitType.${unit.unitType}`) },
          { label: t('field.level'), value: t(`level.${unit.level}`) },
          { label: t('field.parent'), value: textOrDash(i18n, unit.parentName) },
          { label: t('field.area'), value: withUnit(i18n, unit.areaKm2, 'unit.km2', 2) },
          { label: t('field.population'), value: withUnit(i18n, unit.population, 'unit.people') },
          { label: t('field.density'), value: withUnit(i18n, density, 'unit.perKm2') },
          { label: t('field.hamletCount'), value: i18n.formatNumber(unit.hamletCount) },
          { label: t('field.boundarySet'), value: unit.boundarySet },
        ]}
      />
    </>
  );
}
