import { useEffect, useState, type FormEvent } from 'react';
import { describeError } from '../api/api-client.js';
import { patchInspection, postInspection } from '../api/inspection-api.js';
import { groupLabel, operatorChoiceLabel } from '../coverage/coverage-labels.js';
import { VerdictBadge } from '../coverage/verdict-badge.js';
import { dayText, isoDay, vietnamToday } from '../domain/calendar-day.js';
import type { Inspection, InspectionCreate, Operator, TechnologyGroup, Verdict } from '../domain/contract-types.js';
import { anyOperator, isOneOf, technologyGroupValues, verdictValues } from '../domain/enum-values.js';
import { useI18n, type I18n } from '../i18n/i18n-context.js';
import { radioOperators } from '../map/operator-colours.js';
import { ConflictDialog } from '../records/conflict-dialog.js';
import { changedValues } from '../records/record-draft.js';
import { fieldErrorsOf, versionConflictOf } from '../records/version-conflict.js';
import type { PendingConflict } from '../records/use-record-save.js';
import { FormField } from '../ui/form-field.js';
import { AgreementMark } from './inspection-agreement.js';

/** The fields of the form, in its order: also the rows of the conflict dialog. */
const formFields = ['inspectedOn', 'operator', 'technologyGroup', 'observedVerdict', 'measurementBatch', 'note'] as const;
type FormFieldKey = (typeof formFields)[number];
type Draft = Record<FormFieldKey, string>;

// The limits of inspectionCreateSchema (server/src/contracts/inspection-contracts.ts).
const noteMaxLength = 2000;
const batchMaxLength = 100;

export interface InspectionFormProps {
  hamletCode: string;
  /** The inspection edited (its version is the one the write names); absent for a new one. */
  base?: Inspection | undefined;
  operators: readonly Operator[];
  /** The operator and group a new inspection starts on (the coverage choice on screen). */
  initialOperator: string;
  initialGroup: TechnologyGroup;
  /** The model's verdict of this hamlet for an operator and group, shown beside the observed one; null when it has none. */
  modelVerdictOf: (operator: string, group: TechnologyGroup) => Verdict | null;
  onSaved: (inspection: Inspection, created: boolean) => void;
  onCancel: () => void;
  /** "Dùng bản hiện tại" after a conflict: drop the form and show the inspection as saved meanwhile. */
  onDiscard: () => void;
}

function initialDraft(base: Inspection | undefined, operator: string, group: TechnologyGroup): Draft {
  return {
    inspectedOn: dayText(base?.inspectedOn ?? vietnamToday()),
    operator: base?.operator ?? operator,
    technologyGroup: base?.technologyGroup ?? group,
    observedVerdict: base?.observedVerdict ?? '',
    measurementBatch: base?.measurementBatch ?? '',
    note: base?.note ?? '',
  };
}

interface ParsedDraft {
  values: InspectionCreate | null;
  errors: Partial<Record<FormFieldKey, string>>;
}

/** The typed text read back into the write's values, with what the server would refuse caught first. */
function parseDraft(draft: Draft, i18n: I18n): ParsedDraft {
  const { t } = i18n;
  const errors: ParsedDraft['errors'] = {};
  const day = isoDay(draft.inspectedOn);
  if (day === '') errors.inspectedOn = t('edit.required');
  else if (day === null) errors.inspectedOn = t('audit.dateFormat');
  else if (day > vietnamToday()) errors.inspectedOn = t('inspection.dateFuture');
  if (!isOneOf(verdictValues, draft.observedVerdict)) errors.observedVerdict = t('inspection.verdictRequired');
  const group = isOneOf(technologyGroupValues, draft.technologyGroup) ? draft.technologyGroup : null;
  if (!group) errors.technologyGroup = t('edit.required');
  if (Object.keys(errors).length > 0 || !day || !group || !isOneOf(verdictValues, draft.observedVerdict)) return { values: null, errors };
  const note = draft.note.trim();
  const batch = draft.measurementBatch.trim();
  return {
    values: {
      inspectedOn: day,
      operator: draft.operator,
      technologyGroup: group,
      observedVerdict: draft.observedVerdict,
      note: note === '' ? null : note.slice(0, noteMaxLength),
      measurementBatch: batch === '' ? null : batch.slice(0, batchMaxLength),
    },
    errors,
  };
}

