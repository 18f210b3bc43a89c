import { useEffect, useMemo, useRef } from 'react';
import { Map as MaplibreMap, setWorkerUrl, type GeoJSONSource, type MapLayerMouseEvent, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import '../styles/indicators.css';
import type { AdminUnitProperties, FeatureCollection, IndicatorMeasure } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { coordinatesBbox, type Bbox } from '../map/geometry-measures.js';
import { mapPalette } from '../map/map-palette.js';
import { exposeChoropleth, forgetChoropleth, type ChoroplethHook } from './choropleth-test-hooks.js';
import {
  choroplethClasses,
  choroplethColourOf,
  choroplethColours,
  choroplethNoDataColour,
  indicatorNumberText,
  indicatorValueText,
  type IndicatorMeasureOf,
} from './indicator-formats.js';

// The worker is bundled with the app (no CDN); the main map sets the same URL.
setWorkerUrl(workerUrl);

const sourceId = 'indicator-units';
const fillLayerId = 'indicator-units-fill';
const lineLayerId = 'indicator-units-line';
const selectedLayerId = 'indicator-units-selected';

/**
 * Offline by construction, like the main map's style: a background and one
 * GeoJSON source filled from our own API; no glyphs, sprite or tiles, so no
 * request leaves the server's origin. Names and values are HTML (legend, tooltip).
 */
function choroplethStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'hatang indicator choropleth',
    sources: { [sourceId]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': mapPalette.background } },
      { id: fillLayerId, type: 'fill', source: sourceId, paint: { 'fill-color': ['get', 'fill'], 'fill-opacity': 0.92 } },
      { id: lineLayerId, type: 'line', source: sourceId, paint: { 'line-color': '#475569', 'line-width': 0.8 } },
      {
        id: selectedLayerId,
        type: 'line',
        source: sourceId,
        filter: ['==', ['get', 'selected'], true],
        paint: { 'line-color': mapPalette.selection, 'line-width': 3 },
      },
    ],
  };
}

export interface IndicatorChoroplethProps {
  /** Polygons of the level's units (GET /api/layers/communes|districts?boundarySet=); only those in `values` are drawn. */
  units: FeatureCollection<AdminUnitProperties> | null;
  /** The selected indicator's value per unit code (the per-unit table's rows); null: no value. */
  values: ReadonlyMap<string, number | null>;
  indicator: IndicatorMeasureOf & { measure: IndicatorMeasure };
  /** Heading of the legend, e.g. the indicator's name. */
  legendTitle: string;
  selectedCode?: string | null;
  onUnitClick?: (code: string) => void;
  /** Names the map in window.__hatangChoropleths and data-testid. */
  testId: string;
  height?: number;
  /** Off for print: no hover, click or panning. */
  interactive?: boolean;
  /** Called at the first idle after the units or colours last changed (the report waits for it before it is printed). */
  onDrawn?: () => void;
}

type UnitFeature = FeatureCollection<AdminUnitProperties>['features'][number];

/**
 * A small map of the level's units coloured by one indicator's value: five
 * equal-interval classes of a sequential palette between the smallest and the
 * largest value, grey for "không có số liệu", a legend stating the bounds;
 * hover shows name and value, a click selects the unit.
 */
