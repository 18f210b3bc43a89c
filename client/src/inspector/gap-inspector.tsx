import type { GapProperties } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { areaM2 } from '../coverage/coverage-formats.js';
import { FieldList } from './field-list.js';
import { InspectorHeader } from './inspector-header.js';
import { withUnit } from './value-formats.js';

interface GapInspectorProps {
  gap: GapProperties;
  onClose: () => void;
  onZoomTo: () => void;
  onOpenHamlet: (code: string) => void;
}

/** One uncovered part (vùng lõm) of a hamlet: where, how large, how many people. */
export function GapInspector({ gap, onClose, onZoomTo, onOpenHamlet }: GapInspectorProps) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <InspectorHeader
        kind={t('inspector.kind.gaps')}
        title={`${gap.hamletName} · ${t('gap.partNo', { n: gap.partNo })}`}
        subtitle={gap.communeName}
        onClose={onClose}
        onZoomTo={onZoomTo}
      />
      <FieldList
        fields={[
          {
            label: t('gap.hamlet'),
            value: (
              <button type="button" className="link-button" onClick={() => onOpenHamlet(gap.hamletCode)}>
                {gap.hamletName} ({gap.hamletCode})
              </button>
            ),
          },
          { label: t('field.commune'), value: gap.communeName },
          { label: t('gap.part'), value: i18n.formatNumber(gap.partNo) },
          { label: t('gap.area'), value: areaM2(i18n, gap.areaM2) },
          { label: t('gap.population'), value: withUnit(i18n, gap.populationEstimate, 'unit.people'), hint: t('hint.gapPopulation') },
          { label: t('gap.assessedFor'), value: t('gap.assessedForValue') },
        ]}
      />
      <p className="inspector__note">{t('definition.gap')}</p>
    </>
  );
}