/**
 * A new inspection (POST), or the author's edit of one (PATCH with If-Match):
 * the date typed dd/mm/yyyy (today in Việt Nam to start with), operator or
 * "Mọi nhà mạng", technology group, the verdict found on the ground beside the
 * model's, a note and the measurement batch it rests on. The server's
 * field-level errors are shown at their fields; a stale version opens the
 * conflict dialog.
 */
export function InspectionForm(props: InspectionFormProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { base, operators } = props;
  const [initial] = useState(() => initialDraft(base, props.initialOperator, props.initialGroup));
  const [draft, setDraft] = useState<Draft>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** "Chưa có thay đổi nào" after saving an unchanged edit, until the next keystroke. */
  const [unchangedShown, setUnchangedShown] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<PendingConflict | null>(null);

  const parsed = parseDraft(draft, i18n);
  const baseRecord = base as unknown as Record<string, unknown> | undefined;
  const changes = parsed.values && baseRecord ? changedValues(parsed.values, baseRecord) : {};
  const dirty = formFields.some((key) => draft[key] !== initial[key]);

  // Leaving the page (reload, closing the tab) with a half-written inspection asks first.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const send = (write: () => Promise<Inspection>, retry: { changes: Record<string, unknown>; version: number } | null) => {
    setSaving(true);
    setError(null);
    setServerErrors({});
    write()
      .then((saved) => {
        setConflict(null);
        props.onSaved(saved, !base);
      })
      .catch((e: unknown) => {
        const found = retry ? versionConflictOf(e) : null;
        if (found && retry) {
          setConflict({ ...found, changes: retry.changes, baseVersion: retry.version });
          return;
        }
        setConflict(null);
        setError(describeError(e));
        setServerErrors(fieldErrorsOf(e));
      })
      .finally(() => setSaving(false));
  };

  const update = (changed: Record<string, unknown>, version: number) =>
    send(() => patchInspection(base!.id, changed, version, lang), { changes: changed, version });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!parsed.values) return;
    if (base && Object.keys(changes).length === 0) {
      setUnchangedShown(true);
      return;
    }
    const values = parsed.values;
    if (base) update(changes, base.version);
    else send(() => postInspection(props.hamletCode, values, lang), null);
  };

  const shownErrors: Record<string, string | undefined> = { ...(submitted ? parsed.errors : {}), ...serverErrors };
  const set = (key: FormFieldKey) => (text: string) => {
    setUnchangedShown(false);
    setDraft((d) => ({ ...d, [key]: text }));
  };
  // Said while the form still holds errors, not after they are mended.
  const message = submitted && !parsed.values ? t('edit.fixErrors') : unchangedShown ? t('edit.noChanges') : null;
  const changedKeys = new Set(base ? Object.keys(changes) : []);
  const operatorChoices = [anyOperator, ...radioOperators(operators).map((o) => o.code)];
  // An inspection of an operator no longer listed keeps its code as a choice.
  if (!operatorChoices.includes(draft.operator)) operatorChoices.push(draft.operator);
  const group = isOneOf(technologyGroupValues, draft.technologyGroup) ? draft.technologyGroup : null;
  const model = group ? props.modelVerdictOf(draft.operator, group) : null;
  const observed = isOneOf(verdictValues, draft.observedVerdict) ? draft.observedVerdict : null;
  const testId = (key: FormFieldKey) => `inspection-form-${key}`;

  return (
    <form className="record-form inspection-form" onSubmit={submit} noValidate data-testid="inspection-form">
      <header className="record-form__header">
        <h3 className="record-form__title">{base ? t('inspection.formTitleEdit', { date: dayText(base.inspectedOn) }) : t('inspection.formTitleNew')}</h3>
        {base ? (
          <p className="record-form__version" data-testid="record-version">
            {t('edit.version', { version: String(base.version), date: i18n.formatDateTime(base.updatedAt) })}
          </p>
        ) : null}
      </header>
      <div className="record-form__grid">
        <FormField label={t('recordField.inspectedOn')} hint={t('inspection.dateHint')} error={shownErrors.inspectedOn} changed={changedKeys.has('inspectedOn')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="text-input"
              inputMode="numeric"
              placeholder={t('audit.datePlaceholder')}
              value={draft.inspectedOn}
              maxLength={10}
              onChange={(e) => set('inspectedOn')(e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              data-testid={testId('inspectedOn')}
            />
          )}
        </FormField>
        <FormField label={t('recordField.operator')} error={shownErrors.operator} changed={changedKeys.has('operator')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} className="select-input" value={draft.operator} onChange={(e) => set('operator')(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid={testId('operator')}>
              {operatorChoices.map((code) => (
                <option key={code} value={code}>
                  {operatorChoiceLabel(t, code, operators)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('recordField.technologyGroup')} error={shownErrors.technologyGroup} changed={changedKeys.has('technologyGroup')}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              className="select-input"
              value={draft.technologyGroup}
              onChange={(e) => set('technologyGroup')(e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              data-testid={testId('technologyGroup')}
            >
              {technologyGroupValues.map((g) => (
                <option key={g} value={g}>
                  {groupLabel(t, g, true)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('recordField.observedVerdict')} error={shownErrors.observedVerdict} changed={changedKeys.has('observedVerdict')}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              className="select-input"
              value={draft.observedVerdict}
              onChange={(e) => set('observedVerdict')(e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              data-testid={testId('observedVerdict')}
            >
              {observed ? null : <option value="">{t('inspection.chooseVerdict')}</option>}
              {verdictValues.map((v) => (
                <option key={v} value={v}>
                  {t(`verdict.${v}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <p className="inspection-form__model form-field--wide" data-testid="inspection-form-model" aria-live="polite">
          <span title={`${operatorChoiceLabel(t, draft.operator, operators)} · ${group ? groupLabel(t, group, true) : ''}`}>{t('inspection.modelNow')}</span>{' '}
          {model ? <VerdictBadge verdict={model} /> : <span className="inspection-agreement inspection-agreement--unknown">{t('inspection.noModel')}</span>}
          {model && observed ? (
            <>
              {' '}
              <AgreementMark agrees={model === observed} />
            </>
          ) : null}
        </p>
        <FormField label={t('inspection.batchLabel')} hint={t('inspection.batchHint')} error={shownErrors.measurementBatch} changed={changedKeys.has('measurementBatch')} className="form-field--wide">
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="text-input"
              value={draft.measurementBatch}
              maxLength={batchMaxLength}
              onChange={(e) => set('measurementBatch')(e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              data-testid={testId('measurementBatch')}
            />
          )}
        </FormField>
        <FormField label={t('recordField.note')} error={shownErrors.note} changed={changedKeys.has('note')} className="form-field--wide">
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              className="text-input text-input--area"
              rows={3}
              value={draft.note}
              maxLength={noteMaxLength}
              placeholder={t('inspection.notePlaceholder')}
              onChange={(e) => set('note')(e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              data-testid={testId('note')}
            />
          )}
        </FormField>
      </div>
      {message ? (
        <p className={parsed.values ? 'form-message' : 'form-message form-message--error'} role="status">
          {message}
        </p>
      ) : null}
      {error && !conflict ? (
        <p className="form-message form-message--error" role="alert" data-testid="inspection-save-error">
          {t('edit.failed', { detail: error })}
        </p>
      ) : null}
      <div className="record-form__actions">
        <span className="record-form__spacer" />
        <button type="button" className="button" onClick={props.onCancel} disabled={saving} data-testid="inspection-cancel">
          {t('edit.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving} data-testid="inspection-save">
          {saving && !conflict ? t('edit.saving') : base ? t('edit.save') : t('inspection.save')}
        </button>
      </div>
      {conflict && baseRecord ? (
        <ConflictDialog
          base={baseRecord}
          changes={conflict.changes}
          current={conflict.current}
          baseVersion={conflict.baseVersion}
          currentVersion={conflict.currentVersion}
          fields={formFields}
          operators={operators}
          busy={saving}
          error={error}
          onUseCurrent={() => {
            setConflict(null);
            props.onDiscard();
          }}
          onOverwrite={() => update(conflict.changes, conflict.currentVersion)}
        />
      ) : null}
    </form>
  );
}
