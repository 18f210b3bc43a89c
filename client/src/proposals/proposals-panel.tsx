import { useCallback, useMemo, useState } from 'react';
import { useSession } from '../auth/use-session.js';
import { RadioOperatorOptions } from '../coverage/radio-operator-options.js';
import type { Meta, Proposal, ProposalKind, ProposalStatus } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { OperatorLabel } from '../inspector/operator-label.js';
import type { HatangMap } from '../map/hatang-map.js';
import { ProposalDetail } from './proposal-detail.js';
import { statusChips, submittingOperator } from './proposal-formats.js';
import { ProposalMapOverlay, type ProposalOverlay } from './proposal-map-overlay.js';
import { ProposalStatusBadge } from './proposal-status-badge.js';
import { useProposal, useProposalList } from './use-proposals.js';

interface Props {
  meta: Meta;
  /** The proposal open (from the link), or null for the list. */
  selected: string | null;
  map: HatangMap | null;
  /** Bumped by a submission elsewhere in the page: the list is read again. */
  revision: number;
  onSelect: (code: string | null) => void;
  onClose: () => void;
  onFlyTo: (lon: number, lat: number, zoom?: number) => void;
  /** A decision or withdrawal: the register (planned sites, BTS) may have changed. */
  onDecided: (proposal: Proposal) => void;
  onShowPlanned?: (() => void) | undefined;
}

const kinds: readonly ProposalKind[] = ['colocation', 'new_site'];

