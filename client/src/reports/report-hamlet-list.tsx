import { percent } from '../coverage/coverage-formats.js';
import { VerdictBadge } from '../coverage/verdict-badge.js';
import type { HamletCoverageResponse } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';

/**
 * Section 5: the trắng sóng and lõm sóng hamlets (broadband, any operator), trắng
 * sóng first, then by commune and name, with population and the share of it covered.
 */
export function ReportHamletList({ hamlets }: { hamlets: HamletCoverageResponse }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows = [...hamlets.rows].sort(
    (a, b) =>
      (a.verdict === b.verdict ? 0 : a.verdict === 'trang_song' ? -1 : 1) ||
      a.communeName.localeCompare(b.communeName, 'vi') ||
      a.name.localeCompare(b.name, 'vi'),
  );
  const showDistrict = rows.some((row) => row.districtName !== null);
  const population = rows.reduce((sum, row) => sum + row.population, 0);
  return (
    <>
      <p className="report-note">{t('report.hamletsNote', { theta: percent(i18n, hamlets.theta, 0) })}</p>
      <p className="report-note" data-testid="report-hamlets-count">
        {t('report.hamletsCount', { trang: hamlets.summary.trangSong, lom: hamlets.summary.lomSong, population })}
      </p>
      {rows.length === 0 ? (
        <p className="report-note">{t('report.hamletsNone')}</p>
      ) : (
        <table className="report-table report-hamlets" data-testid="report-hamlets">
          <thead>
            <tr>
              <th className="report-table__no">{t('report.col.no')}</th>
              <th>{t('report.col.hamlet')}</th>
              <th>{t('report.col.commune')}</th>
              {showDistrict ? <th>{t('report.col.district')}</th> : null}
              <th className="report-table__num">{t('report.col.population')}</th>
              <th className="report-table__num">{t('report.col.coveredShare')}</th>
              <th>{t('report.col.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.code} data-testid="report-hamlet-row" data-code={row.code} data-verdict={row.verdict}>
                <td className="report-table__no">{i + 1}</td>
                <td>{row.name}</td>
                <td>{row.communeName}</td>
                {showDistrict ? <td>{row.districtName ?? t('value.none')}</td> : null}
                <td className="report-table__num">{i18n.formatNumber(row.population)}</td>
                <td className="report-table__num">{percent(i18n, row.coveredShare)}</td>
                <td>
                  <VerdictBadge verdict={row.verdict} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
