import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import { describeError, fetchMeta } from '../api/api-client.js';
import type { LayerName, Meta, SearchResult } from '../domain/contract-types.js';
import { I18nProvider, makeI18n, type Lang } from '../i18n/i18n-context.js';
import { InspectorPanel } from '../inspector/inspector-panel.js';
import { LayerPanel } from '../layers/layer-panel.js';
import { useLayerData } from '../layers/use-layer-data.js';
import { coordinatesBbox, type Bbox } from '../map/geometry-measures.js';
import type { HatangMap, MapUiStrings } from '../map/hatang-map.js';
import { featureHoverText } from '../map/feature-hover-text.js';
import { MapView } from '../map/map-view.js';
import { sameCamera, type LayerFilterState, type Selection, type ViewState } from '../url/view-state.js';
import { AppHeader } from './app-header.js';
import { useViewState } from './use-view-state.js';

/** A camera move asked for by the panels; run after the next layout, when the inspector may have resized the map. */
type CameraRequest = { kind: 'bbox'; bbox: Bbox; maxZoom: number } | { kind: 'point'; lon: number; lat: number; zoom: number };

type MetaLoad = { status: 'loading' } | { status: 'ready'; meta: Meta } | { status: 'error'; error: string };

/** The layer a search result selects; the province has none (choosing it only fits the view). */
const searchLayer: Record<SearchResult['kind'], LayerName | null> = {
  site: 'sites',
  hamlet: 'hamlets',
  commune: 'communes',
  district: 'districts',
  province: null,
};

/** Layers always loaded: the basemap, and the source of the unit picker. */
const baseLayers: readonly LayerName[] = ['districts', 'communes'];

