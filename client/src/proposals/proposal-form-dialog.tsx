import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../api/api-client.js';
import { submitProposal } from '../api/proposal-api.js';
import type { Meta, Proposal, StructureType } from '../domain/contract-types.js';
import { structureTypeValues } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import { OperatorLabel } from '../inspector/operator-label.js';
import { lonLat } from '../inspector/value-formats.js';
import { fieldErrorsOf } from '../records/version-conflict.js';
import { FormField } from '../ui/form-field.js';
import { ModalDialog } from '../ui/modal-dialog.js';
import { TechnologyBandFields } from '../coverage/technology-band-fields.js';
import { draftProblems, submitBody, type ProposalDraft } from './proposal-draft.js';

interface Props {
  meta: Meta;
  /** Prefilled from a candidate, the point asked about or a site-planner pick. */
  initial: ProposalDraft;
  onClose: () => void;
  onSubmitted: (proposal: Proposal) => void;
}

// The limit of proposalSubmitSchema's texts (server/src/contracts/proposal-contracts.ts).
const textMaxLength = 4000;

/** The operator's submission (tờ trình): co-location on a structure, or a new site at a point, with the radio it would mount. */
export function ProposalFormDialog({ meta, initial, onClose, onSubmitted }: Props) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [draft, setDraft] = useState<ProposalDraft>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const problems = draftProblems(draft);
  const shown: Record<string, string | undefined> = {
    ...(submitted ? Object.fromEntries(Object.entries(problems).map(([key, messageKey]) => [key, t(messageKey)])) : {}),
    ...serverErrors,
  };
  const newSite = draft.kind === 'new_site';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    setSending(true);
    setError(null);
    setServerErrors({});
    submitProposal(submitBody(draft), lang)
      .then(onSubmitted)
      .catch((e: unknown) => {
        const fields = fieldErrorsOf(e);
        setServerErrors(fields);
        // Field messages stand under their fields; the detail says what the whole answer means (e.g. 422: a candidate with room exists).
        setError(e instanceof ApiError && e.problem ? e.problem.detail || e.problem.title : describeError(e));
      })
      .finally(() => setSending(false));
  };

  const title = newSite ? t('proposalForm.titleNewSite') : t('proposalForm.titleColocation', { site: draft.siteCode ?? t('colocation.inferredSite') });
  return (
    <ModalDialog title={title} onClose={onClose} busy={sending} testId="proposal-form">
      <form className="proposal-form" onSubmit={submit} noValidate>
        <p className="modal__text">{t(newSite ? 'proposalForm.introNewSite' : 'proposalForm.introColocation')}</p>
        <dl className="proposal-form__facts">
          <div>
            <dt>{t('recordField.operator')}</dt>
            <dd>
              <OperatorLabel code={draft.operator} operators={meta.operators} />
            </dd>
          </div>
          <div>
            <dt>{t('proposal.location')}</dt>
            <dd>
              {lonLat(i18n, draft.lon, draft.lat)}
              {!newSite && draft.siteKey ? ` · ${draft.siteCode ?? draft.siteKey}` : ''}
            </dd>
          </div>
        </dl>
        <div className="record-form__grid">
          {newSite ? (
            <>
              <FormField label={t('recordField.structureType')} error={shown.structureType}>
                {({ id, describedBy, invalid }) => (
                  <select
                    id={id}
                    className="select-input"
                    value={draft.structureType}
                    onChange={(e) => setDraft({ ...draft, structureType: e.target.value as StructureType })}
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                    data-testid="proposal-structure"
                  >
                    {structureTypeValues.map((s) => (
                      <option key={s} value={s}>
                        {t(`structure.${s}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField label={t('edit.heightM')} error={shown.heightM}>
                {({ id, describedBy, invalid }) => (
                  <input
                    id={id}
                    className="text-input"
                    type="number"
                    min={1}
                    max={300}
                    step={0.5}
                    value={draft.heightM}
                    onChange={(e) => setDraft({ ...draft, heightM: Number(e.target.value) })}
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                    data-testid="proposal-height"
                  />
                )}
              </FormField>
            </>
          ) : null}
          <div className="proposal-form__radio form-field--wide">
            <TechnologyBandFields
              technology={draft.radio.technology}
              bandMHz={draft.radio.bandMHz}
              testIdPrefix="proposal"
              onChange={(technology, bandMHz) => setDraft({ ...draft, radio: { ...draft.radio, technology, bandMHz } })}
            />
            <label className="field">
              <span className="field__label">{t('whatIf.antennaHeight')}</span>
              <input
                type="number"
                min={1}
                max={300}
                step={0.5}
                value={draft.radio.antennaHeightM}
                onChange={(e) => setDraft({ ...draft, radio: { ...draft.radio, antennaHeightM: Number(e.target.value) } })}
                data-testid="proposal-antenna"
              />
            </label>
          </div>
          {shown.radio ? (
            <p className="form-field__error form-field--wide" role="alert">
              {shown.radio}
            </p>
          ) : null}
          {newSite ? (
            <FormField
              className="form-field--wide"
              label={t('proposalForm.justification')}
              hint={
                draft.candidatesWithRoom > 0
                  ? t('proposalForm.justificationHintRequired', { count: draft.candidatesWithRoom, radius: i18n.formatNumber(draft.searchRadiusM ?? 0) })
                  : t('proposalForm.justificationHintOptional')
              }
              error={shown.justification}
            >
              {({ id, describedBy, invalid }) => (
                <textarea
                  id={id}
                  className="text-input text-area"
                  rows={3}
                  maxLength={textMaxLength}
                  value={draft.justification}
                  onChange={(e) => setDraft({ ...draft, justification: e.target.value })}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  data-testid="proposal-justification"
                />
              )}
            </FormField>
          ) : null}
          <FormField className="form-field--wide" label={t('proposalForm.note')} error={shown.note}>
            {({ id, describedBy, invalid }) => (
              <textarea
                id={id}
                className="text-input text-area"
                rows={2}
                maxLength={textMaxLength}
                value={draft.note}
                placeholder={t('proposalForm.notePlaceholder')}
                onChange={(e) => setDraft({ ...draft, note: e.target.value })}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                data-testid="proposal-note"
              />
            )}
          </FormField>
        </div>
        {error ? (
          <p className="form-message form-message--error" role="alert" data-testid="proposal-form-error">
            {t('proposalForm.failed', { detail: error })}
          </p>
        ) : submitted && Object.keys(problems).length > 0 ? (
          <p className="form-message form-message--error" role="alert">
            {t('edit.fixErrors')}
          </p>
        ) : null}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose} disabled={sending}>
            {t('edit.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={sending} data-testid="proposal-submit">
            {sending ? t('proposalForm.sending') : t('proposalForm.submit')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** The form for `draft` while there is one; `onClose` ends the draft, also once it is submitted. */
export function ProposalDraftDialog({ meta, draft, onClose, onSubmitted }: Omit<Props, 'initial'> & { draft: ProposalDraft | null }) {
  if (!draft) return null;
  return (
    <ProposalFormDialog
      meta={meta}
      initial={draft}
      onClose={onClose}
      onSubmitted={(proposal) => {
        onClose();
        onSubmitted(proposal);
      }}
    />
  );
}
