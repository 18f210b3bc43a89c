import { useEffect, useMemo } from 'react';
import type { AdminUnitProperties, FeatureCollection, IndicatorUnitsResponse } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { IndicatorChoropleth } from '../indicators/indicator-choropleth.js';
import { reportMapHeight } from './report-layout.js';

/** The indicator the report maps: the share of hamlets with mobile broadband. */
export const reportMapIndicator = 'hamlets-mobile-broadband';
export const reportMapTestId = 'report-map';

interface ReportMapProps {
  units: IndicatorUnitsResponse;
  shapes: FeatureCollection<AdminUnitProperties>;
  /** Called once the map has drawn the units in their colours (its first idle after the data). */
  onDrawn: () => void;
}

/**
 * Section 2: the choropleth of the hamlet broadband share by the finest level,
 * not interactive, drawn into a buffer that is kept (preserveDrawingBuffer) so
 * the browser prints the canvas.
 */
export function ReportMap({ units, shapes, onDrawn }: ReportMapProps) {
  const { lang } = useI18n();
  const indicator = units.indicators.find((i) => i.code === reportMapIndicator) ?? null;
  const values = useMemo(() => new Map(units.units.map((row) => [row.code, row.values[reportMapIndicator]?.value ?? null])), [units]);
  const height = useMemo(() => reportMapHeight(shapes, new Set(values.keys())), [shapes, values]);

  // Without the indicator there is no map to wait for.
  useEffect(() => {
    if (!indicator) onDrawn();
  }, [indicator, onDrawn]);

  if (!indicator) return null;
  return (
    <IndicatorChoropleth
      units={shapes}
      values={values}
      indicator={indicator}
      legendTitle={indicator.name[lang]}
      testId={reportMapTestId}
      height={height}
      interactive={false}
      onDrawn={onDrawn}
    />
  );
}
