import { useMemo, useState } from 'react';
import type { HamletCoverageRow, Meta, Verdict } from '../domain/contract-types.js';
import type { AdminUnitListItem } from '../layers/use-admin-unit-list.js';
import { verdictValues } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import { AdminUnitPicker } from '../layers/admin-unit-picker.js';
import { verdictSymbols } from '../hamlets/hamlet-verdict-matrix.js';
import type { CoverageChoice } from '../url/view-state.js';
import { percent } from './coverage-formats.js';
import { groupLabel, operatorChoiceLabel } from './coverage-labels.js';
import { CoverageRatio } from './coverage-ratio.js';
import { downloadText, hamletCoverageCsv, hamletCoverageFileName } from './hamlet-coverage-csv.js';
import type { HamletCoverageLoad } from './use-hamlet-coverage.js';
import { VerdictBadge } from './verdict-badge.js';

type SortKey = 'code' | 'name' | 'communeName' | 'districtName' | 'population' | 'verdict' | 'coveredShare' | 'refCovered' | 'populationCovered' | 'gapAreaM2';
interface Sort {
  key: SortKey;
  descending: boolean;
}

const verdictRank: Record<Verdict, number> = { covered: 0, lom_song: 1, trang_song: 2 };

/** Worst first: trắng sóng, then lõm sóng, each from the lowest covered share. */
const defaultSort: Sort = { key: 'verdict', descending: true };

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

interface HamletCoverageTableProps {
  meta: Meta;
  load: HamletCoverageLoad;
  coverage: CoverageChoice;
  districts: readonly AdminUnitListItem[] | null;
  communes: readonly AdminUnitListItem[] | null;
  unit: string | null;
  verdicts: readonly Verdict[];
  selectedCode: string | null;
  theta: number | null;
  onUnitChange: (unit: string | null) => void;
  onVerdictsChange: (verdicts: Verdict[]) => void;
  onRowClick: (code: string) => void;
}

