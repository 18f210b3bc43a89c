import type { ImportLayer } from '../api/import-api.js';
import { hasPermission } from '../auth/permissions.js';
import type { SessionInfo } from '../domain/contract-types.js';
import type { MapToggle } from '../domain/enum-values.js';
import type { RegisterRevisions } from '../layers/use-layer-data.js';

// Which layers an account may import, and what on the map an import changes.
// The server decides (import routes); this mirrors its rules only to offer
// what it would accept.

type Complete<All extends string, Listed extends readonly string[]> = [Exclude<All, Listed[number]>] extends [never] ? true : false;
function assertComplete<T extends true>(_: T): void {}

/** The importable layers, in the order of the layer picker (importLayers of the contract, repeated to keep zod out of the bundle). */
export const importLayerValues = ['sites', 'bts', 'fiber', 'hamlets', 'population-clusters', 'admin-units', 'measurements', 'indicator-values'] as const satisfies readonly ImportLayer[];
assertComplete<Complete<ImportLayer, typeof importLayerValues>>(true);

/** An operator's engineer imports only its own operator's equipment: BTS and fiber routes. */
const operatorLayers: readonly ImportLayer[] = ['bts', 'fiber'];

/**
 * infrastructure.write: a planner any register or area layer, an operator's
 * account BTS and fiber; measurements.import: field measurements;
 * targets.edit: the plan's reported indicator values.
 */
export function importLayersFor(session: SessionInfo | null): ImportLayer[] {
  const user = session?.user;
  if (!user) return [];
  const mayWrite = hasPermission(session, 'infrastructure.write');
  return importLayerValues.filter((layer) => {
    if (layer === 'measurements') return hasPermission(session, 'measurements.import');
    if (layer === 'indicator-values') return hasPermission(session, 'targets.edit');
    if (!mayWrite) return false;
    return user.role !== 'operator' || operatorLayers.includes(layer);
  });
}

/** What a committed import changes on the map: the layer to show and the loads to repeat. */
export interface ImportMapEffect {
  /** The toggle that shows the imported records; null for figures, which are not on the map. */
  toggle: MapToggle | null;
  /** The register revisions to bump (their layers, the coverage and the verdicts load again). */
  revisions: readonly (keyof RegisterRevisions)[];
  /** The field measurements layer loads again. */
  measurements: boolean;
}

export const importMapEffects: Record<ImportLayer, ImportMapEffect> = {
  sites: { toggle: 'sites', revisions: ['radio'], measurements: false },
  bts: { toggle: 'bts', revisions: ['radio'], measurements: false },
  fiber: { toggle: 'fiber', revisions: ['fiber'], measurements: false },
  // Hamlets and their population clusters are what the coverage verdicts are computed for.
  hamlets: { toggle: 'hamlets', revisions: ['areas', 'radio'], measurements: false },
  'population-clusters': { toggle: 'hamlet-verdicts', revisions: ['areas', 'radio'], measurements: false },
  'admin-units': { toggle: 'communes', revisions: ['areas', 'radio'], measurements: false },
  measurements: { toggle: 'measurements', revisions: [], measurements: true },
  'indicator-values': { toggle: null, revisions: [], measurements: false },
};

/** Layers whose codes name administrative units of one boundary set, chosen on upload. */
export function importTakesBoundarySet(layer: ImportLayer): boolean {
  return layer === 'admin-units' || layer === 'indicator-values';
}

/** Layers without positions: no coordinate system to choose. */
export function importHasPositions(layer: ImportLayer): boolean {
  return layer !== 'indicator-values';
}

/** File types the picker offers (a zipped Shapefile comes as .zip, with its .prj). */
export const importFileAccept = '.csv,.xlsx,.geojson,.json,.kml,.kmz,.zip';

/** Whether a file's name has one of the accepted extensions. */
export function isImportFileName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return false;
  return importFileAccept.split(',').includes(name.slice(dot).toLowerCase());
}
