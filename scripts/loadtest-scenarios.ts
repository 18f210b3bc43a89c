// The scenarios of `npm run loadtest`: what the client asks the server for,
// grouped by what a user is doing. Each scenario is a list of requests that
// every connection cycles through (each connection starting at a different
// place in the list, as users do not click in step). To add a scenario, or to
// replace a stand-in once its endpoint exists, edit `scenarios` below; the
// fixture gives codes and places taken from the running server's demo data.

export interface LoadRequest {
  method: 'GET' | 'POST';
  /** Path and query string, exactly as the client sends it. */
  path: string;
  /** JSON body of a POST. */
  body?: unknown;
  /** Tells apart requests of the same path in the output (e.g. two POST bodies). */
  label?: string;
}

export interface Scenario {
  name: string;
  /** What a user is doing, in a few words. */
  what: string;
  /** Set while the scenario uses an endpoint that stands in for one not written yet. */
  standIn?: string;
  requests(fixture: Fixture): LoadRequest[];
}

/** Things the requests need that depend on the data: read from the server before loading. */
export interface Fixture {
  /** A site code to search for. */
  siteCode: string;
  /** minLon,minLat,maxLon,maxLat of a 1280×800 px map at zoom 12 over the densest part of the province. */
  viewportBbox: string;
  /** An operator for the hypothetical BTS. */
  operator: string;
  /** Where to place hypothetical BTS: the largest uncovered part, and the viewport's centre. */
  whatIfPoints: { lon: number; lat: number; label: string }[];
}

/** Headers of every request: what the browser's fetch sends (api-client.ts), including compression. */
export const browserHeaders = {
  accept: 'application/json',
  'accept-language': 'vi',
  'accept-encoding': 'gzip, deflate, br',
};

export const scenarios: Scenario[] = [
  {
    name: 'map layers',
    what: 'opening the map: whole-province layers as use-layer-data.ts loads them, and one zoom-12 viewport',
    requests: (f) => [
      { method: 'GET', path: '/api/layers/communes' },
      { method: 'GET', path: '/api/layers/districts' },
      { method: 'GET', path: '/api/layers/sites' },
      { method: 'GET', path: '/api/layers/bts' },
      { method: 'GET', path: '/api/layers/hamlets' },
      { method: 'GET', path: '/api/layers/coverage?operator=*&technology=broadband' },
      { method: 'GET', path: `/api/layers/sites?bbox=${f.viewportBbox}` },
      { method: 'GET', path: `/api/layers/bts?bbox=${f.viewportBbox}` },
    ],
  },
  {
    name: 'indicators',
    what: 'the planner’s figures',
    requests: () => [
      { method: 'GET', path: '/api/indicators?lang=vi' },
      { method: 'GET', path: '/api/indicators?scenario=planned&lang=vi' },
      { method: 'GET', path: '/api/sharing?level=district&lang=vi' },
    ],
  },
  {
    name: 'search',
    what: 'typing in the search box (diacritics ignored)',
    requests: (f) => [
      { method: 'GET', path: '/api/search?q=cai%20be&limit=10&lang=vi' },
      { method: 'GET', path: '/api/search?q=ap&limit=10&lang=vi' },
      { method: 'GET', path: `/api/search?q=${encodeURIComponent(f.siteCode)}&limit=10&lang=vi` },
    ],
  },
  {
    name: 'co-location',
    what: 'an operator’s engineer clicking on the map: structures within 2 km that could host a 4G BTS, with what each would add',
    requests: (f) =>
      f.whatIfPoints.map(({ lon, lat, label }) => ({
        method: 'POST' as const,
        path: '/api/colocation/candidates?lang=vi',
        label: `2 km ${label}`,
        body: { lon, lat, operator: f.operator, radiusM: 2000, technology: '4G', bandMHz: 1800, antennaHeightM: 30 },
      })),
  },
];

/** minLon,minLat,maxLon,maxLat of a width×height px MapLibre view (512 px tiles) at `zoom` centred on lon/lat. */
export function viewportBbox(lon: number, lat: number, zoom = 12, widthPx = 1280, heightPx = 800): string {
  const degreesPerPx = 360 / (512 * 2 ** zoom);
  const halfLon = (widthPx / 2) * degreesPerPx;
  const halfLat = (heightPx / 2) * degreesPerPx * Math.cos((lat * Math.PI) / 180);
  return [lon - halfLon, lat - halfLat, lon + halfLon, lat + halfLat].map((v) => v.toFixed(5)).join(',');
}