/** One row per hamlet for the coverage choice: sortable, filtered by unit and verdict, exportable as CSV. */
export function HamletCoverageTable(props: HamletCoverageTableProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { load, verdicts, meta, coverage } = props;
  const [sort, setSort] = useState<Sort>(defaultSort);
  const [nameFilter, setNameFilter] = useState('');
  const collator = useMemo(() => new Intl.Collator(lang === 'vi' ? 'vi' : 'en', { numeric: true }), [lang]);
  const data = load.data;

  const rows = useMemo(() => {
    if (!data) return [];
    const needle = fold(nameFilter.trim());
    const kept = data.rows.filter(
      (r) => (verdicts.length === 0 || verdicts.includes(r.verdict)) && (needle === '' || fold(`${r.name} ${r.communeName} ${r.code}`).includes(needle)),
    );
    const compare = (a: HamletCoverageRow, b: HamletCoverageRow): number => {
      switch (sort.key) {
        case 'verdict':
          return verdictRank[a.verdict] - verdictRank[b.verdict] || b.coveredShare - a.coveredShare;
        case 'refCovered':
          return Number(a.refCovered) - Number(b.refCovered);
        case 'code':
        case 'name':
        case 'communeName':
        case 'districtName':
          return collator.compare(a[sort.key] ?? '', b[sort.key] ?? '');
        default:
          return a[sort.key] - b[sort.key];
      }
    };
    const sign = sort.descending ? -1 : 1;
    return kept.sort((a, b) => sign * compare(a, b) || collator.compare(a.name, b.name));
  }, [data, verdicts, nameFilter, sort, collator]);

  const header = (key: SortKey, label: string, numeric = false, hint?: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} title={hint}>
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort(active ? { key, descending: !sort.descending } : { key, descending: numeric })}
          data-testid={`sort-${key}`}
        >
          {label}
          <span className="sort-button__arrow" aria-hidden="true">
            {active ? (sort.descending ? '▼' : '▲') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  const toggleVerdict = (verdict: Verdict) =>
    props.onVerdictsChange(verdicts.includes(verdict) ? verdicts.filter((v) => v !== verdict) : verdictValues.filter((v) => v === verdict || verdicts.includes(v)));

  return (
    <div className="hamlet-table" data-testid="hamlet-table">
      <div className="hamlet-table__summary">
        <p className="hamlet-table__choice">
          {operatorChoiceLabel(t, data?.operator ?? coverage.operator, meta.operators)} · {groupLabel(t, data?.technologyGroup ?? coverage.group, true)}
        </p>
        {data ? <CoverageRatio summary={data.summary} inline /> : null}
        <div className="hamlet-table__definitions">
          <p>{t('definition.coverageRatio')}</p>
          <p>{t('definition.verdict', { theta: percent(i18n, props.theta ?? data?.theta ?? 0.9, 0) })}</p>
        </div>
      </div>
      <div className="hamlet-table__main">
        <div className="table-toolbar">
          <AdminUnitPicker districts={props.districts} communes={props.communes} unit={props.unit} onChange={props.onUnitChange} />
          <fieldset className="chip-group table-toolbar__verdicts">
            <legend>{t('table.verdictFilter')}</legend>
            {verdictValues.map((verdict) => (
              <button
                key={verdict}
                type="button"
                className={`chip chip--${verdict}`}
                aria-pressed={verdicts.includes(verdict)}
                onClick={() => toggleVerdict(verdict)}
                data-testid={`table-verdict-${verdict}`}
              >
                <span aria-hidden="true">{verdictSymbols[verdict]}</span>
                {t(`verdict.${verdict}`)}
              </button>
            ))}
          </fieldset>
          <label className="field table-toolbar__search">
            <span className="field__label">{t('table.nameFilter')}</span>
            <input type="search" value={nameFilter} placeholder={t('table.nameFilterPlaceholder')} onChange={(event) => setNameFilter(event.target.value)} />
          </label>
          <div className="table-toolbar__end">
            <span className="table-toolbar__count" data-testid="hamlet-table-count">
              {data ? t('table.count', { shown: rows.length, total: data.rows.length }) : load.status === 'error' ? '' : t('table.loading')}
            </span>
            <button
              type="button"
              className="button button--small"
              disabled={rows.length === 0}
              onClick={() => downloadText(hamletCoverageFileName(coverage, props.unit), hamletCoverageCsv(rows))}
              data-testid="export-csv"
              title={t('table.exportHint')}
            >
              <span aria-hidden="true">⤓</span> {t('table.export')}
            </button>
          </div>
        </div>
        {load.status === 'error' ? <p className="inspector__message inspector__message--error">{t('ratio.failed', { detail: load.error ?? '' })}</p> : null}
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                {header('code', t('table.code'))}
                {header('name', t('table.name'))}
                {header('communeName', t('table.commune'))}
                {header('districtName', t('table.district'))}
                {header('population', t('table.population'), true)}
                {header('verdict', t('table.verdict'))}
                {header('coveredShare', t('table.share'), true, t('hint.share'))}
                {header('refCovered', t('table.ref'), false, t('hint.ref'))}
                {header('populationCovered', t('table.populationCovered'), true)}
                {header('gapAreaM2', t('table.gapArea'), true, t('definition.gap'))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.code}
                  className={row.code === props.selectedCode ? 'data-table__row data-table__row--selected' : 'data-table__row'}
                  onClick={() => props.onRowClick(row.code)}
                  data-testid="hamlet-row"
                  data-code={row.code}
                  data-verdict={row.verdict}
                >
                  <td className="data-table__code">{row.code}</td>
                  <td>
                    <button type="button" className="row-link" onClick={(event) => {
                        event.stopPropagation();
                        props.onRowClick(row.code);
                      }}>
                      {row.name}
                    </button>
                  </td>
                  <td>{row.communeName}</td>
                  <td>{row.districtName ?? t('value.none')}</td>
                  <td className="num">{i18n.formatNumber(row.population)}</td>
                  <td>
                    <VerdictBadge verdict={row.verdict} />
                  </td>
                  <td className="num" title={t(`shareBasisShort.${row.shareBasis}`)}>
                    <ShareBar share={row.coveredShare} theta={data?.theta ?? 0.9} />
                  </td>
                  <td className={row.refCovered ? undefined : 'data-table__fail'}>{row.refCovered ? t('value.yes') : t('value.no')}</td>
                  <td className="num">{i18n.formatNumber(row.populationCovered)}</td>
                  <td className="num">{row.gapAreaM2 > 0 ? i18n.formatNumber(row.gapAreaM2) : t('value.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data && rows.length === 0 ? <p className="inspector__message">{t('table.empty')}</p> : null}
        </div>
      </div>
    </div>
  );
}

/** The covered share as a number and a small bar with a tick at θ. */
function ShareBar({ share, theta }: { share: number; theta: number }) {
  const i18n = useI18n();
  return (
    <span className="share-bar">
      <span className="share-bar__text">{percent(i18n, share)}</span>
      <span className="share-bar__track" aria-hidden="true">
        <span className={share >= theta ? 'share-bar__fill' : 'share-bar__fill share-bar__fill--low'} style={{ width: `${Math.round(share * 100)}%` }} />
        <span className="share-bar__theta" style={{ left: `${theta * 100}%` }} />
      </span>
    </span>
  );
}
