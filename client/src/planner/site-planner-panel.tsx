import { useMemo, useState, type FormEvent } from 'react';
import { describeError } from '../api/api-client.js';
import { postSitePlanner } from '../api/proposal-api.js';
import { useSession } from '../auth/use-session.js';
import { RadioFields } from '../colocation/radio-fields.js';
import { candidateWarningKeys } from '../colocation/candidate-labels.js';
import { defaultColocationParams } from '../colocation/use-colocation.js';
import type { Meta, Proposal, Scenario, SitePlannerRequest, SitePlannerResponse, Technology } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { OperatorLabel } from '../inspector/operator-label.js';
import { lonLat, withUnit } from '../inspector/value-formats.js';
import type { HatangMap } from '../map/hatang-map.js';
import { radioOperators } from '../map/operator-colours.js';
import { draftForPick, type ProposalDraft } from '../proposals/proposal-draft.js';
import { submittingOperator } from '../proposals/proposal-formats.js';
import { ProposalDraftDialog } from '../proposals/proposal-form-dialog.js';
import { ProposalMapOverlay, type ProposalOverlay } from '../proposals/proposal-map-overlay.js';
import { CumulativeGainChart } from './cumulative-gain-chart.js';

interface Params {
  operator: string;
  technology: Technology;
  bandMHz: number;
  antennaHeightM: number;
  k: number;
  unit: string;
}

type Run = { status: 'idle' } | { status: 'running' } | { status: 'ready'; request: SitePlannerRequest; response: SitePlannerResponse } | { status: 'error'; error: string };

interface Props {
  meta: Meta;
  map: HatangMap | null;
  /** The unit the map's filters are limited to: the planner's default unit. */
  unit: string | null;
  /** Units the search may be limited to (districts, then communes), by name. */
  units: readonly { code: string; name: string }[];
  /** The scenario the map shows: gains are counted against it. */
  scenario: Scenario;
  onClose: () => void;
  onFlyTo: (lon: number, lat: number, zoom?: number) => void;
  onSubmitted: (proposal: Proposal) => void;
}

/** The co-location search radius a new-site proposal from a pick names (the default of proposals). */
const pickSearchRadiusM = 1000;

