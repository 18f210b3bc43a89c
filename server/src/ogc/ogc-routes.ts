import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { authenticate, type AuthSettings } from '../auth/authenticate.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters } from '../http/query-params.js';
import { resolveBoundarySet } from '../layers/admin-unit-lookup.js';
import { crs84, ogcCollectionIds, ogcCollections, type OgcCollection, type OgcCollectionId } from './ogc-collections.js';
import { escapeHtml, htmlPage, itemsTable, itemTable, linkList } from './ogc-html.js';
import { collectionExtent, itemsPage, oneItem } from './ogc-items.js';
import { geoJsonType, htmlType, jsonType, ogcUrl, requestParams, selfAndAlternate, type OgcLink } from './ogc-links.js';
import { openApiDocument, openApiType } from './ogc-openapi.js';
import { parseFormat, parseItemsQuery, type OgcFormat } from './ogc-params.js';

export const conformanceClasses = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
];

const serviceTitle = 'hatang — hạ tầng viễn thông';
const serviceDescription =
  'Hạ tầng viễn thông của tỉnh theo chuẩn OGC API - Features: vị trí trạm, trạm BTS, vị trí dùng chung, tuyến cáp quang, ấp, khu phố, đơn vị hành chính, vùng phủ sóng và vùng lõm sóng. Tọa độ WGS 84 (CRS84: kinh độ, vĩ độ).';

function collectionOf(raw: string): OgcCollection {
  if (!(ogcCollectionIds as readonly string[]).includes(raw)) {
    throw new HttpProblem(404, 'ogc-unknown-collection', { collection: raw.slice(0, 50), collections: ogcCollectionIds.join(', ') });
  }
  return ogcCollections[raw as OgcCollectionId];
}

/** Landing page, conformance, collections: only f and lang (anything else is a 400). */
function simpleQuery(req: Request): OgcFormat {
  assertOnlyParameters(req, ['f', 'lang']);
  return parseFormat(req);
}

function sendJson(res: Response, type: string, body: unknown): void {
  res.type(type).send(JSON.stringify(body));
}

function sendHtml(res: Response, html: string): void {
  res.type('text/html; charset=utf-8').send(html);
}

/**
 * OGC API - Features - Part 1: Core at /ogc (requirement classes core,
 * GeoJSON, HTML, OpenAPI 3.0), so QGIS and GDAL's OAPIF driver read the
 * register. Reading needs what the map needs: the API's authentication runs
 * here too, so a closed map (HATANG_ANONYMOUS_READ=false) is closed here.
 */
