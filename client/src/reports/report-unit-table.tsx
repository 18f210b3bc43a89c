import type { IndicatorDefinition, IndicatorUnitsResponse } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { indicatorFractionText, indicatorValueText } from '../indicators/indicator-formats.js';

interface ReportUnitTableProps {
  units: IndicatorUnitsResponse;
  /** The number each indicator has in the summary table (1-based), so a column says "(3)" for the third. */
  numberOf: ReadonlyMap<string, number>;
}

/** Indicators with a value for at least one unit: the others would be empty columns on a narrow A4 page. */
export function unitTableColumns(units: IndicatorUnitsResponse): IndicatorDefinition[] {
  return units.indicators.filter((indicator) => units.units.some((row) => (row.values[indicator.code]?.value ?? null) !== null));
}

/**
 * Section 4: one row per unit of the finest level, one column per indicator
 * that has figures at that level. The header row repeats on every printed page
 * (thead as table-header-group in the print stylesheet) and rows never split.
 */
export function ReportUnitTable({ units, numberOf }: ReportUnitTableProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const columns = unitTableColumns(units);
  // The parent column only when it tells units apart (districts of 2023); under a province it says the same on every row.
  const showParent = units.units.some((row) => row.parentCode !== null && row.parentCode !== units.units[0]?.parentCode);
  return (
    <table className="report-table report-units" data-testid="report-units">
      <thead>
        <tr>
          <th className="report-table__no">{t('report.col.no')}</th>
          <th className="report-units__name">{t('report.col.unit')}</th>
          {showParent ? <th className="report-units__parent">{t('report.col.parent')}</th> : null}
          <th className="report-table__num">{t('report.col.hamlets')}</th>
          <th className="report-table__num">{t('report.col.population')}</th>
          {columns.map((indicator) => (
            <th key={indicator.code} className="report-table__num report-units__indicator" title={indicator.definition[lang]} data-testid={`report-units-col-${indicator.code}`}>
              <span className="report-units__number">({numberOf.get(indicator.code) ?? '?'})</span> {indicator.name[lang]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {units.units.map((row, i) => (
          <tr key={row.code} data-testid="report-unit-row" data-code={row.code}>
            <td className="report-table__no">{i + 1}</td>
            <td>{row.name}</td>
            {showParent ? <td>{row.parentName ?? t('value.none')}</td> : null}
            <td className="report-table__num">{i18n.formatNumber(row.hamlets)}</td>
            <td className="report-table__num">{i18n.formatNumber(row.population)}</td>
            {columns.map((indicator) => {
              const cell = row.values[indicator.code];
              const value = cell?.value ?? null;
              const fraction = cell ? indicatorFractionText(i18n, indicator.counts, cell.numerator, cell.denominator) : null;
              return (
                <td
                  key={indicator.code}
                  className={cell?.status === 'below' ? 'report-table__num report-units__below' : 'report-table__num'}
                  title={fraction ?? undefined}
                  data-indicator={indicator.code}
                >
                  {indicatorValueText(i18n, indicator, value)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
