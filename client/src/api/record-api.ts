import type { BtsRecord, FiberRecord, RegisterEntity, SiteDetail, SiteRecord } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import { apiFetch, getJson, readJson } from './api-client.js';

// Writes to the register (sites, BTS, fiber routes). Every edit, delete and
// restore names the version it was based on in If-Match; a stale one answers
// 412 with the record as it is now (`current`, `currentVersion`).

export type RecordByEntity = { site: SiteRecord; bts: BtsRecord; fiber: FiberRecord };

/** The fields of a site the edit form shows, with the version the form is based on. */
export type EditableSite = Pick<SiteRecord, 'code' | 'name' | 'lon' | 'lat' | 'structureType' | 'heightM' | 'owner' | 'address' | 'status' | 'version' | 'updatedAt'>;

const pathOf: Record<RegisterEntity, string> = { site: 'sites', bts: 'bts', fiber: 'fiber' };

function recordPath(entity: RegisterEntity, code: string): string {
  return `/api/${pathOf[entity]}/${encodeURIComponent(code)}`;
}

export function editableSite(detail: SiteDetail): EditableSite {
  const { site } = detail;
  return {
    code: site.code,
    name: site.name,
    lon: site.lon,
    lat: site.lat,
    structureType: site.structureType,
    heightM: site.heightM,
    owner: site.owner,
    address: site.address,
    status: site.status,
    version: site.version,
    updatedAt: site.updatedAt,
  };
}

/** A site's editable fields come from its detail (GET /api/sites/{code}); BTS and fiber have their own record. */
export async function fetchEditableSite(code: string, lang: Lang, signal?: AbortSignal): Promise<EditableSite> {
  return editableSite(await getJson<SiteDetail>(recordPath('site', code), lang, signal, 'no-store'));
}

export function fetchBtsRecord(code: string, lang: Lang, signal?: AbortSignal): Promise<BtsRecord> {
  return getJson<BtsRecord>(recordPath('bts', code), lang, signal, 'no-store');
}

export function fetchFiberRecord(code: string, lang: Lang, signal?: AbortSignal): Promise<FiberRecord> {
  return getJson<FiberRecord>(recordPath('fiber', code), lang, signal, 'no-store');
}

// Records are read with cache: 'no-store': an edit form must start from the version on the server, not a cached one.
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export async function patchRecord<E extends RegisterEntity>(
  entity: E,
  code: string,
  changes: Record<string, unknown>,
  version: number,
  lang: Lang,
): Promise<RecordByEntity[E]> {
  const response = await apiFetch(recordPath(entity, code), { method: 'PATCH', lang, body: changes, headers: ifMatch(version) });
  return readJson<RecordByEntity[E]>(response);
}

/** Soft deletion: the record leaves every view but stays in its table and the audit log; answers it with deletedAt set. */
export async function deleteRecord<E extends RegisterEntity>(entity: E, code: string, version: number, lang: Lang): Promise<RecordByEntity[E]> {
  return readJson<RecordByEntity[E]>(await apiFetch(recordPath(entity, code), { method: 'DELETE', lang, headers: ifMatch(version) }));
}

export async function restoreRecord<E extends RegisterEntity>(entity: E, code: string, version: number, lang: Lang): Promise<RecordByEntity[E]> {
  const response = await apiFetch(`${recordPath(entity, code)}/restore`, { method: 'POST', lang, body: {}, headers: ifMatch(version) });
  return readJson<RecordByEntity[E]>(response);
}
