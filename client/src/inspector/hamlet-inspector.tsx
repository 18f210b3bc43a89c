import type { HamletDetail, HamletKind, HamletMeasurementSummary, Operator, Scenario } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { areaM2, percent } from '../coverage/coverage-formats.js';
import { groupLabel, operatorChoiceLabel } from '../coverage/coverage-labels.js';
import { VerdictBadge } from '../coverage/verdict-badge.js';
import { HamletVerdictMatrix } from '../hamlets/hamlet-verdict-matrix.js';
import { useHamletDetail } from '../hamlets/use-hamlet-detail.js';
import { HamletInspectionsSection } from '../inspections/hamlet-inspections-section.js';
import { gapCode } from '../map/layer-ids.js';
import type { CoverageChoice } from '../url/view-state.js';
import { FieldList } from './field-list.js';
import { InspectorHeader } from './inspector-header.js';
import type { HistoryEntity } from './record-history-button.js';
import { lonLat, textOrDash, withUnit } from './value-formats.js';

interface HamletInspectorProps {
  code: string;
  operators: readonly Operator[];
  coverage: CoverageChoice;
  /** θ and the minimum area of an uncovered part (m²), from the coverage model; null while unknown. */
  theta: number | null;
  minGapAreaM2: number | null;
  onClose: () => void;
  onZoomTo: () => void;
  onChooseCoverage: (choice: CoverageChoice) => void;
  onOpenGap: (code: string) => void;
  /** Opens the change log on one record (here an inspection); absent for accounts that may not read it. */
  onShowHistory?: ((entity: HistoryEntity, code: string) => void) | undefined;
  /** The scenario of the verdicts and uncovered parts (the map's). */
  scenario?: Scenario;
}

const hamletKinds: readonly string[] = ['ap', 'khu_pho', 'to_dan_pho', 'thon'] satisfies HamletKind[];

