import type { IndicatorDefinition, IndicatorUnitRow } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { indicatorFractionText, indicatorNumberText, indicatorValueText, statusKind, statusText } from './indicator-formats.js';

/**
 * The rows in table (and chart) order: by name in Vietnamese collation, or by
 * one indicator's value; units without a value come last whichever way, ties by
 * name then code so the order is the same on every load.
 */
export function sortIndicatorRows(rows: readonly IndicatorUnitRow[], sort: string, descending: boolean, locale = 'vi'): IndicatorUnitRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byName = (a: IndicatorUnitRow, b: IndicatorUnitRow) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const direction = descending ? -1 : 1;
  if (sort === 'name') return [...rows].sort((a, b) => direction * byName(a, b));
  return [...rows].sort((a, b) => {
    const va = a.values[sort]?.value ?? null;
    const vb = b.values[sort]?.value ?? null;
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return va !== vb ? direction * (va - vb) : byName(a, b);
  });
}

/** A click on a header: the same column turns the order round; another starts with names A→Z, values largest first. */
export function nextIndicatorSort(current: { sort: string; descending: boolean }, clicked: string): { sort: string; descending: boolean } {
  if (current.sort === clicked) return { sort: clicked, descending: !current.descending };
  return { sort: clicked, descending: clicked !== 'name' };
}

interface IndicatorUnitTableProps {
  indicators: readonly IndicatorDefinition[];
  /** Already sorted. */
  rows: readonly IndicatorUnitRow[];
  sort: string;
  descending: boolean;
  onSort: (column: string) => void;
  selectedIndicator: string | null;
  onRowClick: (code: string) => void;
  /** Parents not named under the unit's name: the province, or the unit drilled into (every row's). */
  hiddenParentCodes?: readonly string[];
}

/** Measures whose unit is long ("thuê bao/100 dân"): written once in the header, the cells hold the number. */
const unitInHeader = new Set(['per_100_people', 'mbps']);

/** One row per unit, one column per indicator: the value, its cell coloured by status, numerator/denominator and target in the title. */
export function IndicatorUnitTable({ indicators, rows, sort, descending, onSort, selectedIndicator, onRowClick, hiddenParentCodes = [] }: IndicatorUnitTableProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const header = (column: string, label: string, hint: string | undefined, className?: string) => {
    const active = column === sort;
    return (
      <th key={column} scope="col" className={[className, column === selectedIndicator ? 'indicator-table__col--selected' : ''].filter(Boolean).join(' ') || undefined} aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'} title={hint}>
        <button type="button" className="sort-button" onClick={() => onSort(column)} data-testid={`indicator-sort-${column}`}>
          {label}
          <span className="sort-button__arrow" aria-hidden="true">
            {active ? (descending ? '▼' : '▲') : '↕'}
          </span>
        </button>
      </th>
    );
  };
  return (
    <div className="table-scroll indicator-table-scroll">
      <table className="data-table indicator-table" data-testid="indicator-table">
        <thead>
          <tr>
            {header('name', t('indicators.table.unit'), undefined, 'indicator-table__name')}
            {indicators.map((d) => header(d.code, unitInHeader.has(d.measure) ? `${d.name[lang]} (${d.unitLabel[lang]})` : d.name[lang], `${d.definition[lang]} (${d.unitLabel[lang]})`, 'num'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code} className="data-table__row" onClick={() => onRowClick(row.code)} data-testid={`indicator-row-${row.code}`}>
              <td className="indicator-table__name">
                <button type="button" className="link-button" onClick={(event) => { event.stopPropagation(); onRowClick(row.code); }} title={t('indicators.table.drillHint', { unit: row.name })}>
                  {row.name}
                </button>
                {row.parentName && !(row.parentCode && hiddenParentCodes.includes(row.parentCode)) ? <span className="indicator-table__parent">{row.parentName}</span> : null}
              </td>
              {indicators.map((d) => {
                const cell = row.values[d.code];
                const value = cell?.value ?? null;
                const kind = statusKind(cell?.status ?? null, cell?.target ?? null, value);
                const fraction = cell ? indicatorFractionText(i18n, d.counts, cell.numerator, cell.denominator) : null;
                const title = [
                  `${d.name[lang]}: ${indicatorValueText(i18n, d, value)}`,
                  fraction ? `${fraction} (${d.numeratorName[lang]} / ${d.denominatorName[lang]})` : null,
                  cell?.target !== null && cell?.target !== undefined ? t('indicators.table.cellTarget', { target: indicatorValueText(i18n, d, cell.target) }) : null,
                  statusText(i18n, kind),
                  cell?.period ? t('indicators.card.reportedPeriod', { period: cell.period }) : null,
                  cell?.derivedFrom ? t('indicators.card.derived', { set: cell.derivedFrom }) : null,
                ]
                  .filter(Boolean)
                  .join('\n');
                return (
                  <td key={d.code} className={`num indicator-cell indicator-cell--${kind}`} title={title} data-testid={`indicator-cell-${row.code}-${d.code}`} data-value={value ?? ''}>
                    {value !== null && unitInHeader.has(d.measure) ? indicatorNumberText(i18n, d.measure, value) : indicatorValueText(i18n, d, value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