/** "Đề xuất": the proposals the account may read, by status, operator and kind; one opens with its impact, history and actions. */
export function ProposalsPanel({ meta, selected, map, revision, onSelect, onClose, onFlyTo, onDecided, onShowPlanned }: Props) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const session = useSession();
  const signedIn = session.info?.user != null;
  // An operator's account reads its own operator's proposals only: no operator filter to offer.
  const ownOperator = submittingOperator(session.info);
  const [status, setStatus] = useState<ProposalStatus | null>(null);
  const [operator, setOperator] = useState<string | null>(null);
  const [kind, setKind] = useState<ProposalKind | null>(null);
  const [changes, setChanges] = useState(0);
  const list = useProposalList({ status, operator: ownOperator ? null : operator, kind }, signedIn, lang, revision + changes);
  const detail = useProposal(signedIn ? selected : null, lang, revision + changes);
  const reload = useCallback(() => setChanges((n) => n + 1), []);
  const proposal = detail?.data ?? null;

  const overlay = useMemo<ProposalOverlay>(() => {
    if (proposal) {
      return {
        footprint: null,
        markers: [{ key: proposal.code, lon: proposal.lon, lat: proposal.lat, label: '★', kind: 'proposal', active: true, title: proposal.code }],
      };
    }
    const rows = list.data?.proposals ?? [];
    return {
      footprint: null,
      markers: rows.map((p, i) => ({ key: p.code, lon: p.lon, lat: p.lat, label: String(i + 1), kind: 'proposal', active: false, title: `${p.code} · ${t(`proposalStatus.${p.status}`)}` })),
    };
  }, [proposal, list.data, t]);

  const open = (code: string, lon: number, lat: number) => {
    onSelect(code);
    onFlyTo(lon, lat, 14);
  };

  return (
    <section className="tool-panel tool-panel--wide" aria-label={t('proposals.title')} data-testid="proposals-panel">
      <ProposalMapOverlay
        map={map}
        overlay={overlay}
        onMarkerClick={(code) => {
          const row = list.data?.proposals.find((p) => p.code === code);
          if (row) open(row.code, row.lon, row.lat);
        }}
      />
      <header className="tool-panel__header tool-panel__header--proposals">
        <div>
          <h2 className="tool-panel__title">{t('proposals.title')}</h2>
          <p className="tool-panel__subtitle">{t('proposals.subtitle')}</p>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('inspector.close')} title={t('inspector.close')}>
          ×
        </button>
      </header>
      <div className="tool-panel__body">
        {!signedIn ? (
          <p className="tool-panel__hint" data-testid="proposals-sign-in">
            {t('proposals.signIn')}{' '}
            <button type="button" className="row-link" onClick={() => session.openSignIn('required')}>
              {t('colocation.signIn')}
            </button>
          </p>
        ) : selected ? (
          detail?.status === 'error' ? (
            <>
              <button type="button" className="button button--small" onClick={() => onSelect(null)}>
                {t('edit.back')}
              </button>
              <p className="inspector__message--error" role="alert">
                {t('proposals.loadFailed', { detail: detail.error })}
              </p>
            </>
          ) : proposal ? (
            <ProposalDetail
              meta={meta}
              proposal={proposal}
              onBack={() => onSelect(null)}
              onReload={reload}
              onLocate={() => onFlyTo(proposal.lon, proposal.lat, 15)}
              onChanged={(next) => {
                reload();
                onDecided(next);
              }}
              onShowPlanned={onShowPlanned}
            />
          ) : (
            <p className="tool-panel__status">{t('proposals.loading')}</p>
          )
        ) : (
          <>
            <fieldset className="chip-group proposal-filters" data-testid="proposal-status-filter">
              <legend>{t('proposals.status')}</legend>
              <button type="button" className="chip" aria-pressed={status === null} onClick={() => setStatus(null)} data-testid="proposal-status-all">
                {t('proposals.all')}
              </button>
              {statusChips(list.data?.counts ?? {}).map((chip) => (
                <button
                  key={chip.status}
                  type="button"
                  className="chip"
                  aria-pressed={status === chip.status}
                  onClick={() => setStatus(status === chip.status ? null : chip.status)}
                  data-testid={`proposal-status-${chip.status}`}
                >
                  {t(`proposalStatus.${chip.status}`)} <span className="chip__count" data-testid="chip-count">{i18n.formatNumber(chip.count)}</span>
                </button>
              ))}
            </fieldset>
            <div className="form-grid">
              {ownOperator ? null : (
                <label className="field">
                  <span className="field__label">{t('recordField.operator')}</span>
                  <select value={operator ?? ''} onChange={(e) => setOperator(e.target.value || null)} data-testid="proposal-operator-filter">
                    <option value="">{t('proposals.allOperators')}</option>
                    <RadioOperatorOptions operators={meta.operators} />
                  </select>
                </label>
              )}
              <label className="field">
                <span className="field__label">{t('proposal.kind')}</span>
                <select value={kind ?? ''} onChange={(e) => setKind((e.target.value || null) as ProposalKind | null)} data-testid="proposal-kind-filter">
                  <option value="">{t('proposals.allKinds')}</option>
                  {kinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`proposalKind.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <p className="legend__note">{t('proposals.countsNote')}</p>
            {list.status === 'error' ? (
              <p className="inspector__message--error" role="alert">
                {t('proposals.loadFailed', { detail: list.error })}
              </p>
            ) : null}
            {list.data && list.data.proposals.length === 0 ? <p className="legend__note" data-testid="proposals-empty">{t('proposals.none')}</p> : null}
            <ol className="proposal-list" data-testid="proposal-list" aria-busy={list.status === 'loading'}>
              {(list.data?.proposals ?? []).map((p, i) => (
                <li key={p.code}>
                  <button type="button" className="proposal-row" onClick={() => open(p.code, p.lon, p.lat)} data-testid="proposal-row" data-code={p.code} data-status={p.status}>
                    <span className="map-pin map-pin--inline map-pin--proposal" aria-hidden="true">
                      {i + 1}
                    </span>
                    <span className="proposal-row__main">
                      <span className="proposal-row__code">{p.code}</span>
                      <span className="proposal-row__what">
                        {t(`proposalKind.${p.kind}`)} · {p.kind === 'colocation' ? (p.siteCode ?? t('colocation.inferredSite')) : p.structureType ? t(`structure.${p.structureType}`) : ''}
                      </span>
                      <span className="proposal-row__meta">
                        <OperatorLabel code={p.operator} operators={meta.operators} /> · {i18n.formatDateTime(p.submittedAt)} · +{i18n.formatNumber(p.impact.populationNewlyCovered)} {t('unit.people')}
                      </span>
                    </span>
                    <ProposalStatusBadge status={p.status} />
                  </button>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}