export function IndicatorChoropleth(props: IndicatorChoroplethProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { units, values, indicator, selectedCode = null, testId, height = 320, interactive = true } = props;
  const container = useRef<HTMLDivElement>(null);
  const tooltip = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MaplibreMap | null>(null);
  const hookRef = useRef<ChoroplethHook | null>(null);
  const loaded = useRef(false);
  /** Puts the current units and colours on the map; set by the data effect, run by it and by the style's load. */
  const applyRef = useRef<(() => void) | null>(null);
  const onClickRef = useRef(props.onUnitClick);
  onClickRef.current = props.onUnitClick;
  const onDrawnRef = useRef(props.onDrawn);
  onDrawnRef.current = props.onDrawn;

  const drawn = useMemo(() => (units?.features ?? []).filter((f) => values.has(f.properties.code)), [units, values]);
  const classes = useMemo(() => choroplethClasses(drawn.map((f) => values.get(f.properties.code) ?? null), indicator.measure), [drawn, values, indicator.measure]);
  const data = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: drawn.map((f: UnitFeature) => {
        const value = values.get(f.properties.code) ?? null;
        return {
          type: 'Feature' as const,
          geometry: f.geometry,
          properties: { code: f.properties.code, name: f.properties.name, value, fill: choroplethColourOf(classes, value), selected: f.properties.code === selectedCode },
        };
      }),
    }),
    [drawn, values, classes, selectedCode],
  );
  const extent = useMemo<Bbox | null>(() => {
    let box: Bbox | null = null;
    for (const f of drawn) {
      const b = coordinatesBbox(f.geometry.coordinates);
      if (b) box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
    }
    return box;
  }, [drawn]);

  // The text of the hover, kept current without re-registering the map's handlers.
  const hoverText = useRef<(name: string, value: number | null) => string>(() => '');
  hoverText.current = (name, value) => `${name}: ${value === null ? t('indicators.map.noData') : indicatorValueText(i18n, indicator, value)}`;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const map = new MaplibreMap({
      container: element,
      style: choroplethStyle(),
      center: [106.3, 10.4],
      zoom: 8,
      minZoom: 5,
      maxZoom: 14,
      maxPitch: 0,
      fadeDuration: 0,
      dragRotate: false,
      attributionControl: false,
      interactive,
      // The print page takes the canvas as it is drawn.
      canvasContextAttributes: { preserveDrawingBuffer: !interactive },
    });
    map.touchZoomRotate.disableRotation();
    mapRef.current = map;
    const hook: ChoroplethHook = { map, ready: false, revision: 0, withValue: 0, withoutValue: 0, fillLayerId };
    hookRef.current = hook;
    exposeChoropleth(testId, hook);
    map.on('load', () => {
      loaded.current = true;
      // The data effect ran before the style was there: apply what it holds now.
      applyRef.current?.();
    });
    if (interactive) {
      map.on('mousemove', fillLayerId, (event: MapLayerMouseEvent) => {
        const feature = event.features?.[0];
        const box = tooltip.current;
        if (!feature || !box) return;
        const value = feature.properties.value;
        box.textContent = hoverText.current(String(feature.properties.name), typeof value === 'number' ? value : null);
        box.hidden = false;
        box.style.transform = `translate(${Math.round(event.point.x + 12)}px, ${Math.round(event.point.y + 12)}px)`;
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', fillLayerId, () => {
        if (tooltip.current) tooltip.current.hidden = true;
        map.getCanvas().style.cursor = '';
      });
      map.on('click', fillLayerId, (event: MapLayerMouseEvent) => {
        const code = event.features?.[0]?.properties.code;
        if (typeof code === 'string') onClickRef.current?.(code);
      });
    }
    const observer = new ResizeObserver(() => map.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      forgetChoropleth(testId, map);
      loaded.current = false;
      mapRef.current = null;
      map.remove();
    };
  }, [testId, interactive]);

  // Units, colours and selection go to the source once the style is loaded; the camera fits the units when they change.
  const fittedExtent = useRef<string | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    const hook = hookRef.current;
    if (!map || !hook) return;
    const apply = () => {
      const source = map.getSource(sourceId) as GeoJSONSource | undefined;
      if (!source) return;
      hook.ready = false;
      hook.revision += 1;
      const revision = hook.revision;
      hook.withValue = data.features.filter((f) => f.properties.value !== null).length;
      hook.withoutValue = data.features.length - hook.withValue;
      source.setData(data as Parameters<GeoJSONSource['setData']>[0]);
      const extentKey = extent ? extent.join(',') : null;
      if (extent && extentKey !== fittedExtent.current) {
        fittedExtent.current = extentKey;
        map.fitBounds(extent, { padding: 16, duration: 0 });
      }
      map.once('idle', () => {
        if (hook.revision !== revision) return;
        hook.ready = true;
        onDrawnRef.current?.();
      });
      map.triggerRepaint();
    };
    applyRef.current = apply;
    if (loaded.current) apply();
  }, [data, extent]);

  const colours = choroplethColours(classes);
  const bound = (value: number) => indicatorNumberText(i18n, indicator.measure, value);
  const suffix = indicator.measure === 'share' ? '%' : indicator.measure === 'ratio' || indicator.measure === 'count' ? '' : ` ${indicator.unitLabel[i18n.lang]}`;
  const noData = data.features.length - data.features.filter((f) => f.properties.value !== null).length;
  return (
    <figure className="indicator-choropleth" data-testid={testId}>
      <div className="indicator-choropleth__map" style={{ height }} ref={container}>
        <div className="map-tooltip" ref={tooltip} hidden />
      </div>
      <figcaption className="indicator-choropleth__legend" data-testid={`${testId}-legend`}>
        <span className="indicator-choropleth__legend-title">{props.legendTitle}</span>
        <ul className="indicator-choropleth__classes">
          {colours.map((colour, i) => {
            const low = classes.bounds[i] ?? 0;
            const high = classes.bounds[i + 1] ?? low;
            const last = i === colours.length - 1;
            return (
              <li key={colour + String(i)} className="indicator-choropleth__class" data-testid={`${testId}-class`} data-colour={colour}>
                <span className="indicator-choropleth__swatch" style={{ background: colour }} aria-hidden="true" />
                {t(last ? 'indicators.map.classLast' : 'indicators.map.class', { low: bound(low), high: bound(high), unit: suffix })}
              </li>
            );
          })}
          <li className="indicator-choropleth__class" data-testid={`${testId}-no-data`} data-colour={choroplethNoDataColour}>
            <span className="indicator-choropleth__swatch" style={{ background: choroplethNoDataColour }} aria-hidden="true" />
            {t('indicators.map.noDataCount', { count: noData })}
          </li>
        </ul>
        <span className="indicator-choropleth__note">{t('indicators.map.classesNote')}</span>
      </figcaption>
    </figure>
  );
}
