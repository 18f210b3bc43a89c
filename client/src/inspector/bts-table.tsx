import type { BtsProperties, Operator, Sector } from '../domain/contract-types.js';
import { useI18n, type I18n } from '../i18n/i18n-context.js';
import { OperatorLabel } from './operator-label.js';

const technologyOrder = ['5G', '4G', '3G', '2G'];

function sectorSummary(i18n: I18n, sectors: readonly Sector[]): { text: string; detail: string } {
  if (sectors.length === 0) return { text: i18n.t('field.omni'), detail: i18n.t('field.omni') };
  const text = sectors.map((s) => `${i18n.formatNumber(s.azimuthDeg)}°`).join('/');
  const detail = sectors
    .map((s) => i18n.t('field.sectorDetail', { azimuth: s.azimuthDeg, beamwidth: s.beamwidthDeg, tilt: s.tiltDeg }))
    .join('\n');
  return { text, detail };
}

/** The BTS of one site: operator, technology, band, antenna height, EIRP, sectors, status. */
export function BtsTable({ bts, operators }: { bts: readonly BtsProperties[]; operators: readonly Operator[] }) {
  const i18n = useI18n();
  const { t } = i18n;
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
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const sectors = sectorSummary(i18n, row.sectors);
          return (
            <tr key={row.code} data-testid="inspector-bts-row" title={row.code}>
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
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
