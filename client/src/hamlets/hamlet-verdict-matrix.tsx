import type { HamletDetail, Operator, TechnologyGroup, Verdict } from '../domain/contract-types.js';
import { anyOperator, technologyGroupValues } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import { groupLabel, operatorChoiceLabel } from '../coverage/coverage-labels.js';
import { percent } from '../coverage/coverage-formats.js';
import { ColourDot } from '../layers/legend-swatches.js';
import { radioOperators } from '../map/operator-colours.js';
import type { CoverageChoice } from '../url/view-state.js';

/** A symbol beside each verdict colour, so the matrix reads without colour too. */
export const verdictSymbols: Record<Verdict, string> = { covered: '✓', lom_song: '◐', trang_song: '✕' };

interface HamletVerdictMatrixProps {
  verdicts: HamletDetail['verdicts'];
  operators: readonly Operator[];
  current: CoverageChoice;
  onChoose: (choice: CoverageChoice) => void;
}

/**
 * Verdicts of one hamlet for every operator (any operator first) and technology
 * group, with the covered population share. A cell chooses that operator and
 * group for the map, the table and the what-if tool.
 */
export function HamletVerdictMatrix({ verdicts, operators, current, onChoose }: HamletVerdictMatrixProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows = [anyOperator, ...radioOperators(operators).map((o) => o.code)];
  const find = (operator: string, group: TechnologyGroup) => verdicts.find((v) => v.operator === operator && v.technologyGroup === group);

  return (
    <div className="verdict-matrix-wrap">
      <table className="verdict-matrix" data-testid="verdict-matrix">
        <thead>
          <tr>
            <th scope="col">{t('matrix.operator')}</th>
            {technologyGroupValues.map((group) => (
              <th scope="col" key={group} className="num" title={groupLabel(t, group, true)}>
                {groupLabel(t, group)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((operator) => {
            const colour = operators.find((o) => o.code === operator)?.colour;
            return (
              <tr key={operator}>
                <th scope="row">
                  <span className="operator-label">
                    {colour ? <ColourDot colour={colour} /> : <span className="operator-dot operator-dot--any" aria-hidden="true" />}
                    {operatorChoiceLabel(t, operator, operators)}
                  </span>
                </th>
                {technologyGroupValues.map((group) => {
                  const cell = find(operator, group);
                  const isCurrent = current.operator === operator && current.group === group;
                  if (!cell) {
                    return (
                      <td key={group} className="verdict-cell verdict-cell--none">
                        {t('value.none')}
                      </td>
                    );
                  }
                  const title = t('matrix.cellTitle', {
                    operator: operatorChoiceLabel(t, operator, operators),
                    group: groupLabel(t, group, true),
                    verdict: t(`verdict.${cell.verdict}`),
                    share: percent(i18n, cell.coveredShare),
                    population: cell.populationCovered,
                    ref: t(cell.refCovered ? 'matrix.refCovered' : 'matrix.refNotCovered'),
                  });
                  return (
                    <td key={group} className={`verdict-cell verdict-cell--${cell.verdict}${isCurrent ? ' verdict-cell--current' : ''}`}>
                      <button
                        type="button"
                        title={title}
                        aria-label={title}
                        aria-pressed={isCurrent}
                        data-testid="verdict-cell"
                        data-verdict={cell.verdict}
                        onClick={() => onChoose({ operator, group })}
                      >
                        <span className="verdict-cell__symbol" aria-hidden="true">
                          {verdictSymbols[cell.verdict]}
                        </span>
                        {percent(i18n, cell.coveredShare, 0)}
                      </button>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="verdict-matrix__note">
        {verdictSymbols.covered} {t('verdict.covered')} · {verdictSymbols.lom_song} {t('verdict.lom_song')} · {verdictSymbols.trang_song}{' '}
        {t('verdict.trang_song')}. {t('matrix.note')}
      </p>
    </div>
  );
}
