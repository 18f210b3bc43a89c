import { useState } from 'react';
import { ApiError, describeError } from '../api/api-client.js';
import { decideProposal } from '../api/proposal-api.js';
import type { Meta, Proposal } from '../domain/contract-types.js';
import { useI18n, type Translate } from '../i18n/i18n-context.js';
import { ConflictDialog } from '../records/conflict-dialog.js';
import { versionConflictOf, type VersionConflict } from '../records/version-conflict.js';
import { FormField } from '../ui/form-field.js';

type Decision = 'approve' | 'reject';

interface Props {
  meta: Meta;
  proposal: Proposal;
  onDecided: (proposal: Proposal) => void;
  /** Show the proposal as it is now ("Dùng bản hiện tại" after a conflict), with why the decision was refused when it was. */
  onReload: (refusedBecause?: string) => void;
}

/** The fields a decision changes: the rows of the conflict dialog. */
const decisionFields = ['status', 'decidedBy', 'decisionReason'] as const;

function decisionView(t: Translate, p: Record<string, unknown>): Record<string, unknown> {
  const status = typeof p.status === 'string' && isStatus(p.status) ? t(`proposalStatus.${p.status}`) : p.status;
  return { status, decidedBy: p.decidedBy ?? null, decisionReason: p.decisionReason ?? null };
}

function isStatus(value: string): value is Proposal['status'] {
  return value === 'submitted' || value === 'approved' || value === 'rejected' || value === 'withdrawn';
}

/** The planner's appraisal (thẩm định): approve or reject, with a reason either way; the version read is the one decided on. */
export function ProposalReview({ meta, proposal, onDecided, onReload }: Props) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState<Decision | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<(VersionConflict & { decision: Decision }) | null>(null);

  const send = (decision: Decision, version: number) => {
    setTried(true);
    if (reason.trim() === '') return;
    setSending(decision);
    setError(null);
    decideProposal(proposal.code, { decision, reason: reason.trim(), version }, lang)
      .then((decided) => {
        setConflict(null);
        onDecided(decided);
      })
      .catch((e: unknown) => {
        const found = versionConflictOf(e);
        if (found) {
          setConflict({ ...found, decision });
          return;
        }
        // Decided meanwhile by someone else (409 without a version to retry on): show the proposal as it is now, and why.
        if (e instanceof ApiError && e.status === 409) onReload(t('review.failed', { detail: describeError(e) }));
        else setError(describeError(e));
      })
      .finally(() => setSending(null));
  };

  const reasonMissing = tried && reason.trim() === '';
  return (
    <section className="proposal-review" data-testid="proposal-review" aria-label={t('review.title')}>
      <h3 className="tool-panel__subheading">{t('review.title')}</h3>
      <p className="tool-panel__note">{t('review.intro')}</p>
      <FormField label={t('review.reason')} hint={t('review.reasonHint')} error={reasonMissing ? t('review.reasonRequired') : null}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            className="text-input text-area"
            rows={3}
            maxLength={4000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            data-testid="review-reason"
          />
        )}
      </FormField>
      {error ? (
        <p className="form-message form-message--error" role="alert" data-testid="review-error">
          {t('review.failed', { detail: error })}
        </p>
      ) : null}
      <div className="proposal-review__actions">
        <button type="button" className="button button--primary button--approve" disabled={sending !== null} onClick={() => send('approve', proposal.version)} data-testid="review-approve">
          {sending === 'approve' ? t('review.sending') : t('review.approve')}
        </button>
        <button type="button" className="button button--danger" disabled={sending !== null} onClick={() => send('reject', proposal.version)} data-testid="review-reject">
          {sending === 'reject' ? t('review.sending') : t('review.reject')}
        </button>
      </div>
      {conflict ? (
        <ConflictDialog
          base={decisionView(t, proposal)}
          changes={{ status: t(conflict.decision === 'approve' ? 'proposalStatus.approved' : 'proposalStatus.rejected'), decisionReason: reason.trim() }}
          current={decisionView(t, conflict.current)}
          baseVersion={proposal.version}
          currentVersion={conflict.currentVersion}
          fields={decisionFields}
          operators={meta.operators}
          busy={sending !== null}
          error={error}
          onUseCurrent={() => {
            setConflict(null);
            onReload();
          }}
          onOverwrite={() => send(conflict.decision, conflict.currentVersion)}
        />
      ) : null}
    </section>
  );
}