/** "Quy hoạch vị trí": for an operator and a budget K, the greedy best K locations, each one click from a proposal. */
export function SitePlannerPanel({ meta, map, unit, units, scenario, onClose, onFlyTo, onSubmitted }: Props) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const session = useSession();
  const ownOperator = submittingOperator(session.info);
  const [params, setParams] = useState<Params>(() => ({
    operator: ownOperator ?? radioOperators(meta.operators).find((o) => o.code === 'viettel')?.code ?? radioOperators(meta.operators)[0]?.code ?? '',
    technology: defaultColocationParams.technology,
    bandMHz: defaultColocationParams.bandMHz,
    antennaHeightM: defaultColocationParams.antennaHeightM,
    k: 5,
    unit: unit ?? '',
  }));
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const [active, setActive] = useState<number | null>(null);
  const [draft, setDraft] = useState<ProposalDraft | null>(null);
  const operator = ownOperator ?? params.operator;
  // The planner reads every structure and uncovered area of the province: planners, and operators for their own operator.
  const mayPlan = session.info?.permissions.includes('sites.plan') ?? false;

  const plan = (event: FormEvent) => {
    event.preventDefault();
    const request: SitePlannerRequest = {
      operator,
      technology: params.technology,
      bandMHz: params.bandMHz,
      antennaHeightM: params.antennaHeightM,
      k: params.k,
      ...(params.unit.trim() ? { unit: params.unit.trim() } : {}),
      ...(scenario === 'planned' ? { scenario } : {}),
    };
    setRun({ status: 'running' });
    setActive(null);
    postSitePlanner(request, lang)
      .then((response) => setRun({ status: 'ready', request, response }))
      .catch((e: unknown) => setRun({ status: 'error', error: describeError(e) }));
  };

  const response = run.status === 'ready' ? run.response : null;
  const overlay = useMemo<ProposalOverlay>(
    () => ({
      footprint: null,
      markers: (response?.picks ?? []).map((p) => ({
        key: String(p.order),
        lon: p.lon,
        lat: p.lat,
        label: String(p.order),
        kind: p.kind === 'colocation' ? 'pick-colocation' : 'pick-new',
        active: p.order === active,
        title: `${p.order}. ${p.kind === 'colocation' ? (p.siteCode ?? t('colocation.inferredSite')) : t('planner.kind.new_site')}`,
      })),
    }),
    [response, active, t],
  );
  const mayPropose = ownOperator !== null && run.status === 'ready' && run.request.operator === ownOperator;

  return (
    <section className="tool-panel" aria-label={t('planner.title')} data-testid="site-planner-panel">
      <ProposalMapOverlay map={map} overlay={overlay} onMarkerClick={(key) => setActive(Number(key))} onMarkerHover={(key) => setActive(key === null ? null : Number(key))} />
      <header className="tool-panel__header tool-panel__header--planner">
        <div>
          <h2 className="tool-panel__title">{t('planner.title')}</h2>
          <p className="tool-panel__subtitle">{t('planner.subtitle')}</p>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('inspector.close')} title={t('inspector.close')}>
          ×
        </button>
      </header>
      <div className="tool-panel__body">
        <p className="tool-panel__note">{t('planner.intro')}</p>
        {!mayPlan ? (
          <p className="tool-panel__hint" data-testid="planner-sign-in">
            {t(session.info?.user ? 'planner.notAllowed' : 'planner.signIn')}{' '}
            {!session.info?.user ? (
              <button type="button" className="row-link" onClick={() => session.openSignIn('required')}>
                {t('colocation.signIn')}
              </button>
            ) : null}
          </p>
        ) : null}
        <form className="tool-form" onSubmit={plan} hidden={!mayPlan}>
          <div className="form-grid">
            <RadioFields value={{ ...params, operator }} operators={meta.operators} fixedOperator={ownOperator} testIdPrefix="planner" onChange={(v) => setParams({ ...params, ...v })} />
            <label className="field">
              <span className="field__label">{t('planner.budget')}</span>
              <input type="number" required min={1} max={50} step={1} value={params.k} onChange={(e) => setParams({ ...params, k: Number(e.target.value) })} data-testid="planner-k" />
            </label>
            <label className="field">
              <span className="field__label">{t('planner.unit')}</span>
              <select value={params.unit} onChange={(e) => setParams({ ...params, unit: e.target.value })} data-testid="planner-unit">
                <option value="">{t('planner.wholeProvince')}</option>
                {units.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="tool-form__actions">
            <button type="submit" className="button button--primary" disabled={run.status === 'running'} data-testid="planner-run">
              {run.status === 'running' ? t('planner.running') : t('planner.run')}
            </button>
          </div>
        </form>
        {run.status === 'error' ? (
          <p className="inspector__message--error" role="alert" data-testid="planner-error">
            {t('planner.failed', { detail: run.error })}
          </p>
        ) : null}
        {response ? (
          <div className="planner-result" data-testid="planner-result">
            <p className="tool-panel__definition">{t('planner.definition', { technology: response.technology })}</p>
            <p className="tool-panel__definition" data-testid="planner-preference">
              {t('planner.preference', { factor: i18n.formatNumber(response.newSitePreference, 2), scenario: t(response.scenario === 'planned' ? 'scenario.planned' : 'scenario.current') })}
            </p>
            <dl className="stat-cards">
              <div className="stat-card">
                <dd data-testid="planner-total">{i18n.formatNumber(response.totalGain)}</dd>
                <dt>{t('planner.total')}</dt>
              </div>
              <div className="stat-card">
                <dd>
                  {i18n.formatNumber(response.picks.length)}/{i18n.formatNumber(response.k)}
                </dd>
                <dt>{t('planner.picksOfBudget')}</dt>
              </div>
              <div className="stat-card">
                <dd>
                  {i18n.formatNumber(response.candidatesConsidered.colocation)} + {i18n.formatNumber(response.candidatesConsidered.newSite)}
                </dd>
                <dt>{t('planner.considered')}</dt>
              </div>
            </dl>
            {response.picks.length > 0 ? <CumulativeGainChart picks={response.picks} /> : <p className="legend__note">{t('planner.noPicks')}</p>}
            <ol className="candidate-list">
              {response.picks.map((p) => (
                <li
                  key={p.order}
                  className={`candidate${p.order === active ? ' candidate--active' : ''}`}
                  data-testid="planner-pick"
                  data-kind={p.kind}
                  onMouseEnter={() => setActive(p.order)}
                  onMouseLeave={() => setActive(null)}
                >
                  <button type="button" className="candidate__select" onClick={() => onFlyTo(p.lon, p.lat, 14)}>
                    <span className={`map-pin map-pin--inline map-pin--${p.kind === 'colocation' ? 'pick-colocation' : 'pick-new'}`} aria-hidden="true">
                      {p.order}
                    </span>
                    <span className="candidate__name">{p.kind === 'colocation' ? (p.siteCode ?? `${t('colocation.inferredSite')} ${p.siteKey ?? ''}`) : lonLat(i18n, p.lon, p.lat)}</span>
                    <span className={`kind-badge kind-badge--${p.kind}`}>{t(`planner.kind.${p.kind}`)}</span>
                  </button>
                  {p.kind === 'colocation' ? (
                    <p className="candidate__facts">
                      {p.owner ? <OperatorLabel code={p.owner} operators={meta.operators} /> : null}
                      <span>{p.structureType ? t(`structure.${p.structureType}`) : t('colocation.structureUnknown')}</span>
                      <span>{withUnit(i18n, p.heightM, 'unit.m', 1)}</span>
                    </p>
                  ) : null}
                  <p className="candidate__gain">
                    <span title={t('planner.marginalHint')}>
                      {t('planner.marginal')} <strong data-testid="pick-marginal">+{i18n.formatNumber(p.marginalGain)}</strong>
                    </span>{' '}
                    · <span title={t('planner.standaloneHint')}>{t('planner.standalone')} {i18n.formatNumber(p.standaloneGain)}</span> ·{' '}
                    <span>
                      {t('planner.cumulative')} <strong>{i18n.formatNumber(p.cumulativeGain)}</strong>
                    </span>
                  </p>
                  {p.hamlets.length > 0 ? (
                    <p className="candidate__hamlets" title={p.hamlets.join(', ')}>
                      {t('planner.hamlets', { count: p.hamlets.length })}
                    </p>
                  ) : null}
                  {p.warnings.length > 0 ? (
                    <p className="warning-list">
                      {p.warnings.map((w) => (
                        <span key={w} className="warning-chip" title={t(candidateWarningKeys[w].hint)}>
                          ⚠ {t(candidateWarningKeys[w].badge)}
                        </span>
                      ))}
                    </p>
                  ) : null}
                  {mayPropose && run.status === 'ready' ? (
                    <button
                      type="button"
                      className="button button--small button--primary"
                      onClick={() => setDraft(draftForPick(run.request.operator, { technology: run.request.technology, bandMHz: run.request.bandMHz, antennaHeightM: run.request.antennaHeightM }, p, pickSearchRadiusM))}
                      data-testid="pick-propose"
                    >
                      {t('planner.propose')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ol>
            {!mayPropose ? <p className="tool-panel__hint">{t(session.info?.user ? 'colocation.operatorOnly' : 'colocation.signInToPropose')}</p> : null}
            <p className="legend__note">{t('planner.ms', { ms: i18n.formatNumber(response.ms) })}</p>
          </div>
        ) : null}
      </div>
      <ProposalDraftDialog meta={meta} draft={draft} onClose={() => setDraft(null)} onSubmitted={onSubmitted} />
    </section>
  );
}