/** A hamlet from GET /api/hamlets/{code}: who lives there, its verdict matrix, its uncovered parts and its field inspections. */
export function HamletInspector({ code, operators, coverage, theta, minGapAreaM2, onClose, onZoomTo, onChooseCoverage, onOpenGap, onShowHistory, scenario = 'current' }: HamletInspectorProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useHamletDetail(code, i18n.lang, scenario);

  if (load.status !== 'ready') {
    return (
      <>
        <InspectorHeader kind={t('inspector.kind.hamlets')} title={code} onClose={onClose} />
        <p className={load.status === 'error' ? 'inspector__message inspector__message--error' : 'inspector__message'}>
          {load.status === 'error' ? t('inspector.failed', { detail: load.error }) : t('inspector.loading')}
        </p>
      </>
    );
  }

  const { hamlet, verdicts, gaps } = load.detail;
  // Absent from the answers of a server without field measurements.
  const measurements = load.detail.measurements as HamletMeasurementSummary | undefined;
  const [lon, lat] = hamlet.refPoint;
  const chosen = verdicts.find((v) => v.operator === coverage.operator && v.technologyGroup === coverage.group) ?? null;
  const refKind = hamlet.refKind === 'cultural_house' || hamlet.refKind === 'centre' ? t(`refKind.${hamlet.refKind}`) : hamlet.refKind;

  return (
    <>
      <InspectorHeader
        kind={t('inspector.kind.hamlets')}
        title={hamlet.name}
        subtitle={`${hamlet.code} · ${hamlet.communeName}${hamlet.districtName ? `, ${hamlet.districtName}` : ''}`}
        onClose={onClose}
        onZoomTo={onZoomTo}
      />
      <VerdictSummary detail={load.detail} chosen={chosen} operators={operators} coverage={coverage} refKind={refKind} theta={theta} />
      <h3 className="inspector__subheading">{t('hamlet.matrixHeading')}</h3>
      <HamletVerdictMatrix verdicts={verdicts} operators={operators} current={coverage} onChoose={onChooseCoverage} />

      <h3 className="inspector__subheading">{t('hamlet.gapsHeading')}</h3>
      {gaps.length === 0 ? (
        <p className="inspector__message">
          {minGapAreaM2 === null ? t('hamlet.noGaps') : t('hamlet.noGapsAbove', { area: areaM2(i18n, minGapAreaM2) })}
        </p>
      ) : (
        <table className="bts-table gap-table" data-testid="hamlet-gaps">
          <thead>
            <tr>
              <th scope="col">{t('gap.part')}</th>
              <th scope="col" className="num">{t('gap.area')}</th>
              <th scope="col" className="num">{t('gap.population')}</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((gap) => (
              <tr key={gap.partNo}>
                <td>
                  <button type="button" className="link-button" onClick={() => onOpenGap(gapCode(hamlet.code, gap.partNo))}>
                    {t('gap.partNo', { n: gap.partNo })}
                  </button>
                </td>
                <td className="num">{areaM2(i18n, gap.areaM2)}</td>
                <td className="num">{withUnit(i18n, gap.populationEstimate, 'unit.people')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="inspector__note">{t('definition.gap')}</p>

      {measurements && measurements.total > 0 ? <MeasurementSummary summary={measurements} /> : null}

      <HamletInspectionsSection hamletCode={hamlet.code} operators={operators} verdicts={verdicts} coverage={coverage} onShowHistory={onShowHistory} />

      <h3 className="inspector__subheading">{t('hamlet.factsHeading')}</h3>
      <FieldList
        fields={[
          { label: t('field.code'), value: hamlet.code },
          { label: t('field.hamletKind'), value: hamletKinds.includes(hamlet.kind) ? t(`hamletKind.${hamlet.kind as HamletKind}`) : hamlet.kind },
          { label: t('field.commune'), value: hamlet.communeName },
          { label: t('field.district'), value: textOrDash(i18n, hamlet.districtName) },
          { label: t('field.population'), value: withUnit(i18n, hamlet.population, 'unit.people') },
          { label: t('field.households'), value: withUnit(i18n, hamlet.households, 'unit.households') },
          { label: t('field.area'), value: areaM2(i18n, hamlet.areaM2) },
          { label: t('field.clusters'), value: hamlet.clusters > 0 ? i18n.formatNumber(hamlet.clusters) : t('value.none'), hint: t('hint.clusters') },
          { label: t('field.refKind'), value: refKind },
          { label: t('field.refPoint'), value: lonLat(i18n, lon, lat) },
        ]}
      />
    </>
  );
}

interface VerdictSummaryProps {
  detail: HamletDetail;
  chosen: HamletDetail['verdicts'][number] | null;
  operators: readonly Operator[];
  coverage: CoverageChoice;
  refKind: string;
  theta: number | null;
}

/** The verdict for the chosen operator and group, with the two tests that make it. */
function VerdictSummary({ detail, chosen, operators, coverage, refKind, theta }: VerdictSummaryProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const choice = `${operatorChoiceLabel(t, coverage.operator, operators)} · ${groupLabel(t, coverage.group, true)}`;
  if (!chosen) {
    return (
      <section className="verdict-summary" data-testid="hamlet-verdict">
        <p className="verdict-summary__choice">{choice}</p>
        <p>{t('hamlet.noVerdict')}</p>
      </section>
    );
  }
  const basis = chosen.shareBasis === 'clusters' ? t('shareBasis.clusters', { n: detail.hamlet.clusters }) : t(`shareBasis.${chosen.shareBasis}`);
  return (
    <section className={`verdict-summary verdict-summary--${chosen.verdict}`} data-testid="hamlet-verdict">
      <div className="verdict-summary__head">
        <VerdictBadge verdict={chosen.verdict} />
        <span className="verdict-summary__choice">{choice}</span>
      </div>
      <ul className="verdict-summary__tests">
        <li className={chosen.refCovered ? 'test-pass' : 'test-fail'}>
          {t(chosen.refCovered ? 'hamlet.refCovered' : 'hamlet.refNotCovered', { ref: refKind.toLowerCase() })}
        </li>
        <li className={chosen.verdict === 'covered' || (theta !== null && chosen.coveredShare >= theta) ? 'test-pass' : 'test-fail'}>
          {t('hamlet.share', {
            share: percent(i18n, chosen.coveredShare),
            covered: chosen.populationCovered,
            population: detail.hamlet.population,
          })}{' '}
          <span className="verdict-summary__basis">
            ({basis}
            {theta === null ? '' : `; ${t('hamlet.threshold', { theta: percent(i18n, theta, 0) })}`})
          </span>
        </li>
      </ul>
    </section>
  );
}

/** The field measurements inside the hamlet, counted against the model's prediction. */
function MeasurementSummary({ summary }: { summary: HamletMeasurementSummary }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section data-testid="hamlet-measurements">
      <h3 className="inspector__subheading">{t('hamlet.measurementsHeading')}</h3>
      <FieldList
        fields={[
          { label: t('hamlet.measurementsTotal'), value: i18n.formatNumber(summary.total) },
          { label: t('hamlet.measurementsAgree'), value: i18n.formatNumber(summary.agree), hint: t('hamlet.measurementsAgreeHint') },
          { label: t('hamlet.measurementsBelow'), value: i18n.formatNumber(summary.predictedCoveredMeasuredBelow), hint: t('hamlet.measurementsBelowHint') },
          { label: t('hamlet.measurementsAbove'), value: i18n.formatNumber(summary.predictedUncoveredMeasuredAbove), hint: t('hamlet.measurementsAboveHint') },
        ]}
      />
      <p className="inspector__note">{t('hamlet.measurementsNote')}</p>
    </section>
  );
}
