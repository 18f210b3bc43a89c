import type { HamletProperties } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { FieldList } from './field-list.js';
import { InspectorHeader } from './inspector-header.js';
import { lonLat, withUnit } from './value-formats.js';

interface HamletInspectorProps {
  hamlet: HamletProperties;
  onClose: () => void;
  onZoomTo: () => void;
}

export function HamletInspector({ hamlet, onClose, onZoomTo }: HamletInspectorProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [lon, lat] = hamlet.refPoint;
  return (
    <>
      <InspectorHeader kind={t('inspector.kind.hamlets')} title={hamlet.name} subtitle={hamlet.code} onClose={onClose} onZoomTo={onZoomTo} />
      <FieldList
        fields={[
          { label: t('field.code'), value: hamlet.code },
          { label: t('field.hamletKind'), value: t(`hamletKind.${hamlet.kind}`) },
          { label: t('field.commune'), value: hamlet.communeName },
          { label: t('field.population'), value: withUnit(i18n, hamlet.population, 'unit.people') },
          { label: t('field.households'), value: withUnit(i18n, hamlet.households, 'unit.households') },
          { label: t('field.refKind'), value: t(`refKind.${hamlet.refKind}`) },
          { label: t('field.refPoint'), value: lonLat(i18n, lon, lat) },
        ]}
      />
    </>
  );
}
