import type { Operator } from '../domain/contract-types.js';
import type { Translate } from '../i18n/i18n-context.js';
import { filtersByLayer } from '../layers/layer-queries.js';
import { measurementQuery } from '../coverage/use-measurements.js';
import type { CoverageChoice, LayerFilterState } from '../url/view-state.js';
import type { ExportLayer } from './export-url.js';

export function exportLayerLabel(t: Translate, layer: ExportLayer): string {
  return layer === 'population-clusters' ? t('import.layer.population-clusters') : t(`layer.${layer}`);
}

/** The layer's filters in force, in words ("Nhà mạng: Viettel; Công nghệ: 4G"); empty when none applies to it. */
export function exportFilterSummary(
  t: Translate,
  layer: ExportLayer,
  filters: LayerFilterState,
  coverage: CoverageChoice,
  operators: readonly Operator[],
  unitName: string | null,
): string {
  const operatorName = (code: string) => operators.find((o) => o.code === code)?.shortName ?? code;
  if (layer === 'measurements') {
    // They follow the coverage choice, not the panel's filters.
    const { operator, technology } = measurementQuery(coverage);
    return [operator ? `${t('filter.operator')}: ${operatorName(operator)}` : null, technology ? `${t('filter.technology')}: ${technology}` : null].filter(Boolean).join('; ');
  }
  if (layer === 'population-clusters') return filters.unit ? `${t('filter.unit')}: ${unitName ?? filters.unit}` : '';
  const accepted = filtersByLayer[layer];
  const parts: string[] = [];
  if (accepted.includes('operator') && filters.operators.length > 0) {
    parts.push(`${t('filter.operator')}: ${filters.operators.map(operatorName).join(', ')}`);
  }
  if (accepted.includes('technology') && filters.technologies.length > 0) parts.push(`${t('filter.technology')}: ${filters.technologies.join(', ')}`);
  if (accepted.includes('status') && filters.statuses.length > 0) parts.push(`${t('filter.status')}: ${filters.statuses.map((s) => t(`status.${s}`)).join(', ')}`);
  if (accepted.includes('unit') && filters.unit) parts.push(`${t('filter.unit')}: ${unitName ?? filters.unit}`);
  return parts.join('; ');
}
