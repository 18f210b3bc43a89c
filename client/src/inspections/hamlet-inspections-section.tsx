import { useState } from 'react';
import { withdrawInspection } from '../api/inspection-api.js';
import { useSession } from '../auth/use-session.js';
import { groupLabel, operatorChoiceLabel } from '../coverage/coverage-labels.js';
import { VerdictBadge } from '../coverage/verdict-badge.js';
import { dayText } from '../domain/calendar-day.js';
import type { HamletDetail, Inspection, Operator, TechnologyGroup } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { RecordHistoryButton, type HistoryEntity } from '../inspector/record-history-button.js';
import { versionConflictOf } from '../records/version-conflict.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import type { CoverageChoice } from '../url/view-state.js';
import { AgreementMark } from './inspection-agreement.js';
import { InspectionForm } from './inspection-form.js';
import { useHamletInspections } from './use-hamlet-inspections.js';

interface HamletInspectionsSectionProps {
  hamletCode: string;
  operators: readonly Operator[];
  /** The hamlet's model verdicts (GET /api/hamlets/{code}), shown in the form beside the observed one. */
  verdicts: HamletDetail['verdicts'];
  /** A new inspection starts on the operator and group on screen. */
  coverage: CoverageChoice;
  onShowHistory?: ((entity: HistoryEntity, code: string) => void) | undefined;
}

type Editing = { kind: 'new' } | { kind: 'edit'; inspection: Inspection } | null;

/**
 * "Biên bản kiểm tra thực địa": the hamlet's field inspections for signed-in
 * accounts, each against the model's verdict; inspectors record new ones, and
 * the author edits or withdraws their own. Anonymous visitors are told to sign
 * in (the server does not show inspections to them).
 */
export function HamletInspectionsSection(props: HamletInspectionsSectionProps) {
  const session = useSession();
  const username = session.info?.user?.username ?? null;
  // Another account starts afresh: no form, notice or confirmation of the previous one's.
  return <InspectionsOfAccount key={username ?? ''} username={username} {...props} />;
}

function InspectionsOfAccount({ username, hamletCode, operators, verdicts, coverage, onShowHistory }: HamletInspectionsSectionProps & { username: string | null }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const session = useSession();
  const load = useHamletInspections(hamletCode, lang, username);
  const [editing, setEditing] = useState<Editing>(null);
  const [withdrawing, setWithdrawing] = useState<Inspection | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canRecord = session.can('inspections.record');

  if (!username) {
    return (
      <section className="inspections" data-testid="hamlet-inspections">
        <h3 className="inspector__subheading">{t('inspection.heading')}</h3>
        <p className="inspector__message inspections__hint" data-testid="inspections-sign-in-hint">
          {t('inspection.signInHint')}{' '}
          <button type="button" className="link-button" onClick={() => session.openSignIn()} data-testid="inspections-sign-in">
            {t('auth.signIn')}
          </button>
        </p>
      </section>
    );
  }

  const modelVerdictOf = (operator: string, group: TechnologyGroup) => verdicts.find((v) => v.operator === operator && v.technologyGroup === group)?.verdict ?? null;
  const mine = (inspection: Inspection) => canRecord && inspection.inspector === username;
  const formProps = {
    hamletCode,
    operators,
    initialOperator: coverage.operator,
    initialGroup: coverage.group,
    modelVerdictOf,
    onCancel: () => setEditing(null),
    onDiscard: () => {
      setEditing(null);
      load.reload();
    },
    onSaved: (saved: Inspection, created: boolean) => {
      setEditing(null);
      setNotice(t(created ? 'inspection.savedNotice' : 'inspection.updatedNotice', { date: dayText(saved.inspectedOn) }));
      load.reload();
    },
  };

  return (
    <section className="inspections" data-testid="hamlet-inspections">
      <div className="inspections__heading">
        <h3 className="inspector__subheading">{t('inspection.heading')}</h3>
        {canRecord && editing?.kind !== 'new' ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setNotice(null);
              setEditing({ kind: 'new' });
            }}
            title={t('inspection.recordHint')}
            data-testid="inspection-new"
          >
            {t('inspection.record')}
          </button>
        ) : null}
      </div>
      {editing?.kind === 'new' ? <InspectionForm key="new" {...formProps} /> : null}
      {notice ? (
        <p className="form-message form-message--success inspections__notice" role="status" data-testid="inspection-notice">
          {notice}
        </p>
      ) : null}
      {load.status === 'error' ? (
        <p className="inspector__message inspector__message--error">
          {t('inspection.loadFailed', { detail: load.error ?? '' })}{' '}
          <button type="button" className="link-button" onClick={load.reload}>
            {t('app.retry')}
          </button>
        </p>
      ) : null}
      {load.status === 'loading' && load.inspections.length === 0 ? <p className="inspector__message">{t('inspection.loading')}</p> : null}
      {load.status === 'ready' && load.inspections.length === 0 ? <p className="inspector__message">{t('inspection.empty')}</p> : null}
      {load.inspections.length > 0 ? (
        <ul className="inspection-list" data-testid="inspection-list" aria-busy={load.status === 'loading'}>
          {load.inspections.map((inspection) =>
            editing?.kind === 'edit' && editing.inspection.id === inspection.id ? (
              <li key={inspection.id} className="inspection-list__form">
                <InspectionForm key={`edit-${inspection.id}`} {...formProps} base={inspection} />
              </li>
            ) : (
              <InspectionItem
                key={inspection.id}
                inspection={inspection}
                operators={operators}
                editable={mine(inspection) && editing === null}
                onEdit={() => {
                  setNotice(null);
                  setEditing({ kind: 'edit', inspection });
                }}
                onWithdraw={() => {
                  setNotice(null);
                  setWithdrawing(inspection);
                }}
                onShowHistory={onShowHistory}
              />
            ),
          )}
        </ul>
      ) : null}
      {withdrawing ? (
        <ConfirmDialog
          title={t('inspection.withdrawTitle', { date: dayText(withdrawing.inspectedOn) })}
          body={t('inspection.withdrawBody')}
          confirmLabel={t('inspection.withdrawConfirm')}
          busyLabel={t('inspection.withdrawing')}
          failedText={(detail) => t('inspection.withdrawFailed', { detail })}
          danger
          testId="inspection-withdraw-dialog"
          onConfirm={() =>
            withdrawInspection(withdrawing.id, withdrawing.version, lang).then(
              () => {
                setNotice(t('inspection.withdrawnNotice', { date: dayText(withdrawing.inspectedOn) }));
                load.reload();
              },
              (e: unknown) => {
                // Changed meanwhile: the list shows it as it is now, and the dialog says why nothing was withdrawn.
                if (versionConflictOf(e)) load.reload();
                throw e;
              },
            )
          }
          onClose={() => setWithdrawing(null)}
        />
      ) : null}
    </section>
  );
}

