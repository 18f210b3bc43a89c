import type { MeasurementProperties, Operator } from '../domain/contract-types.js';
import { useI18n, type I18n } from '../i18n/i18n-context.js';
import { FieldList } from './field-list.js';
import { InspectorHeader } from './inspector-header.js';
import { OperatorLabel } from './operator-label.js';
import { withUnit } from './value-formats.js';

interface MeasurementInspectorProps {
  measurement: MeasurementProperties;
  operators: readonly Operator[];
  onClose: () => void;
  onZoomTo: () => void;
  onOpenHamlet: (code: string) => void;
}

/** Date and time of a measurement in the reader's locale; the raw text when it does not parse. */
function dateTime(i18n: I18n, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(i18n.lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** One field measurement: what was measured, against the threshold, and whether the model agrees. */
export function MeasurementInspector({ measurement: m, operators, onClose, onZoomTo, onOpenHamlet }: MeasurementInspectorProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const coveredText = (covered: boolean) => t(covered ? 'measurement.covered' : 'measurement.notCovered');
  const operatorName = operators.find((o) => o.code === m.operator)?.shortName ?? m.operator;
  return (
    <>
      <InspectorHeader
        kind={t('inspector.kind.measurements')}
        title={`${operatorName} ${m.technology} · ${withUnit(i18n, m.signalDbm, 'unit.dbm', 1)}`}
        subtitle={dateTime(i18n, m.measuredAt)}
        onClose={onClose}
        onZoomTo={onZoomTo}
      />
      <section
        className={m.contradiction ? 'verdict-summary verdict-summary--trang_song' : 'verdict-summary verdict-summary--covered'}
        data-testid="measurement-verdict"
      >
        <p>{m.contradiction ? t(`measurement.contradiction.${m.contradiction}`) : t('measurement.agree')}</p>
      </section>
      <FieldList
        fields={[
          { label: t('field.operator'), value: <OperatorLabel code={m.operator} operators={operators} /> },
          { label: t('field.technology'), value: m.technology },
          {
            label: t('measurement.level'),
            value: t('measurement.levelValue', { level: i18n.formatNumber(m.signalDbm, 1), threshold: i18n.formatNumber(m.thresholdDbm, 1) }),
            hint: t('measurement.levelHint'),
          },
          { label: t('measurement.measured'), value: coveredText(m.measuredCovered) },
          { label: t('measurement.predicted'), value: coveredText(m.predictedCovered) },
          { label: t('measurement.download'), value: withUnit(i18n, m.downloadMbps, 'measurement.mbps', 1) },
          { label: t('measurement.time'), value: dateTime(i18n, m.measuredAt) },
          {
            label: t('measurement.hamlet'),
            value: m.hamletCode ? (
              <button type="button" className="link-button" onClick={() => m.hamletCode && onOpenHamlet(m.hamletCode)}>
                {m.hamletCode}
              </button>
            ) : (
              t('value.none')
            ),
          },
          { label: t('measurement.batch'), value: m.batch },
        ]}
      />
    </>
  );
}