export function HatangApp() {
  const mapRef = useRef<HatangMap | null>(null);
  const [state, update] = useViewState((next: ViewState) => {
    if (next.camera && mapRef.current) mapRef.current.jumpTo(next.camera);
  });
  const i18n = useMemo(() => makeI18n(state.lang), [state.lang]);
  const { t } = i18n;
  const [metaLoad, setMetaLoad] = useState<MetaLoad>({ status: 'loading' });
  const [metaAttempt, setMetaAttempt] = useState(0);
  // The first camera comes from the URL; later ones only from the map itself.
  const [initialCamera] = useState(state.camera);

  // Meta (operators, extent, counts) is language-neutral: fetched once per attempt.
  const langAtStart = useRef(state.lang);
  useEffect(() => {
    const controller = new AbortController();
    setMetaLoad({ status: 'loading' });
    fetchMeta(langAtStart.current, controller.signal)
      .then((meta) => setMetaLoad({ status: 'ready', meta }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setMetaLoad({ status: 'error', error: describeError(error) });
      });
    return () => controller.abort();
  }, [metaAttempt]);

  const meta = metaLoad.status === 'ready' ? metaLoad.meta : null;

  useEffect(() => {
    document.title = `hatang · ${t('app.title')}`;
  }, [t]);

  // Operators named in a link that this server does not know are dropped, not sent.
  useEffect(() => {
    if (!meta) return;
    const known = new Set(meta.operators.map((o) => o.code));
    if (state.filters.operators.some((code) => !known.has(code))) {
      update((prev) => ({ ...prev, filters: { ...prev.filters, operators: prev.filters.operators.filter((c) => known.has(c)) } }));
    }
  }, [meta, state.filters.operators, update]);

  const wanted = useMemo(() => [...new Set<LayerName>([...baseLayers, ...state.layers])], [state.layers]);
  const loads = useLayerData(wanted, state.filters, state.lang);

  const select = useCallback((selection: Selection | null) => update((prev) => ({ ...prev, selection })), [update]);
  const setFilters = useCallback((filters: LayerFilterState) => update((prev) => ({ ...prev, filters })), [update]);
  const toggleLayer = useCallback(
    (layer: LayerName, visible: boolean) =>
      update((prev) => ({
        ...prev,
        layers: visible ? [...new Set([...prev.layers, layer])] : prev.layers.filter((l) => l !== layer),
      })),
    [update],
  );
  const setLang = useCallback((lang: Lang) => update((prev) => ({ ...prev, lang })), [update]);
  const onCameraChange = useCallback(
    (camera: ViewState['camera']) => update((prev) => (sameCamera(prev.camera, camera) ? prev : { ...prev, camera })),
    [update],
  );
  const [cameraRequest, setCameraRequest] = useState<CameraRequest | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    if (!cameraRequest || !map) return;
    if (cameraRequest.kind === 'bbox') map.fitBbox(cameraRequest.bbox, cameraRequest.maxZoom);
    else map.flyTo(cameraRequest.lon, cameraRequest.lat, cameraRequest.zoom);
    setCameraRequest(null);
  }, [cameraRequest]);
  const fitBbox = useCallback((bbox: Bbox, maxZoom = 15) => setCameraRequest({ kind: 'bbox', bbox, maxZoom }), []);
  const flyTo = useCallback((lon: number, lat: number, zoom = 15) => setCameraRequest({ kind: 'point', lon, lat, zoom }), []);

  const unitBbox = useCallback(
    (code: string): Bbox | null => {
      for (const layer of ['communes', 'districts'] as const) {
        const feature = loads[layer]?.data?.features.find((f) => f.properties.code === code);
        if (feature) return coordinatesBbox(feature.geometry.coordinates);
      }
      return null;
    },
    [loads],
  );

  const onUnitChosen = useCallback(
    (unit: string | null) => {
      const bbox = unit ? unitBbox(unit) : (meta?.extent ?? null);
      if (bbox) fitBbox(bbox, 14);
    },
    [unitBbox, meta, fitBbox],
  );

  const onSearchChoose = useCallback(
    (result: SearchResult) => {
      const layer = searchLayer[result.kind];
      update((prev) =>
        layer === null
          ? { ...prev, selection: null }
          : {
              ...prev,
              layers: prev.layers.includes(layer) ? prev.layers : [...prev.layers, layer],
              selection: { layer, code: result.code },
            },
      );
      if (result.bbox) fitBbox(result.bbox, 16);
      else flyTo(result.lon, result.lat, 15);
    },
    [update, fitBbox, flyTo],
  );

  const hoverText = useCallback(
    (feature: MapGeoJSONFeature, layer: LayerName) => featureHoverText(feature, layer, t, meta?.operators ?? []),
    [t, meta],
  );

  const mapStrings: MapUiStrings = useMemo(
    () => ({ zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut'), resetBearing: t('map.resetBearing') }),
    [t],
  );

  if (metaLoad.status !== 'ready' || !meta) {
    return (
      <I18nProvider lang={state.lang}>
        <div className="app-splash">
          {metaLoad.status === 'error' ? (
            <div className="app-splash__box" role="alert">
              <p>
                {t('app.loadFailed')}: {metaLoad.error}
              </p>
              <button type="button" className="button" onClick={() => setMetaAttempt((n) => n + 1)}>
                {t('app.retry')}
              </button>
            </div>
          ) : (
            <p className="app-splash__box">{t('app.loading')}</p>
          )}
        </div>
      </I18nProvider>
    );
  }

  return (
    <I18nProvider lang={state.lang}>
      <div className={state.selection ? 'app app--inspecting' : 'app'}>
        <AppHeader demoData={meta.demoData} onSearchChoose={onSearchChoose} onLanguageChange={setLang} />
        <LayerPanel
          meta={meta}
          visible={state.layers}
          loads={loads}
          filters={state.filters}
          onToggle={toggleLayer}
          onFiltersChange={setFilters}
          onUnitChosen={onUnitChosen}
        />
        <main className="map-area">
          <MapView
            meta={meta}
            initialCamera={initialCamera}
            visibleLayers={state.layers}
            loads={loads}
            selection={state.selection}
            unitFocus={state.filters.unit}
            strings={mapStrings}
            onReady={(map) => (mapRef.current = map)}
            onSelect={select}
            onCameraChange={onCameraChange}
            hoverText={hoverText}
          />
          <button type="button" className="map-reset button button--small" onClick={() => meta.extent && fitBbox(meta.extent)}>
            {t('map.resetView')}
          </button>
          <p className="map-attribution">{t('map.attribution')}</p>
        </main>
        {state.selection ? (
          <InspectorPanel
            selection={state.selection}
            meta={meta}
            loads={loads}
            onClose={() => select(null)}
            onSelect={select}
            onFitBbox={fitBbox}
            onFlyTo={flyTo}
          />
        ) : null}
      </div>
    </I18nProvider>
  );
}