interface InspectionItemProps {
  inspection: Inspection;
  operators: readonly Operator[];
  editable: boolean;
  onEdit: () => void;
  onWithdraw: () => void;
  onShowHistory?: ((entity: HistoryEntity, code: string) => void) | undefined;
}

/** One inspection: when and what was checked, the verdict on the ground against the model's, who, and the note as typed. */
function InspectionItem({ inspection, operators, editable, onEdit, onWithdraw, onShowHistory }: InspectionItemProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const agreement = inspection.agreesWithModel === null ? 'unknown' : String(inspection.agreesWithModel);
  const edited = inspection.version > 1;
  return (
    <li className={`inspection-item inspection-item--${agreement === 'false' ? 'differs' : agreement === 'true' ? 'agrees' : 'unknown'}`} data-testid="inspection-item" data-id={inspection.id} data-agrees={agreement}>
      <div className="inspection-item__head">
        <span className="inspection-item__date" data-testid="inspection-date">
          {dayText(inspection.inspectedOn)}
        </span>
        <span className="inspection-item__scope" data-testid="inspection-scope" title={groupLabel(t, inspection.technologyGroup, true)}>
          {operatorChoiceLabel(t, inspection.operator, operators)} · {groupLabel(t, inspection.technologyGroup)}
        </span>
        <span className="inspection-item__actions">
          <RecordHistoryButton entity="inspection" code={String(inspection.id)} onShow={onShowHistory} />
          {editable ? (
            <>
              <button type="button" className="button button--small" onClick={onEdit} title={t('inspection.editHint')} data-testid="inspection-edit">
                ✎ {t('edit.edit')}
              </button>
              <button type="button" className="button button--small button--danger-outline" onClick={onWithdraw} title={t('inspection.withdrawHint')} data-testid="inspection-withdraw">
                {t('inspection.withdraw')}
              </button>
            </>
          ) : null}
        </span>
      </div>
      <div className="inspection-item__verdicts">
        <span className="inspection-item__verdict" data-testid="inspection-observed" data-verdict={inspection.observedVerdict}>
          <span className="inspection-item__label">{t('inspection.observed')}</span> <VerdictBadge verdict={inspection.observedVerdict} />
        </span>
        <span className="inspection-item__verdict" data-testid="inspection-model" data-verdict={inspection.modelVerdict ?? ''}>
          <span className="inspection-item__label">{t('inspection.model')}</span>{' '}
          {inspection.modelVerdict ? <VerdictBadge verdict={inspection.modelVerdict} /> : t('value.none')}
        </span>
        <AgreementMark agrees={inspection.agreesWithModel} />
      </div>
      {inspection.note ? (
        <p className="inspection-item__note" data-testid="inspection-note">
          {inspection.note}
        </p>
      ) : null}
      <p className="inspection-item__meta">
        <span data-testid="inspection-inspector">{t('inspection.by', { name: inspection.inspector })}</span>
        {inspection.measurementBatch ? <span>{t('inspection.batch', { batch: inspection.measurementBatch })}</span> : null}
        <span title={i18n.formatDateTime(inspection.createdAt)}>
          {edited ? t('inspection.editedAt', { date: i18n.formatDateTime(inspection.updatedAt) }) : t('inspection.recordedAt', { date: i18n.formatDateTime(inspection.createdAt) })}
        </span>
      </p>
    </li>
  );
}
