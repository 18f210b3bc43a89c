import { useState } from 'react';
import { ApiError, describeError } from '../api/api-client.js';
import { withdrawProposal } from '../api/proposal-api.js';
import { useSession } from '../auth/use-session.js';
import type { Meta, Proposal } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { OperatorLabel } from '../inspector/operator-label.js';
import { lonLat, withUnit } from '../inspector/value-formats.js';
import { versionConflictOf } from '../records/version-conflict.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { ProposalImpactSummary } from './proposal-impact-summary.js';
import { mayDecide, mayWithdraw } from './proposal-formats.js';
import { ProposalReview } from './proposal-review.js';
import { ProposalStatusBadge } from './proposal-status-badge.js';

interface Props {
  meta: Meta;
  proposal: Proposal;
  onBack: () => void;
  onChanged: (proposal: Proposal) => void;
  onReload: () => void;
  onLocate: () => void;
  /** Shows the planned scenario (with approved proposals) on the map; absent when the client has no scenario switch. */
  onShowPlanned?: (() => void) | undefined;
}

/** One proposal: what is asked, the impact stored at submission, every step with who and when, and what the account may do with it. */
export function ProposalDetail({ meta, proposal, onBack, onChanged, onReload, onLocate, onShowPlanned }: Props) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const session = useSession();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const p = proposal;

  const withdraw = async () => {
    setError(null);
    try {
      onChanged(await withdrawProposal(p.code, p.version, lang));
    } catch (e: unknown) {
      // Decided or changed meanwhile: show it as it is now, and say why nothing happened.
      if (versionConflictOf(e) || (e instanceof ApiError && e.status === 409)) {
        setConfirming(false);
        setError(describeError(e));
        onReload();
        return;
      }
      throw e;
    }
  };

  return (
    <article className="proposal-detail" data-testid="proposal-detail" data-code={p.code} data-status={p.status}>
      <div className="proposal-detail__top">
        <button type="button" className="button button--small" onClick={onBack} data-testid="proposal-back">
          {t('edit.back')}
        </button>
        <button type="button" className="button button--small" onClick={onLocate}>
          <span aria-hidden="true">⌖</span> {t('proposal.locate')}
        </button>
      </div>
      <header className="proposal-detail__header">
        <h3 className="proposal-detail__code">{p.code}</h3>
        <ProposalStatusBadge status={p.status} />
      </header>
      <dl className="field-list proposal-detail__facts">
        <dt>{t('proposal.kind')}</dt>
        <dd>{t(`proposalKind.${p.kind}`)}</dd>
        <dt>{t('recordField.operator')}</dt>
        <dd>
          <OperatorLabel code={p.operator} operators={meta.operators} /> <span className="legend__note">{p.operatorName}</span>
        </dd>
        <dt>{t('proposal.location')}</dt>
        <dd>
          {p.kind === 'colocation' ? `${p.siteCode ?? `${t('colocation.inferredSite')} ${p.siteKey ?? ''}`} · ` : ''}
          {lonLat(i18n, p.lon, p.lat)}
        </dd>
        {p.structureType ? (
          <>
            <dt>{t('recordField.structureType')}</dt>
            <dd>
              {t(`structure.${p.structureType}`)} · {withUnit(i18n, p.heightM, 'unit.m', 1)}
            </dd>
          </>
        ) : null}
        <dt>{t('proposal.radio')}</dt>
        <dd>
          {p.radio.technology} · {p.radio.bandMHz} MHz · {t('whatIf.antennaShort')} {withUnit(i18n, p.radio.antennaHeightM, 'unit.m', 1)}
        </dd>
        {p.justification ? (
          <>
            <dt>{t('proposalForm.justification')}</dt>
            <dd className="proposal-detail__text">{p.justification}</dd>
          </>
        ) : null}
        {p.note ? (
          <>
            <dt>{t('proposalForm.note')}</dt>
            <dd className="proposal-detail__text">{p.note}</dd>
          </>
        ) : null}
        {p.decisionReason ? (
          <>
            <dt>{t('proposal.decisionReason')}</dt>
            <dd className="proposal-detail__text" data-testid="proposal-decision-reason">
              {p.decisionReason}
            </dd>
          </>
        ) : null}
      </dl>

      {p.status === 'approved' ? (
        <p className="proposal-detail__created" data-testid="proposal-created">
          {t(p.kind === 'colocation' ? 'proposal.createdBts' : 'proposal.created', {
            site: p.createdSiteCode ?? p.siteCode ?? p.siteKey ?? '—',
            bts: p.createdBtsCode ?? '—',
            status: p.createdStatus ? t(`status.${p.createdStatus}`) : '—',
          })}{' '}
          {onShowPlanned ? (
            <button type="button" className="row-link" onClick={onShowPlanned} data-testid="show-planned">
              {t('proposal.showPlanned')}
            </button>
          ) : null}
        </p>
      ) : null}

      <h4 className="tool-panel__subheading">{t('impact.title')}</h4>
      <ProposalImpactSummary meta={meta} impact={p.impact} technology={p.radio.technology} kind={p.kind} />

      <h4 className="tool-panel__subheading">{t('proposal.history')}</h4>
      <ol className="proposal-history" data-testid="proposal-history">
        {p.events.map((e, i) => (
          <li key={`${e.at}:${i}`} className={`proposal-history__step proposal-history__step--${e.action}`} data-testid="proposal-event" data-action={e.action}>
            <span className="proposal-history__action">{t(`proposalEvent.${e.action}`)}</span>{' '}
            <span className="proposal-history__who">
              {e.actor}
              {e.actorRole && isRole(e.actorRole) ? ` (${t(`role.${e.actorRole}`)})` : ''}
            </span>{' '}
            <time className="proposal-history__when" dateTime={e.at}>
              {i18n.formatDateTime(e.at)}
            </time>
            {e.note ? <p className="proposal-history__note">{e.note}</p> : null}
          </li>
        ))}
      </ol>

      {error ? (
        <p className="form-message form-message--error" role="alert" data-testid="proposal-error">
          {error}
        </p>
      ) : null}
      {mayWithdraw(session.info, p) ? (
        <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)} data-testid="proposal-withdraw">
          {t('proposal.withdraw')}
        </button>
      ) : null}
      {mayDecide(session.info, p) ? <ProposalReview
          key={`${p.code}:${p.version}`}
          meta={meta}
          proposal={p}
          onDecided={onChanged}
          onReload={(refusedBecause) => {
            if (refusedBecause) setError(refusedBecause);
            onReload();
          }}
        /> : null}
      {confirming ? (
        <ConfirmDialog
          title={t('proposal.withdrawTitle', { code: p.code })}
          body={t('proposal.withdrawBody')}
          confirmLabel={t('proposal.withdrawConfirm')}
          busyLabel={t('proposal.withdrawing')}
          failedText={(detail) => t('proposal.withdrawFailed', { detail })}
          onConfirm={withdraw}
          onClose={() => setConfirming(false)}
          danger
          testId="withdraw-dialog"
        />
      ) : null}
    </article>
  );
}

function isRole(value: string): value is 'admin' | 'planner' | 'operator' | 'inspector' {
  return value === 'admin' || value === 'planner' || value === 'operator' || value === 'inspector';
}
