import type { BtsProperties, Operator, Sector } from '../domain/contract-types.js';
import { useI18n, type I18n } from '../i18n/i18n-context.js';
import { OperatorLabel } from './operator-label.js';

const technologyOrder = ['5G', '4G', '3G', '2G'];

function sectorSummary(i18n: I18n, sectors: readonly Sector[]): { text: string; detail: string } {
  if (sectors.length === 0) return { text: i18n.t('field.omni'), detail: i18n.t('field.omni') };
  const text = sectors.map((s) => `${i18n.formatNumber(s.azimuthDeg)}°`).join('/');
  const detail = sectors
    .map((s) =>
      // Formatted here: a bare number in a message is rounded to a whole one, and tilts come in tenths of a degree.
      i18n.t('field.sectorDetail', { azimuth: i18n.formatNumber(s.azimuthDeg, 1), beamwidth: i18n.formatNumber(s.beamwidthDeg, 1), tilt: i18n.formatNumber(s.tiltDeg, 1) }),
    )
    .join('\n');
  return { text, detail };
}

interface BtsTableProps {
  bts: readonly BtsProperties[];
  operators: readonly Operator[];
  /** Whether the signed-in account may change this BTS; absent: nobody may (no edit column). */
  canEdit?: (bts: BtsProperties) => boolean;
  onEdit?: (code: string) => void;
}

/** The BTS of one site: operator, technology, band, antenna height, EIRP, sectors, status; an edit button on the rows the account may change. */
export function BtsTable({ bts, operators, canEdit, onEdit }: BtsTableProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const editable = canEdit && onEdit ? bts.some(canEdit) : false;
  const rows = [...bts].sort(
    (a, b) =>
      operators.findIndex((o) => o.code === a.operator) - operators.findIndex((o) => o.code === b.operator) ||
      technologyOrder.indexOf(a.technology) - technologyOrder.indexOf(b.technology) ||
      a.code.localeCompare(b.code),
  );
  return (
    <table className="bts-table">
      <thead>
        <tr>
          <th scope="col">{t('btsTable.operator')}</th>
          <th scope="col">{t('btsTable.technology')}</th>
          <th scope="col" className="num">{t('btsTable.band')}</th>
          <th scope="col" className="num">{t('btsTable.antenna')}</th>
          <th scope="col" className="num">{t('btsTable.eirp')}</th>
          <th scope="col">{t('btsTable.sectors')}</th>
          <th scope="col">{t('btsTable.status')}</th>
          {editable ? (
            <th scope="col">
              <span className="visually-hidden">{t('edit.edit')}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const sectors = sectorSummary(i18n, row.sectors);
          return (
            <tr key={row.code} data-testid="inspector-bts-row" data-code={row.code} data-operator={row.operator} title={row.code}>
              <td>
                <OperatorLabel code={row.operator} operators={operators} />
              </td>
              <td>
                <span className={`tech-badge tech-badge--${row.technology.toLowerCase()}`}>{row.technology}</span>
              </td>
              <td className="num">{i18n.formatNumber(row.bandMHz)}</td>
              <td className="num">{i18n.formatNumber(row.antennaHeightM, 1)}</td>
              <td className="num">{i18n.formatNumber(row.eirpDbm, 1)}</td>
              <td className="bts-table__sectors" title={sectors.detail}>
                {sectors.text}
              </td>
              <td>
                <span className={`status-badge status-badge--${row.status}`}>{t(`status.${row.status}`)}</span>
              </td>
              {editable ? (
                <td className="bts-table__edit">
                  {canEdit?.(row) ? (
                    <button
                      type="button"
                      className="icon-button icon-button--small"
                      onClick={() => onEdit?.(row.code)}
                      aria-label={t('edit.editBtsOf', { code: row.code })}
                      title={t('edit.editBtsOf', { code: row.code })}
                      data-testid="bts-edit"
                    >
                      ✎
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