export function ogcRoutes(knex: Knex, auth: AuthSettings): Router {
  const router = Router();
  router.use(authenticate(knex, auth));
  // Read-only open data: web clients of other agencies may read it from their own origin.
  router.use((_req, res, next) => {
    res.set('Access-Control-Allow-Origin', '*');
    next();
  });

  router.get('/', (req, res) => {
    const format = simpleQuery(req);
    const links: OgcLink[] = [
      ...selfAndAlternate(req, '', format, jsonType, 'Trang chính'),
      { href: ogcUrl(req, '/api'), rel: 'service-desc', type: openApiType, title: 'Mô tả API (OpenAPI 3.0)' },
      { href: ogcUrl(req, '/conformance'), rel: 'conformance', type: jsonType, title: 'Các lớp chuẩn tuân thủ' },
      { href: ogcUrl(req, '/collections'), rel: 'data', type: jsonType, title: 'Các tập dữ liệu' },
    ];
    if (format === 'json') return sendJson(res, jsonType, { title: serviceTitle, description: serviceDescription, links });
    const body = `<p>${escapeHtml(serviceDescription)}</p>${linkList(links.filter((l) => l.rel !== 'self'))}`;
    sendHtml(res, htmlPage(serviceTitle, [['OGC API', ogcUrl(req, '', { f: 'html' })]], body, ogcUrl(req, '', { f: 'json' })));
  });

  router.get('/api', (req, res) => {
    // The definition is JSON in either encoding asked for.
    simpleQuery(req);
    sendJson(res, openApiType, openApiDocument(ogcUrl(req, '')));
  });

  router.get('/conformance', (req, res) => {
    const format = simpleQuery(req);
    if (format === 'json') {
      return sendJson(res, jsonType, { conformsTo: conformanceClasses, links: selfAndAlternate(req, '/conformance', format, jsonType, 'Các lớp chuẩn tuân thủ') });
    }
    const body = `<ul>${conformanceClasses.map((c) => `<li><code>${escapeHtml(c)}</code></li>`).join('')}</ul>`;
    sendHtml(res, htmlPage('Các lớp chuẩn tuân thủ', [['OGC API', ogcUrl(req, '', { f: 'html' })]], body, ogcUrl(req, '/conformance', { f: 'json' })));
  });

  const collectionJson = (req: Request, c: OgcCollection, extent: number[] | null, selfRel: string) => ({
    id: c.id,
    title: c.title,
    description: c.description,
    itemType: 'feature',
    crs: [crs84],
    ...(extent ? { extent: { spatial: { bbox: [extent], crs: crs84 } } } : {}),
    links: [
      { href: ogcUrl(req, `/collections/${c.id}`, { f: 'json' }), rel: selfRel, type: jsonType, title: c.title },
      { href: ogcUrl(req, `/collections/${c.id}`, { f: 'html' }), rel: 'alternate', type: htmlType, title: `${c.title} (HTML)` },
      { href: ogcUrl(req, `/collections/${c.id}/items`, { f: 'json' }), rel: 'items', type: geoJsonType, title: `Đối tượng: ${c.title}` },
      { href: ogcUrl(req, `/collections/${c.id}/items`, { f: 'html' }), rel: 'items', type: htmlType, title: `Đối tượng: ${c.title} (HTML)` },
    ],
  });

  const extentHtml = (extent: number[] | null) =>
    extent ? `Phạm vi (kinh độ, vĩ độ CRS84): ${extent.map((v) => escapeHtml(v)).join(', ')}` : 'Chưa có dữ liệu.';

  router.get('/collections', async (req, res) => {
    const format = simpleQuery(req);
    const boundarySet = await resolveBoundarySet(knex, undefined);
    const entries = [];
    for (const id of ogcCollectionIds) entries.push({ c: ogcCollections[id], extent: await collectionExtent(knex, id, boundarySet) });
    if (format === 'json') {
      return sendJson(res, jsonType, {
        links: selfAndAlternate(req, '/collections', format, jsonType, 'Các tập dữ liệu'),
        collections: entries.map((e) => collectionJson(req, e.c, e.extent, 'collection')),
      });
    }
    const rows = entries
      .map(({ c, extent }) => `<tr><td><a href="${escapeHtml(ogcUrl(req, `/collections/${c.id}`, { f: 'html' }))}">${escapeHtml(c.title)}</a><br><code>${escapeHtml(c.id)}</code></td>
        <td>${escapeHtml(c.description)}</td><td>${extentHtml(extent)}</td>
        <td><a href="${escapeHtml(ogcUrl(req, `/collections/${c.id}/items`, { f: 'html' }))}">Xem đối tượng</a></td></tr>`)
      .join('');
    const body = `<table><tr><th>Tập dữ liệu</th><th>Mô tả</th><th>Phạm vi</th><th></th></tr>${rows}</table>`;
    sendHtml(res, htmlPage('Các tập dữ liệu', [['OGC API', ogcUrl(req, '', { f: 'html' })]], body, ogcUrl(req, '/collections', { f: 'json' })));
  });

  router.get('/collections/:collectionId', async (req, res) => {
    const c = collectionOf(String(req.params.collectionId));
    const format = simpleQuery(req);
    const extent = await collectionExtent(knex, c.id, await resolveBoundarySet(knex, undefined));
    if (format === 'json') {
      const body = collectionJson(req, c, extent, 'self');
      // The requested encoding is self; the other one is the alternate.
      return sendJson(res, jsonType, { ...body, links: [...selfAndAlternate(req, `/collections/${c.id}`, format, jsonType, c.title), ...body.links.slice(2)] });
    }
    const links = collectionJson(req, c, extent, 'self').links.slice(2);
    const body = `<p>${escapeHtml(c.description)}</p><p>${extentHtml(extent)}</p>${linkList(links)}`;
    sendHtml(res, htmlPage(c.title, [['OGC API', ogcUrl(req, '', { f: 'html' })], ['Các tập dữ liệu', ogcUrl(req, '/collections', { f: 'html' })]], body, ogcUrl(req, `/collections/${c.id}`, { f: 'json' })));
  });

  router.get('/collections/:collectionId/items', async (req, res) => {
    const c = collectionOf(String(req.params.collectionId));
    const q = parseItemsQuery(req);
    const page = await itemsPage(knex, c.id, q, await resolveBoundarySet(knex, undefined));
    const path = `/collections/${c.id}/items`;
    const params = requestParams(req);
    const links: OgcLink[] = [...selfAndAlternate(req, path, q.format, geoJsonType, `Đối tượng: ${c.title}`)];
    const pageType = q.format === 'json' ? geoJsonType : htmlType;
    if (q.offset + page.features.length < page.numberMatched) {
      links.push({ href: ogcUrl(req, path, { ...params, offset: q.offset + q.limit }), rel: 'next', type: pageType, title: 'Trang sau' });
    }
    if (q.offset > 0) {
      links.push({ href: ogcUrl(req, path, { ...params, offset: Math.max(0, q.offset - q.limit) }), rel: 'prev', type: pageType, title: 'Trang trước' });
    }
    links.push({ href: ogcUrl(req, `/collections/${c.id}`, { f: 'json' }), rel: 'collection', type: jsonType, title: c.title });
    if (q.format === 'json') {
      return sendJson(res, geoJsonType, {
        type: 'FeatureCollection',
        features: page.features,
        numberMatched: page.numberMatched,
        numberReturned: page.features.length,
        timeStamp: new Date().toISOString(),
        links,
      });
    }
    const from = page.features.length ? q.offset + 1 : 0;
    const pager = links
      .filter((l) => l.rel === 'prev' || l.rel === 'next')
      .map((l) => `<a href="${escapeHtml(l.href)}">${l.rel === 'prev' ? '‹ Trang trước' : 'Trang sau ›'}</a>`)
      .join('');
    const body = `<p>Đối tượng ${from}–${q.offset + page.features.length} trong ${page.numberMatched}.</p><p class="pager">${pager}</p>
      ${itemsTable(page.features, (id) => ogcUrl(req, `${path}/${encodeURIComponent(id)}`, { f: 'html' }))}<p class="pager">${pager}</p>`;
    sendHtml(res, htmlPage(`Đối tượng: ${c.title}`, [
      ['OGC API', ogcUrl(req, '', { f: 'html' })],
      ['Các tập dữ liệu', ogcUrl(req, '/collections', { f: 'html' })],
      [c.title, ogcUrl(req, `/collections/${c.id}`, { f: 'html' })],
    ], body, ogcUrl(req, path, { ...params, f: 'json' })));
  });

  router.get('/collections/:collectionId/items/:featureId', async (req, res) => {
    const c = collectionOf(String(req.params.collectionId));
    const featureId = String(req.params.featureId);
    const format = simpleQuery(req);
    // No code is that long or holds control characters (PostgreSQL refuses NUL in text): no such feature.
    const possible = featureId.length <= 200 && !/[\u0000-\u001f\u007f]/.test(featureId);
    const feature = possible ? await oneItem(knex, c.id, featureId, await resolveBoundarySet(knex, undefined)) : null;
    if (!feature) throw new HttpProblem(404, 'ogc-unknown-feature', { collection: c.id, featureId: featureId.slice(0, 64) });
    const path = `/collections/${c.id}/items/${encodeURIComponent(feature.id)}`;
    const links: OgcLink[] = [
      ...selfAndAlternate(req, path, format, geoJsonType, feature.id),
      { href: ogcUrl(req, `/collections/${c.id}`, { f: 'json' }), rel: 'collection', type: jsonType, title: c.title },
    ];
    if (format === 'json') return sendJson(res, geoJsonType, { ...feature, links });
    sendHtml(res, htmlPage(`${c.title}: ${feature.id}`, [
      ['OGC API', ogcUrl(req, '', { f: 'html' })],
      ['Các tập dữ liệu', ogcUrl(req, '/collections', { f: 'html' })],
      [c.title, ogcUrl(req, `/collections/${c.id}`, { f: 'html' })],
      ['Đối tượng', ogcUrl(req, `/collections/${c.id}/items`, { f: 'html' })],
    ], itemTable(feature), ogcUrl(req, path, { f: 'json' })));
  });

  router.use((req, _res, next) => next(new HttpProblem(404, 'ogc-unknown-path', { path: `/ogc${req.path}`.slice(0, 200) })));
  return router;
}
