import { ogcCollectionIds } from './ogc-collections.js';
import { defaultLimit, maxLimit } from './ogc-params.js';

/** OpenAPI 3.0 media type the landing page's service-desc link names. */
export const openApiType = 'application/vnd.oai.openapi+json;version=3.0';

const problem = { description: 'Lỗi (RFC 9457)', content: { 'application/problem+json': { schema: { type: 'object' } } } };
const formatParam = { name: 'f', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'html'] }, description: 'Định dạng trả về' };
const langParam = { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['vi', 'en'] }, description: 'Ngôn ngữ của thông báo lỗi' };
const json = (description: string, type = 'application/json') => ({ description, content: { [type]: { schema: { type: 'object' } }, 'text/html': { schema: { type: 'string' } } } });

/**
 * The API definition (requirement class oas30): the paths of Part 1 with their
 * parameters. Clients read the items' `limit` maximum from it (GDAL sets its
 * page size so).
 */
export function openApiDocument(serverUrl: string): Record<string, unknown> {
  const collectionId = { name: 'collectionId', in: 'path', required: true, schema: { type: 'string', enum: [...ogcCollectionIds] } };
  return {
    openapi: '3.0.3',
    info: { title: 'hatang — OGC API - Features', version: '1.0.0', description: 'Hạ tầng viễn thông của tỉnh theo OGC API - Features - Phần 1: Lõi.' },
    servers: [{ url: serverUrl }],
    paths: {
      '/': { get: { summary: 'Trang chính', operationId: 'getLandingPage', parameters: [formatParam, langParam], responses: { 200: json('Trang chính'), 400: problem } } },
      '/conformance': { get: { summary: 'Các lớp chuẩn tuân thủ', operationId: 'getConformance', parameters: [formatParam, langParam], responses: { 200: json('conformsTo'), 400: problem } } },
      '/collections': { get: { summary: 'Các tập dữ liệu', operationId: 'getCollections', parameters: [formatParam, langParam], responses: { 200: json('Các tập dữ liệu'), 400: problem } } },
      '/collections/{collectionId}': {
        get: { summary: 'Một tập dữ liệu', operationId: 'describeCollection', parameters: [collectionId, formatParam, langParam], responses: { 200: json('Tập dữ liệu'), 404: problem } },
      },
      '/collections/{collectionId}/items': {
        get: {
          summary: 'Các đối tượng của một tập dữ liệu',
          operationId: 'getFeatures',
          parameters: [
            collectionId,
            { name: 'limit', in: 'query', required: false, style: 'form', explode: false, schema: { type: 'integer', minimum: 1, maximum: maxLimit, default: defaultLimit } },
            { name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 0 } },
            {
              name: 'bbox', in: 'query', required: false, style: 'form', explode: false,
              schema: { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } },
              description: 'minLon,minLat,maxLon,maxLat (CRS84)',
            },
            { name: 'datetime', in: 'query', required: false, schema: { type: 'string' }, description: 'RFC 3339: các tập không có thời gian nên không lọc gì' },
            formatParam,
            langParam,
          ],
          responses: { 200: json('FeatureCollection (GeoJSON)', 'application/geo+json'), 400: problem, 404: problem },
        },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: {
          summary: 'Một đối tượng',
          operationId: 'getFeature',
          parameters: [collectionId, { name: 'featureId', in: 'path', required: true, schema: { type: 'string' } }, formatParam, langParam],
          responses: { 200: json('Feature (GeoJSON)', 'application/geo+json'), 404: problem },
        },
      },
    },
  };
}
