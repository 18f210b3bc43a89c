import type { Request } from 'express';

export interface OgcLink {
  href: string;
  rel: string;
  type: string;
  title?: string;
}

export const jsonType = 'application/json';
export const geoJsonType = 'application/geo+json';
export const htmlType = 'text/html';

/** Absolute URL of /ogc as the client reached it (links must resolve from any client, GDAL included). */
export function ogcBase(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`;
}

/** `path` under /ogc with the query `params` (in the order given; undefined drops a parameter). */
export function ogcUrl(req: Request, path: string, params: Record<string, string | number | undefined> = {}): string {
  const query = Object.entries(params)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${ogcBase(req)}${path}${query ? `?${query}` : ''}`;
}

/** The request's own query parameters (strings only: assertOnlyParameters has refused repeated ones). */
export function requestParams(req: Request): Record<string, string> {
  return Object.fromEntries(Object.entries(req.query).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** self and alternate of a resource served as JSON (of `type`) and HTML, keeping the request's other parameters. */
export function selfAndAlternate(req: Request, path: string, format: 'json' | 'html', type: string, title: string): OgcLink[] {
  const params = requestParams(req);
  const json: OgcLink = { href: ogcUrl(req, path, { ...params, f: 'json' }), type, rel: 'self', title };
  const html: OgcLink = { href: ogcUrl(req, path, { ...params, f: 'html' }), type: htmlType, rel: 'alternate', title: `${title} (HTML)` };
  return format === 'json' ? [json, html] : [{ ...html, rel: 'self' }, { ...json, rel: 'alternate' }];
}
