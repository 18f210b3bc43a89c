import type { Inspection, InspectionCreate, InspectionUpdate } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import { apiFetch, getJson, readEmpty, readJson } from './api-client.js';

// Field inspections of a hamlet (biên bản kiểm tra). Read by any signed-in
// account; written by inspectors, each edit and withdrawal naming the version it
// was based on in If-Match (a stale one answers 412 with `current`).

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

function inspectionPath(id: number): string {
  return `/api/inspections/${encodeURIComponent(String(id))}`;
}

/** Newest first. Never from the browser cache: the list must show a write made a moment ago. */
export async function fetchHamletInspections(hamletCode: string, lang: Lang, signal?: AbortSignal): Promise<Inspection[]> {
  const answer = await getJson<{ inspections: Inspection[] }>(`/api/hamlets/${encodeURIComponent(hamletCode)}/inspections?lang=${lang}`, lang, signal, 'no-store');
  return answer.inspections;
}

export async function postInspection(hamletCode: string, inspection: InspectionCreate, lang: Lang): Promise<Inspection> {
  const response = await apiFetch(`/api/hamlets/${encodeURIComponent(hamletCode)}/inspections?lang=${lang}`, { method: 'POST', lang, body: inspection });
  return readJson<Inspection>(response);
}

export async function patchInspection(id: number, changes: Omit<InspectionUpdate, 'version'>, version: number, lang: Lang): Promise<Inspection> {
  const response = await apiFetch(`${inspectionPath(id)}?lang=${lang}`, { method: 'PATCH', lang, body: changes, headers: ifMatch(version) });
  return readJson<Inspection>(response);
}

/** Withdrawal: the inspection leaves the list but stays on the server and in the change log. */
export async function withdrawInspection(id: number, version: number, lang: Lang): Promise<void> {
  return readEmpty(await apiFetch(`${inspectionPath(id)}?lang=${lang}`, { method: 'DELETE', lang, headers: ifMatch(version) }));
}
