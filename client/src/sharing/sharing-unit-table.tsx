import type { SharingUnit } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/messages-vi.js';
import type { SharingSortKey } from '../url/view-state.js';
import { RatioCell } from './ratio-cell.js';

interface SharingUnitTableProps {
  province: SharingUnit;
  /** Already sorted. */
  units: readonly SharingUnit[];
  sort: SharingSortKey;
  descending: boolean;
  onSort: (key: SharingSortKey) => void;
  selectedCode: string | null;
  onUnitClick: (code: string) => void;
}

const columns: { key: SharingSortKey; label: MessageKey; hint: MessageKey | null }[] = [
  { key: 'name', label: 'sharing.col.unit', hint: null },
  { key: 'sites', label: 'sharing.col.sites', hint: 'sharing.def.sites' },
  { key: 'siteRatio', label: 'sharing.col.siteRatio', hint: 'sharing.def.siteRatio' },
  { key: 'tenancyRatio', label: 'sharing.col.tenancyRatio', hint: 'sharing.def.tenancyRatio' },
  { key: 'stationShare', label: 'sharing.col.stationShare', hint: 'sharing.def.stationShare' },
];

/** One row per unit (the province first, not sorted): the three sharing figures, each with its numerator and denominator. */
export function SharingUnitTable({ province, units, sort, descending, onSort, selectedCode, onUnitClick }: SharingUnitTableProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const row = (unit: SharingUnit, total: boolean) => (
    <tr
      key={total ? `total-${unit.code}` : unit.code}
      className={['data-table__row', total ? 'sharing-table__total' : '', unit.code === selectedCode ? 'data-table__row--selected' : ''].filter(Boolean).join(' ')}
      data-testid={total ? 'sharing-row-province' : `sharing-row-${unit.code}`}
      onClick={total ? undefined : () => onUnitClick(unit.code)}
    >
      <td className="sharing-table__name">{unit.name}</td>
      <td className="num">{i18n.formatNumber(unit.siteRatio.denominator)}</td>
      <td className="num">
        <RatioCell ratio={unit.siteRatio} kind="share" testId={total ? 'sharing-province-site-ratio' : undefined} />
      </td>
      <td className="num">
        <RatioCell ratio={unit.tenancyRatio} kind="tenancy" testId={total ? 'sharing-province-tenancy' : undefined} />
      </td>
      <td className="num">
        <RatioCell ratio={unit.stationShare} kind="share" testId={total ? 'sharing-province-station-share' : undefined} />
      </td>
    </tr>
  );
  return (
    <table className="data-table sharing-table" data-testid="sharing-table">
      <thead>
        <tr>
          {columns.map((column) => {
            const active = column.key === sort;
            return (
              <th
                key={column.key}
                scope="col"
                className={column.key === 'name' ? undefined : 'num'}
                aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}
                title={column.hint ? t(column.hint) : undefined}
              >
                <button type="button" className="sort-button" onClick={() => onSort(column.key)} data-testid={`sharing-sort-${column.key}`}>
                  {t(column.label)}
                  <span className="sort-button__arrow" aria-hidden="true">
                    {active ? (descending ? '▼' : '▲') : '↕'}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {row(province, true)}
        {units.map((unit) => row(unit, false))}
      </tbody>
    </table>
  );
}
