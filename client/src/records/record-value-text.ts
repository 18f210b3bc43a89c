import type { Operator } from '../domain/contract-types.js';
import { groupLabel } from '../coverage/coverage-labels.js';
import { dayText } from '../domain/calendar-day.js';
import {
  anyOperator,
  environmentValues,
  fiberKindValues,
  fiberLayingValues,
  isOneOf,
  roleValues,
  statusValues,
  structureTypeValues,
  technologyGroupValues,
  verdictValues,
} from '../domain/enum-values.js';
import type { I18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/messages-vi.js';

// Fields of register records, field inspections, accounts and tokens as the audit log and the
// conflict dialog show them: a label per JSON key and every value as plain
// text (never markup: a name such as "<b>Ấp 1</b>" is shown as typed).

const labelKeys: Record<string, MessageKey> = {
  code: 'recordField.code',
  id: 'recordField.id',
  hamletCode: 'recordField.hamletCode',
  inspectedOn: 'recordField.inspectedOn',
  name: 'recordField.name',
  lon: 'recordField.lon',
  lat: 'recordField.lat',
  structureType: 'recordField.structureType',
  heightM: 'recordField.heightM',
  owner: 'recordField.owner',
  address: 'recordField.address',
  status: 'recordField.status',
  siteCode: 'recordField.siteCode',
  operator: 'recordField.operator',
  technology: 'recordField.technology',
  technologyGroup: 'recordField.technologyGroup',
  observedVerdict: 'recordField.observedVerdict',
  modelVerdict: 'recordField.modelVerdict',
  agreesWithModel: 'recordField.agreesWithModel',
  measurementBatch: 'recordField.measurementBatch',
  indicator: 'recordField.indicator',
  period: 'recordField.period',
  year: 'recordField.year',
  value: 'recordField.value',
  document: 'recordField.document',
  note: 'recordField.note',
  decidedBy: 'recordField.decidedBy',
  decisionReason: 'recordField.decisionReason',
  inspector: 'recordField.inspector',
  bandMHz: 'recordField.bandMHz',
  antennaHeightM: 'recordField.antennaHeightM',
  eirpDbm: 'recordField.eirpDbm',
  radiusOverrideM: 'recordField.radiusOverrideM',
  environmentOverride: 'recordField.environmentOverride',
  sectors: 'recordField.sectors',
  kind: 'recordField.kind',
  laying: 'recordField.laying',
  cores: 'recordField.cores',
  geometry: 'recordField.geometry',
  lengthM: 'recordField.lengthM',
  username: 'recordField.username',
  displayName: 'recordField.displayName',
  role: 'recordField.role',
  active: 'recordField.active',
  createdAt: 'recordField.createdAt',
  passwordReset: 'recordField.passwordReset',
  passwordFrom: 'recordField.passwordFrom',
  prefix: 'recordField.prefix',
  expiresAt: 'recordField.expiresAt',
  batch: 'recordField.batch',
  inserted: 'recordField.inserted',
  contradictions: 'recordField.contradictions',
  version: 'recordField.version',
  updatedAt: 'recordField.updatedAt',
  deletedAt: 'recordField.deletedAt',
  source: 'recordField.source',
  sourceDate: 'recordField.sourceDate',
};

/** Order of the fields in a comparison: identity, then what a person edits, then bookkeeping (version, times, source). */
const fieldOrder = Object.keys(labelKeys);

/** Fields every write changes by itself: listed, but not counted or highlighted as someone's change. */
export const bookkeepingFields: ReadonlySet<string> = new Set(['version', 'updatedAt', 'deletedAt', 'source', 'sourceDate']);

export function fieldLabel(i18n: I18n, key: string): string {
  const labelKey = labelKeys[key];
  return labelKey ? i18n.t(labelKey) : key;
}

export function orderedFieldKeys(keys: Iterable<string>): string[] {
  const rank = (key: string) => {
    const at = fieldOrder.indexOf(key);
    return at === -1 ? fieldOrder.length : at;
  };
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

const timestampKeys = new Set(['updatedAt', 'deletedAt', 'createdAt', 'expiresAt']);

function sectorsText(i18n: I18n, value: unknown[]): string {
  return value
    .map((s) => {
      const sector = s as { azimuthDeg?: number; beamwidthDeg?: number; tiltDeg?: number };
      const degrees = (value: number | undefined) => i18n.formatNumber(value ?? 0, 1);
      return i18n.t('recordField.sectorShort', { azimuth: degrees(sector.azimuthDeg), beamwidth: degrees(sector.beamwidthDeg), tilt: degrees(sector.tiltDeg) });
    })
    .join('\n');
}

function geometryText(i18n: I18n, value: { type?: unknown; coordinates?: unknown }): string {
  const count = (c: unknown): number => (Array.isArray(c) ? (typeof c[0] === 'number' ? 1 : c.reduce((n: number, x) => n + count(x), 0)) : 0);
  const json = JSON.stringify(value);
  const summary = i18n.t('recordField.geometrySummary', { type: String(value.type), count: count(value.coordinates) });
  return json.length > 400 ? `${summary}\n${json.slice(0, 400)}…` : `${summary}\n${json}`;
}

/** A field's value as text: enumerations translated, operators by short name, times in the reader's zone, the rest as typed. */
export function fieldValueText(i18n: I18n, key: string, value: unknown, operators: readonly Operator[]): string {
  const { t } = i18n;
  if (value === null || value === undefined || value === '') return t('value.none');
  if (typeof value === 'boolean') return t(value ? 'value.yes' : 'value.no');
  if (typeof value === 'number') return key === 'version' || key === 'id' ? String(value) : i18n.formatNumber(value, key === 'lon' || key === 'lat' ? 7 : 2);
  if (typeof value === 'string') {
    if (key === 'status' && isOneOf(statusValues, value)) return t(`status.${value}`);
    if (key === 'structureType' && isOneOf(structureTypeValues, value)) return t(`structure.${value}`);
    if (key === 'kind' && isOneOf(fiberKindValues, value)) return t(`fiberKind.${value}`);
    if (key === 'laying' && isOneOf(fiberLayingValues, value)) return t(`laying.${value}`);
    if (key === 'environmentOverride' && isOneOf(environmentValues, value)) return t(`environment.${value}`);
    if (key === 'role' && isOneOf(roleValues, value)) return t(`role.${value}`);
    if (key === 'technologyGroup' && isOneOf(technologyGroupValues, value)) return groupLabel(t, value, true);
    if ((key === 'observedVerdict' || key === 'modelVerdict') && isOneOf(verdictValues, value)) return t(`verdict.${value}`);
    // A calendar day (YYYY-MM-DD), not an instant: written as is, whatever the reader's time zone.
    if (key === 'inspectedOn') return dayText(value) || value;
    if (key === 'operator' && value === anyOperator) return t('coverage.anyOperator');
    if (key === 'owner' || key === 'operator') {
      const operator = operators.find((o) => o.code === value);
      return operator ? `${operator.shortName} (${value})` : value;
    }
    if (timestampKeys.has(key)) return i18n.formatDateTime(value);
    if (key === 'sourceDate') return i18n.formatDate(value);
    return value;
  }
  if (key === 'sectors' && Array.isArray(value)) return value.length === 0 ? t('field.omni') : sectorsText(i18n, value);
  if (key === 'geometry' && typeof value === 'object') return geometryText(i18n, value as { type?: unknown; coordinates?: unknown });
  return JSON.stringify(value);
}

/** Whether two JSON values are the same, whatever the order of object keys (jsonb sorts them its own way). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  return [...keys].every((key) => sameValue(ra[key], rb[key]));
}
