import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { ColocationCandidate, ColocationResponse, Meta, Proposal } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useSession } from '../auth/use-session.js';
import { OperatorLabel } from '../inspector/operator-label.js';
import { lonLat, withUnit } from '../inspector/value-formats.js';
import type { HatangMap } from '../map/hatang-map.js';
import { mapPalette } from '../map/map-palette.js';
import { ProposalDraftDialog } from '../proposals/proposal-form-dialog.js';
import { draftForCandidate, draftForNewSite, type ProposalDraft } from '../proposals/proposal-draft.js';
import { submittingOperator } from '../proposals/proposal-formats.js';
import { ProposalMapOverlay, type OverlayMarker, type ProposalOverlay } from '../proposals/proposal-map-overlay.js';
import { candidateName, candidateWarningKeys, gainAgainstNewSite, hasRoom, tenantsText } from './candidate-labels.js';
import { RadioFields } from './radio-fields.js';
import { radioOf, type Colocation } from './use-colocation.js';

interface Props {
  meta: Meta;
  colocation: Colocation;
  map: HatangMap | null;
  onClose: () => void;
  onSubmitted: (proposal: Proposal) => void;
}

/** "Tìm vị trí dùng chung": click a point → the structures nearby that could host the operator, ranked by the population they would newly cover. */
export function ColocationPanel({ meta, colocation, map, onClose, onSubmitted }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const ownOperator = submittingOperator(session.info);
  const { params, setParams, point, placing, result } = colocation;
  const [hovered, setHovered] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<ProposalDraft | null>(null);
  const response = result.status === 'ready' ? result.response : null;
  const asked = result.status === 'ready' ? result.request : null;

  // A new answer starts without a selection.
  useEffect(() => setSelected(null), [response]);
  useEffect(() => {
    if (!placing) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') colocation.cancelPlacing();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [placing, colocation]);

  const active = hovered ?? selected ?? null;
  const colour = meta.operators.find((o) => o.code === (asked?.operator ?? params.operator))?.colour ?? mapPalette.neutralOwner;
  const overlay = useMemo<ProposalOverlay>(() => {
    const markers: OverlayMarker[] = (response?.candidates ?? []).map((c) => ({
      key: c.siteKey,
      lon: c.lon,
      lat: c.lat,
      label: String(c.rank),
      kind: hasRoom(c) ? 'candidate' : 'candidate-full',
      active: c.siteKey === active,
      title: `${c.rank}. ${candidateName(t, c)}`,
    }));
    if (point) markers.push({ key: '@point', lon: point.lon, lat: point.lat, label: '+', kind: 'point', active: active === '@point', title: t('colocation.pointAsked') });
    const candidate = response?.candidates.find((c) => c.siteKey === active) ?? (active === null ? response?.candidates[0] : undefined);
    return { footprint: candidate?.footprint ? { geometry: candidate.footprint, colour } : null, markers };
  }, [response, point, active, colour, t]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    if (point) colocation.search();
    else colocation.startPlacing();
  };

  const mayPropose = ownOperator !== null && ownOperator === asked?.operator;
  const candidatesWithRoom = (response?.candidates ?? []).filter(hasRoom).length;

  return (
    <section className="tool-panel" aria-label={t('colocation.title')} data-testid="colocation-panel">
      <ProposalMapOverlay map={map} overlay={overlay} onMarkerClick={(key) => setSelected(key === '@point' ? null : key)} onMarkerHover={setHovered} />
      <header className="tool-panel__header tool-panel__header--colocation">
        <div>
          <h2 className="tool-panel__title">{t('colocation.title')}</h2>
          <p className="tool-panel__subtitle">{t('colocation.subtitle')}</p>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('inspector.close')} title={t('inspector.close')}>
          ×
        </button>
      </header>
      <div className="tool-panel__body">
        <p className="tool-panel__note">{t('colocation.intro')}</p>
        <form className="tool-form" onSubmit={search}>
          <div className="form-grid">
            <RadioFields value={params} operators={meta.operators} fixedOperator={ownOperator} testIdPrefix="colocation" onChange={setParams} />
            <label className="field">
              <span className="field__label">{t('colocation.radius')}</span>
              <input
                type="number"
                required
                min={50}
                step={50}
                value={params.radiusM}
                onChange={(event) => setParams({ ...params, radiusM: Number(event.target.value) })}
                data-testid="colocation-radius"
              />
            </label>
          </div>
          {placing ? (
            <div className="tool-panel__placing" role="status" data-testid="colocation-placing">
              <span>{t('colocation.placingHint')}</span>
              <button type="button" className="button button--small" onClick={colocation.cancelPlacing}>
                {t('whatIf.cancel')}
              </button>
            </div>
          ) : (
            <div className="tool-form__actions">
              <button type="button" className="button button--primary" onClick={colocation.startPlacing} data-testid="colocation-pick-point">
                <span aria-hidden="true">⊕</span> {t(point ? 'colocation.pickAnother' : 'colocation.pickPoint')}
              </button>
              {point ? (
                <button type="submit" className="button" data-testid="colocation-search-again">
                  {t('colocation.searchAgain')}
                </button>
              ) : null}
            </div>
          )}
        </form>

        {point ? (
          <p className="tool-panel__where">
            {t('whatIf.at')} <strong>{lonLat(i18n, point.lon, point.lat)}</strong>
          </p>
        ) : null}
        {result.status === 'loading' ? <p className="tool-panel__status">{t('colocation.searching')}</p> : null}
        {result.status === 'error' ? (
          <p className="inspector__message--error tool-panel__status" role="alert" data-testid="colocation-error">
            {t('colocation.failed', { detail: result.error })}
          </p>
        ) : null}
        {response && asked ? (
          <ColocationResult
            meta={meta}
            response={response}
            active={active}
            mayPropose={mayPropose}
            onHover={setHovered}
            onSelect={(key) => setSelected((prev) => (prev === key ? null : key))}
            onProposeColocation={(candidate) => setDraft(draftForCandidate(asked.operator, radioOf({ ...params, ...asked }), candidate))}
            onProposeNewSite={() => setDraft(draftForNewSite(asked.operator, radioOf({ ...params, ...asked }), asked.lon, asked.lat, asked.radiusM, candidatesWithRoom))}
            onSignIn={() => session.openSignIn('required')}
            signedIn={session.info?.user != null}
          />
        ) : null}
      </div>
      <ProposalDraftDialog meta={meta} draft={draft} onClose={() => setDraft(null)} onSubmitted={onSubmitted} />
    </section>
  );
}

interface ResultProps {
  meta: Meta;
  response: ColocationResponse;
  active: string | null;
  mayPropose: boolean;
  signedIn: boolean;
  onHover: (key: string | null) => void;
  onSelect: (key: string) => void;
  onProposeColocation: (candidate: ColocationCandidate) => void;
  onProposeNewSite: () => void;
  onSignIn: () => void;
}

function ColocationResult({ meta, response, active, mayPropose, signedIn, onHover, onSelect, onProposeColocation, onProposeNewSite, onSignIn }: ResultProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const operatorName = meta.operators.find((o) => o.code === response.operator)?.shortName ?? response.operator;
  return (
    <div className="colocation-result" data-testid="colocation-result">
      <p className="tool-panel__definition">{t('colocation.gainDefinition', { operator: operatorName, technology: response.technology })}</p>
      <div className={`at-point${active === '@point' ? ' at-point--active' : ''}`} data-testid="colocation-at-point" onMouseEnter={() => onHover('@point')} onMouseLeave={() => onHover(null)}>
        <div className="at-point__head">
          <span className="map-pin map-pin--point map-pin--inline" aria-hidden="true">
            +
          </span>
          <strong>{t('colocation.atPoint')}</strong>
        </div>
        <dl className="stat-cards stat-cards--two">
          <div className="stat-card">
            <dd data-testid="at-point-population">{i18n.formatNumber(response.atPoint.populationNewlyCovered)}</dd>
            <dt>{t('colocation.populationNewlyCovered')}</dt>
          </div>
          <div className="stat-card">
            <dd>{i18n.formatNumber(response.atPoint.hamletsNewlyCovered)}</dd>
            <dt>{t('colocation.hamletsNewlyCovered')}</dt>
          </div>
        </dl>
        {mayPropose ? (
          <button type="button" className="button button--small" onClick={onProposeNewSite} data-testid="propose-new-site">
            {t('colocation.proposeNewSite')}
          </button>
        ) : null}
      </div>

      <h3 className="tool-panel__subheading">{t('colocation.candidates', { count: response.candidates.length, radius: i18n.formatNumber(response.radiusM) })}</h3>
      {response.candidates.length === 0 ? <p className="legend__note">{t('colocation.noCandidates')}</p> : null}
      <ol className="candidate-list">
        {response.candidates.map((c) => (
          <li
            key={c.siteKey}
            className={`candidate${c.siteKey === active ? ' candidate--active' : ''}`}
            data-testid="colocation-candidate"
            data-site-key={c.siteKey}
            onMouseEnter={() => onHover(c.siteKey)}
            onMouseLeave={() => onHover(null)}
          >
            <button type="button" className="candidate__select" onClick={() => onSelect(c.siteKey)} aria-pressed={c.siteKey === active}>
              <span className={`map-pin map-pin--inline map-pin--${hasRoom(c) ? 'candidate' : 'candidate-full'}`} aria-hidden="true">
                {c.rank}
              </span>
              <span className="candidate__name">{candidateName(t, c)}</span>
              {c.inferred ? <span className="candidate__key">{c.siteKey}</span> : null}
            </button>
            <p className="candidate__facts">
              {c.owner ? <OperatorLabel code={c.owner} operators={meta.operators} /> : <span>{t('colocation.ownerUnknown')}</span>}
              <span>{c.structureType ? t(`structure.${c.structureType}`) : t('colocation.structureUnknown')}</span>
              <span>{withUnit(i18n, c.heightM, 'unit.m', 1)}</span>
              <span title={t('colocation.tenantsHint')}>
                {t('colocation.tenants')} {tenantsText(c)}
              </span>
              <span>{withUnit(i18n, c.distanceM, 'unit.m')}</span>
            </p>
            {c.tenants.length > 0 ? (
              <p className="candidate__tenants">
                <span>{t('colocation.onIt')}</span>
                {c.tenants.map((op) => (
                  <OperatorLabel key={op} code={op} operators={meta.operators} />
                ))}
              </p>
            ) : null}
            <p className="candidate__gain">
              <strong data-testid="candidate-population">{i18n.formatNumber(c.populationNewlyCovered)}</strong> {t('colocation.peopleNewlyCovered')}
              <span className="candidate__compare" title={t('colocation.compareHint')}>
                {t('colocation.compare', { diff: signed(i18n.formatNumber, gainAgainstNewSite(c, response.atPoint)) })}
              </span>
            </p>
            {c.newlyCoveredHamlets.length > 0 ? (
              <p className="candidate__hamlets">
                {t('colocation.hamlets', { count: c.hamletsNewlyCovered })}{' '}
                {c.newlyCoveredHamlets
                  .slice(0, 3)
                  .map((h) => `${h.name} (+${i18n.formatNumber(h.populationCoveredAfter - h.populationCoveredBefore)})`)
                  .join(', ')}
                {c.newlyCoveredHamlets.length > 3 ? ` ${t('colocation.andMore', { count: c.newlyCoveredHamlets.length - 3 })}` : ''}
              </p>
            ) : null}
            {c.warnings.length > 0 ? (
              <p className="warning-list">
                {c.warnings.map((w) => (
                  <span key={w} className="warning-chip" title={t(candidateWarningKeys[w].hint)} data-testid={`candidate-warning-${w}`}>
                    ⚠ {t(candidateWarningKeys[w].badge)}
                  </span>
                ))}
              </p>
            ) : null}
            {mayPropose ? (
              <button
                type="button"
                className="button button--small button--primary"
                disabled={!hasRoom(c)}
                title={hasRoom(c) ? undefined : t('colocation.warningHint.no_room')}
                onClick={() => onProposeColocation(c)}
                data-testid="propose-colocation"
              >
                {t('colocation.proposeColocation')}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {!mayPropose ? (
        <p className="tool-panel__hint" data-testid="colocation-sign-in-hint">
          {t(signedIn ? 'colocation.operatorOnly' : 'colocation.signInToPropose')}{' '}
          {!signedIn ? (
            <button type="button" className="row-link" onClick={onSignIn}>
              {t('colocation.signIn')}
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

function signed(format: (n: number) => string, n: number): string {
  return n > 0 ? `+${format(n)}` : format(n);
}
