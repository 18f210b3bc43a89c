import type { MapGeoJSONFeature } from 'maplibre-gl';
import type { Operator } from '../domain/contract-types.js';
import { fiberKindValues, fiberLayingValues, isOneOf, measurementContradictionValues, type SelectableLayer } from '../domain/enum-values.js';
import type { I18n } from '../i18n/i18n-context.js';

/**
 * One line of text for the feature under the pointer (shown with textContent,
 * never as HTML). Rendered features carry only scalar properties; that is all
 * this reads. Areas (communes, districts) have their names on the map already.
 */
export function featureHoverText(feature: MapGeoJSONFeature, layer: SelectableLayer, i18n: I18n, operators: readonly Operator[]): string | null {
  const { t } = i18n;
  const p = feature.properties as Record<string, unknown>;
  const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
  const code = String(p.code ?? '');
  switch (layer) {
    case 'sites':
      // A tile feature names its owner by code only.
      return [code, text(p.name), text(p.ownerName) ?? operators.find((o) => o.code === p.owner)?.shortName].filter(Boolean).join(' · ');
    case 'shared-sites': {
      // A shared site says how many operators it carries; an inferred one that it is inferred (it has no name or owner).
      const tenants = Number(p.operatorCount);
      return [
        code,
        p.inferred === true ? t('inferred.kind') : (text(p.name) ?? text(p.ownerName)),
        Number.isFinite(tenants) ? (tenants === 1 ? t('legend.tenantOne') : t('legend.tenantStep', { count: tenants })) : null,
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'bts': {
      const operator = operators.find((o) => o.code === p.operator)?.shortName ?? String(p.operator);
      return `${operator} ${String(p.technology)} · ${code}`;
    }
    case 'fiber': {
      const kind = String(p.kind);
      const laying = String(p.laying);
      return [
        text(p.name) ?? code,
        isOneOf(fiberKindValues, kind) ? t(`fiberKind.${kind}`) : null,
        isOneOf(fiberLayingValues, laying) ? t(`laying.${laying}`) : null,
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'hamlets':
      return text(p.name) ?? code;
    case 'gaps': {
      const area = Number(p.areaM2);
      return [t('inspector.kind.gaps'), text(p.hamletName), Number.isFinite(area) ? `${i18n.formatNumber(area / 10_000, 2)} ${t('unit.ha')}` : null]
        .filter(Boolean)
        .join(' · ');
    }
    case 'measurements': {
      const operator = operators.find((o) => o.code === p.operator)?.shortName ?? String(p.operator);
      const level = Number(p.signalDbm);
      return [
        t('inspector.kind.measurements'),
        `${operator} ${String(p.technology)}`,
        Number.isFinite(level) ? `${i18n.formatNumber(level, 1)} ${t('unit.dbm')}` : null,
        typeof p.contradiction === 'string' && isOneOf(measurementContradictionValues, p.contradiction) ? t(`measurement.contradiction.${p.contradiction}`) : null,
      ]
        .filter(Boolean)
        .join(' · ');
    }
    default:
      return null;
  }
}
