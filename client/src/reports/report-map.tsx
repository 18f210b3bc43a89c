import { useEffect, useMemo } from 'react';
import type { AdminUnitProperties, FeatureCollection, IndicatorUnitsResponse } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { coordinatesBbox } from '../map/geometry-measures.js';
import { IndicatorChoropleth } from '../indicators/indicator-choropleth.js';

/** The indicator the report maps: the share of hamlets with mobile broadband. */
export const reportMapIndicator = 'hamlets-mobile-broadband';
export const reportMapTestId = 'report-map';

/** The map's width on the page: A4's 180 mm of content at 96 px per inch. */
const mapWidthPx = Math.round((180 / 25.4) * 96);

/**
 * A height that holds the units' extent at the page's width (Web Mercator
 * ratio, plus the fit's padding): a long province gets a low map instead of
 * empty bands, a tall one at most about two thirds of a page.
 */
export function reportMapHeight(shapes: FeatureCollection<AdminUnitProperties>, codes: ReadonlySet<string>): number {
  let box: [number, number, number, number] | null = null;
  for (const feature of shapes.features) {
    if (!codes.has(feature.properties.code)) continue;
    const b = coordinatesBbox(feature.geometry.coordinates);
    if (b) box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
  }
  if (!box) return 360;
  const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const width = ((box[2] - box[0]) * Math.PI) / 180;
  const height = mercatorY(box[3]) - mercatorY(box[1]);
  if (!(width > 0)) return 360;
  const padding = 2 * 16;
  return Math.round(Math.min(640, Math.max(280, ((mapWidthPx - padding) * height) / width + padding)));
}

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
