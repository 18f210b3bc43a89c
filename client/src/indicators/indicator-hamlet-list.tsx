import { useMemo } from 'react';
import type { CachedAnswerLoad } from '../api/use-cached-answer.js';
import { percent } from '../coverage/coverage-formats.js';
import { VerdictBadge } from '../coverage/verdict-badge.js';
import type { HamletCoverageResponse, Verdict } from '../domain/contract-types.js';
import { verdictValues } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';

interface IndicatorHamletListProps {
  unitName: string;
  load: CachedAnswerLoad<HamletCoverageResponse>;
  /** Verdicts shown; empty: all. */
  verdicts: readonly Verdict[];
  onVerdictsChange: (verdicts: Verdict[]) => void;
  onHamletClick?: (code: string) => void;
}

/**
 * The drill-down's last step: the unit's hamlets with their broadband verdict
 * (any operator), covered share and population, trắng sóng first, filtered by
 * verdict from the card's counts or the chips.
 */
export function IndicatorHamletList({ unitName, load, verdicts, onVerdictsChange, onHamletClick }: IndicatorHamletListProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const data = load.data;
  const rows = useMemo(() => {
    const order: Record<Verdict, number> = { trang_song: 0, lom_song: 1, covered: 2 };
    const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
    return (data?.rows ?? [])
      .filter((row) => verdicts.length === 0 || verdicts.includes(row.verdict))
      .sort((a, b) => order[a.verdict] - order[b.verdict] || a.coveredShare - b.coveredShare || collator.compare(a.name, b.name));
  }, [data, verdicts]);
  const counts = useMemo(() => {
    const byVerdict: Record<Verdict, number> = { covered: 0, lom_song: 0, trang_song: 0 };
    for (const row of data?.rows ?? []) byVerdict[row.verdict] += 1;
    return byVerdict;
  }, [data]);
  const toggle = (verdict: Verdict) => onVerdictsChange(verdicts.includes(verdict) ? verdicts.filter((v) => v !== verdict) : [...verdicts, verdict]);
  return (
    <section className="indicator-hamlets" data-testid="indicator-hamlets" aria-busy={load.status === 'loading'}>
      <header className="indicator-hamlets__head">
        <h3 className="indicator-section__title">{t('indicators.hamlets.title', { unit: unitName })}</h3>
        <div className="indicator-hamlets__chips" role="group" aria-label={t('indicators.hamlets.filter')}>
          {verdictValues.map((verdict) => (
            <button
              key={verdict}
              type="button"
              className={verdicts.includes(verdict) ? 'indicator-chip indicator-chip--on' : 'indicator-chip'}
              aria-pressed={verdicts.includes(verdict)}
              onClick={() => toggle(verdict)}
              title={t(`verdictDefinition.${verdict}`)}
              data-testid={`indicator-hamlets-filter-${verdict}`}
            >
              {t(`verdict.${verdict}`)} ({i18n.formatNumber(counts[verdict])})
            </button>
          ))}
        </div>
      </header>
      {data ? <p className="indicator-hamlets__note">{t('indicators.hamlets.note', { theta: percent(i18n, data.theta, 0) })}</p> : null}
      {load.status === 'error' ? <p className="layer-row__error">{t('indicators.failed', { detail: load.error ?? '' })}</p> : null}
      {!data && load.status !== 'error' ? <p className="workspace__message">{t('indicators.loading')}</p> : null}
      {data ? (
        <div className="table-scroll">
          <table className="data-table" data-testid="indicator-hamlet-table" data-rows={rows.length}>
            <thead>
              <tr>
                <th scope="col">{t('indicators.hamlets.hamlet')}</th>
                <th scope="col">{t('indicators.hamlets.commune')}</th>
                <th scope="col">{t('indicators.hamlets.verdict')}</th>
                <th scope="col" className="num" title={t('indicators.hamlets.coveredShareHint')}>
                  {t('indicators.hamlets.coveredShare')}
                </th>
                <th scope="col" className="num" title={t('indicators.hamlets.populationHint')}>
                  {t('indicators.hamlets.population')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.code} className="data-table__row" data-testid={`indicator-hamlet-${row.code}`} data-verdict={row.verdict} onClick={onHamletClick ? () => onHamletClick(row.code) : undefined}>
                  <td>{row.name}</td>
                  <td>{row.communeName}</td>
                  <td>
                    <VerdictBadge verdict={row.verdict} />
                  </td>
                  <td className="num">{percent(i18n, row.coveredShare)}</td>
                  <td className="num">{i18n.formatNumber(row.population)}</td>
                </tr>
              ))}
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={5} className="workspace__message">
                    {t('indicators.hamlets.none')}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
