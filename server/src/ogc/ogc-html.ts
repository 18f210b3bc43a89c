import type { OgcLink } from './ogc-links.js';

// The HTML encoding of OGC API - Features (requirement class html): plain
// server-rendered pages in Vietnamese for people who open the API in a
// browser. No script; every value from the data is escaped.

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const style = `
body{font-family:system-ui,"Noto Sans",Arial,sans-serif;margin:0;color:#1f2937;background:#f8fafc}
header{background:#0f766e;color:#fff;padding:12px 24px}header a{color:#fff}
nav.crumbs{font-size:14px}main{padding:16px 24px;max-width:1200px}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin-top:24px}
table{border-collapse:collapse;background:#fff;font-size:14px}th,td{border:1px solid #d1d5db;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f1f5f9}td.num{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#6b7280}
.pager a{margin-right:16px}code{background:#eef2f7;padding:0 4px}
`;

/** A page: breadcrumbs (label, href), the title, the body (already HTML), and the page's JSON alternate. */
export function htmlPage(title: string, crumbs: [string, string][], body: string, jsonHref: string): string {
  const trail = crumbs.map(([label, href]) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`).join(' › ');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${style}</style>
<link rel="alternate" type="application/json" href="${escapeHtml(jsonHref)}"></head>
<body><header><nav class="crumbs">${trail}</nav><h1>${escapeHtml(title)}</h1></header>
<main>${body}<p class="muted">Dạng máy đọc: <a href="${escapeHtml(jsonHref)}">JSON</a>. OGC API - Features, Phần 1: Lõi.</p></main></body></html>`;
}

export function linkList(links: OgcLink[]): string {
  return `<ul>${links
    .map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.title ?? l.href)}</a> <span class="muted">(${escapeHtml(l.rel)}, ${escapeHtml(l.type)})</span></li>`)
    .join('')}</ul>`;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '<span class="muted">—</span>';
  if (typeof value === 'object') return `<code>${escapeHtml(JSON.stringify(value))}</code>`;
  return escapeHtml(value);
}

/** A table of the items: id (linking to the item's page), each property, the geometry type. */
export function itemsTable(features: { id: string; geometry: unknown; properties: Record<string, unknown> }[], itemHref: (id: string) => string): string {
  if (features.length === 0) return '<p>Không có đối tượng nào.</p>';
  const keys = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
  const head = `<tr><th>id</th>${keys.map((k) => `<th>${escapeHtml(k)}</th>`).join('')}<th>hình học</th></tr>`;
  const rows = features
    .map((f) => {
      const cells = keys.map((k) => `<td${typeof f.properties[k] === 'number' ? ' class="num"' : ''}>${cellText(f.properties[k])}</td>`).join('');
      const type = (f.geometry as { type?: string } | null)?.type ?? '—';
      return `<tr><td><a href="${escapeHtml(itemHref(f.id))}">${escapeHtml(f.id)}</a></td>${cells}<td>${escapeHtml(type)}</td></tr>`;
    })
    .join('');
  return `<table>${head}${rows}</table>`;
}

/** One item's properties, one per row, and its geometry's type and first coordinates. */
export function itemTable(feature: { geometry: unknown; properties: Record<string, unknown> }): string {
  const rows = Object.entries(feature.properties)
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${cellText(v)}</td></tr>`)
    .join('');
  const g = feature.geometry as { type?: string; coordinates?: unknown } | null;
  const coordinates = g?.type === 'Point' ? `<tr><th>tọa độ (kinh độ, vĩ độ)</th><td>${escapeHtml((g.coordinates as number[]).join(', '))}</td></tr>` : '';
  return `<table>${rows}<tr><th>hình học</th><td>${escapeHtml(g?.type ?? '—')}</td></tr>${coordinates}</table>`;
}
