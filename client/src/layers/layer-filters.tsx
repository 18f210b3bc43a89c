import type { UnitLists } from './use-admin-unit-list.js';
import type { LifecycleStatus, Meta, Technology } from '../domain/contract-types.js';
import { statusValues, technologyValues } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { LayerFilterState } from '../url/view-state.js';
import { AdminUnitPicker } from './admin-unit-picker.js';
import { BoundarySetOptions } from './boundary-set-options.js';
import { ColourDot } from './legend-swatches.js';

interface LayerFiltersProps {
  meta: Meta;
  filters: LayerFilterState;
  /** The districts and communes the unit picker offers (GET /api/admin-units). */
  units: UnitLists;
  onChange: (filters: LayerFilterState) => void;
  onUnitChosen: (unit: string | null) => void;
}

function toggled<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

/** Filters by operator, technology, status and administrative unit; empty means "all". */
export function LayerFilters({ meta, filters, units, onChange, onUnitChosen }: LayerFiltersProps) {
  const { t } = useI18n();
  const active = filters.operators.length + filters.technologies.length + filters.statuses.length > 0 || filters.unit !== null;
  const defaultSet = meta.boundarySets.find((b) => b.isDefault)?.code ?? null;

  return (
    <div className="filters">
      <fieldset className="chip-group">
        <legend>{t('filter.operator')}</legend>
        {meta.operators.map((operator) => (
          <button
            key={operator.code}
            type="button"
            className="chip"
            aria-pressed={filters.operators.includes(operator.code)}
            title={`${operator.name} · ${t(`operatorKind.${operator.kind}`)}`}
            onClick={() => onChange({ ...filters, operators: toggled(filters.operators, operator.code) })}
            data-testid={`filter-operator-${operator.code}`}
          >
            <ColourDot colour={operator.colour} />
            {operator.shortName}
          </button>
        ))}
      </fieldset>
      <fieldset className="chip-group">
        <legend>{t('filter.technology')}</legend>
        {technologyValues.map((technology: Technology) => (
          <button
            key={technology}
            type="button"
            className="chip"
            aria-pressed={filters.technologies.includes(technology)}
            onClick={() => onChange({ ...filters, technologies: toggled(filters.technologies, technology) })}
            data-testid={`filter-technology-${technology}`}
          >
            {technology}
          </button>
        ))}
      </fieldset>
      <fieldset className="chip-group">
        <legend>{t('filter.status')}</legend>
        {statusValues.map((status: LifecycleStatus) => (
          <button
            key={status}
            type="button"
            className="chip"
            aria-pressed={filters.statuses.includes(status)}
            onClick={() => onChange({ ...filters, statuses: toggled(filters.statuses, status) })}
            data-testid={`filter-status-${status}`}
          >
            {t(`status.${status}`)}
          </button>
        ))}
      </fieldset>
      <fieldset className="chip-group chip-group--stacked">
        <legend>{t('filter.unit')}</legend>
        {meta.boundarySets.length > 1 ? (
          <label className="field">
            <span className="field__label">{t('filter.boundarySet')}</span>
            <select
              value={filters.boundarySet ?? defaultSet ?? ''}
              onChange={(event) => onChange({ ...filters, unit: null, boundarySet: event.target.value === defaultSet ? null : event.target.value })}
            >
              <BoundarySetOptions boundarySets={meta.boundarySets} />
            </select>
          </label>
        ) : null}
        <AdminUnitPicker
          districts={units.districts}
          communes={units.communes}
          unit={filters.unit}
          onChange={(unit) => {
            onChange({ ...filters, unit });
            onUnitChosen(unit);
          }}
        />
      </fieldset>
      <p className="filters__status">
        {active ? (
          <button type="button" className="link-button" onClick={() => onChange({ ...filters, operators: [], technologies: [], statuses: [], unit: null })}>
            {t('filter.reset')}
          </button>
        ) : (
          t('filter.none')
        )}
      </p>
    </div>
  );
}
