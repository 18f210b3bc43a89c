import { useMemo, useState } from 'react';
import type { RowProblem } from '../api/import-api.js';
import { useI18n } from '../i18n/i18n-context.js';
import { defaultProblemOrder, nextProblemOrder, pageOf, sortProblems, type ProblemOrder, type ProblemSortKey } from './import-problem-order.js';

const pageSize = 10;

interface Props {
  problems: readonly RowProblem[];
  /** How many the server counted (it sends the first ones only). */
  count: number;
  testId: string;
}

const headings: Record<ProblemSortKey, 'import.problem.row' | 'import.problem.column' | 'import.problem.message'> = {
  row: 'import.problem.row',
  column: 'import.problem.column',
  message: 'import.problem.message',
};

/** The row problems of a dry run (dòng, cột, lỗi): sorted by any column, ten to a page. */
export function ImportProblemTable({ problems, count, testId }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [order, setOrder] = useState<ProblemOrder>(defaultProblemOrder);
  const [page, setPage] = useState(0);
  const sorted = useMemo(() => sortProblems(problems, order, i18n.lang === 'vi' ? 'vi' : 'en'), [problems, order, i18n.lang]);
  const shown = pageOf(sorted, page, pageSize);
  const sortBy = (key: ProblemSortKey) => {
    setOrder(nextProblemOrder(order, key));
    setPage(0);
  };
  return (
    <div className="import-problems" data-testid={testId}>
      <table className="data-table import-problem-table">
        <thead>
          <tr>
            {(Object.keys(headings) as ProblemSortKey[]).map((key) => (
              <th
                key={key}
                scope="col"
                className={key === 'row' ? 'num' : undefined}
                aria-sort={order.key === key ? (order.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button type="button" className="sort-button" onClick={() => sortBy(key)} data-testid={`${testId}-sort-${key}`}>
                  {t(headings[key])}
                  <span className="sort-button__arrow" aria-hidden="true">
                    {order.key === key ? (order.descending ? '▼' : '▲') : '↕'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.items.map((p, i) => (
            <tr key={`${p.row}:${p.field ?? ''}:${i}`} data-testid={`${testId}-row`} data-row={p.row}>
              <td className="num">{i18n.formatNumber(p.row)}</td>
              <td className="import-problem-table__column">{p.column ?? p.field ?? '—'}</td>
              <td className="import-problem-table__message">{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="import-pager">
        <span className="import-pager__range" data-testid={`${testId}-range`}>
          {t('import.pageRange', { from: shown.from, to: shown.to, count: problems.length })}
        </span>
        {shown.pageCount > 1 ? (
          <span className="import-pager__buttons">
            <button type="button" className="button button--small" disabled={shown.page === 0} onClick={() => setPage(shown.page - 1)} data-testid={`${testId}-prev`}>
              {t('import.pagePrev')}
            </button>
            <button type="button" className="button button--small" disabled={shown.page >= shown.pageCount - 1} onClick={() => setPage(shown.page + 1)} data-testid={`${testId}-next`}>
              {t('import.pageNext')}
            </button>
          </span>
        ) : null}
      </div>
      {count > problems.length ? <p className="import-section__note">{t('import.problemsShown', { shown: problems.length, count })}</p> : null}
    </div>
  );
}
