import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { describeError } from '../api/api-client.js';
import type { Indicator, IndicatorRegistry, IndicatorScope, IndicatorTarget, IndicatorUnitRef, ReportedValue } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ConflictDialog } from '../records/conflict-dialog.js';
import { fieldErrorsOf, versionConflictOf, type VersionConflict } from '../records/version-conflict.js';
import { FormField } from '../ui/form-field.js';
import { ModalDialog } from '../ui/modal-dialog.js';
import { fetchReportedValues, patchReportedValue, patchTarget, postReportedValue, postTarget } from './indicator-api.js';
import { parseWrittenNumber, storedFromWritten, writtenFromStored } from './indicator-formats.js';

// The planners' two small forms on a card: the target of the indicator (for the
// unit, or for every unit) and the reported figure of a period for the unit.
// Shares are written in percent (74,6) and sent divided by 100; the server's
// 4xx problem is shown inline; a stale version opens the register's conflict
// dialog (keep theirs, or write mine on top).

interface Draft {
  value: string;
  document: string;
  note: string;
}

/** The fields the conflict dialog compares, in the form's order. */
const conflictFields = ['value', 'document', 'note'] as const;

function draftOf(measure: Indicator['measure'], record: { value: number; document: string | null; note: string | null } | null): Draft {
  return record ? { value: String(writtenFromStored(measure, record.value)).replace('.', ','), document: record.document ?? '', note: record.note ?? '' } : { value: '', document: '', note: '' };
}

/** A record as the conflict dialog shows it: the value as written (percent for a share). */
function comparable(measure: Indicator['measure'], record: Record<string, unknown>): Record<string, unknown> {
  const value = typeof record.value === 'number' ? writtenFromStored(measure, record.value) : record.value;
  return { value, document: record.document ?? null, note: record.note ?? null };
}

interface PendingConflict extends VersionConflict {
  changes: Record<string, unknown>;
  baseVersion: number;
}

interface WriteState {
  busy: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  conflict: PendingConflict | null;
}

const idle: WriteState = { busy: false, error: null, fieldErrors: {}, conflict: null };

/** The server's message on a field goes once the field is edited (it spoke of the value sent, not of the one typed now). */
function withoutFieldError(state: WriteState, field: string): WriteState {
  if (!(field in state.fieldErrors)) return state;
  const rest = { ...state.fieldErrors };
  delete rest[field];
  return { ...state, fieldErrors: rest };
}

/**
 * What a form does with its write's answer: saved → close; a stale version of
 * an existing record → the conflict dialog with the changes typed; any other
 * refusal → the server's text and its field messages inline.
 */
function settleWrite(
  request: Promise<unknown>,
  setState: (state: WriteState) => void,
  onSaved: () => void,
  onConflict: Pick<PendingConflict, 'changes' | 'baseVersion'> | null,
): void {
  request
    .then(() => {
      setState(idle);
      onSaved();
    })
    .catch((error: unknown) => {
      const conflict = versionConflictOf(error);
      if (conflict && onConflict) {
        setState({ ...idle, conflict: { ...conflict, ...onConflict } });
        return;
      }
      setState({ ...idle, error: describeError(error), fieldErrors: fieldErrorsOf(error) });
    });
}

function numberProblem(t: ReturnType<typeof useI18n>['t'], text: string, share: boolean): string | null {
  if (text.trim() === '') return t('indicators.form.valueRequired');
  const written = parseWrittenNumber(text);
  if (written === null) return t('indicators.form.valueNotNumber');
  // The server checks the same (and its answer is shown when it refuses): said here before sending.
  if (share && written > 100) return t('indicators.form.shareOver100');
  return null;
}

interface FigureFieldsProps {
  indicator: Indicator;
  draft: Draft;
  setDraft: (draft: Draft) => void;
  valueError: string | undefined;
  documentError: string | undefined;
  noteError: string | undefined;
  /** The server's message on the value goes once the value is edited. */
  onValueEdited: () => void;
  valueTestId: string;
}

/** The value (a share in percent), its source document and a note: the same three fields in both forms. */
function FigureFields({ indicator, draft, setDraft, valueError, documentError, noteError, onValueEdited, valueTestId }: FigureFieldsProps) {
  const { t, lang } = useI18n();
  const share = indicator.measure === 'share';
  return (
    <>
      <FormField label={share ? t('indicators.form.valuePercent') : t('indicators.form.value', { unit: indicator.unitLabel[lang] })} hint={share ? t('indicators.form.percentHint') : undefined} error={valueError}>
        {({ id, describedBy, invalid }) => (
          <input id={id} className="text-input" inputMode="decimal" value={draft.value} onChange={(e) => {
              setDraft({ ...draft, value: e.target.value });
              onValueEdited();
            }} aria-describedby={describedBy} aria-invalid={invalid} data-autofocus data-testid={valueTestId} />
        )}
      </FormField>
      <FormField label={t('indicators.form.document')} hint={t('indicators.form.documentHint')} error={documentError} className="form-field--wide">
        {({ id, describedBy, invalid }) => (
          <input id={id} className="text-input" value={draft.document} maxLength={300} onChange={(e) => setDraft({ ...draft, document: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </FormField>
      <FormField label={t('recordField.note')} error={noteError} className="form-field--wide">
        {({ id, describedBy, invalid }) => (
          <textarea id={id} className="text-input text-input--area" value={draft.note} maxLength={2000} onChange={(e) => setDraft({ ...draft, note: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </FormField>
    </>
  );
}

interface TargetFormProps {
  indicator: Indicator;
  /** A unit, or all provinces (level 'all'), which take only the target set for every unit. */
  unit: IndicatorScope;
  registry: IndicatorRegistry | null;
  onClose: () => void;
  onSaved: () => void;
}

/** Mục tiêu: for this unit or (the province's plan) for every unit, by year. */
export function IndicatorTargetForm({ indicator, unit, registry, onClose, onSaved }: TargetFormProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const province = unit.level === 'province' || unit.level === 'all';
  const [scope, setScope] = useState<'unit' | 'all'>(province ? 'all' : 'unit');
  const [year, setYear] = useState(String(indicator.targetDetail?.year ?? 2025));
  const targets = registry?.indicators.find((d) => d.code === indicator.code)?.targets ?? [];
  const existing: IndicatorTarget | null = useMemo(
    () =>
      targets.find(
        (target) => String(target.year) === year.trim() && (scope === 'all' ? target.unit === null : target.unit?.code === unit.code && target.unit?.boundarySet === unit.boundarySet),
      ) ?? null,
    [targets, year, scope, unit],
  );
  const [draft, setDraft] = useState<Draft>(() => draftOf(indicator.measure, existing));
  const [state, setState] = useState<WriteState>(idle);
  const [submitted, setSubmitted] = useState(false);
  // Another year or scope with a target shows that target's figures; without one, what was typed stays.
  const existingKey = existing ? `${existing.id}:${existing.version}` : 'new';
  useEffect(() => setDraft(draftOf(indicator.measure, existing)), [existingKey]);

  const share = indicator.measure === 'share';
  const valueError = numberProblem(t, draft.value, share);
  const yearNumber = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : null;
  const yearError = yearNumber === null ? t('indicators.form.yearInvalid') : null;

  const send = (version: number | null) => {
    const written = parseWrittenNumber(draft.value);
    if (written === null || yearNumber === null) return;
    const value = storedFromWritten(indicator.measure, written);
    const document = draft.document.trim() || null;
    const note = draft.note.trim() || null;
    setState({ ...idle, busy: true });
    const request =
      existing && version !== null
        ? patchTarget(existing.id, { value, document, note }, version, lang)
        : postTarget({ indicator: indicator.code, year: yearNumber, value, document, note, ...(scope === 'unit' ? { unit: unit.code, boundarySet: unit.boundarySet } : {}) }, lang);
    settleWrite(request, setState, onSaved, existing ? { changes: { value: written, document, note }, baseVersion: version ?? existing.version } : null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (valueError || yearError) return;
    send(existing ? existing.version : null);
  };
  const shown = (field: string, own: string | null) => (submitted ? own : null) ?? state.fieldErrors[field] ?? undefined;

  return (
    <ModalDialog title={t('indicators.target.title', { indicator: indicator.name[lang] })} onClose={onClose} busy={state.busy} testId="indicator-target-form">
      <form className="indicator-form" onSubmit={submit} noValidate>
        <p className="modal__text">{existing ? t('indicators.target.editing', { version: String(existing.version), by: existing.updatedBy }) : t('indicators.target.new')}</p>
        {province ? (
          <p className="modal__note">{t('indicators.target.scopeAllProvince')}</p>
        ) : (
          <fieldset className="indicator-form__scope">
            <legend>{t('indicators.target.scope')}</legend>
            <label>
              <input type="radio" name="scope" checked={scope === 'unit'} onChange={() => setScope('unit')} data-testid="indicator-target-scope-unit" /> {t('indicators.target.scopeUnit', { unit: unit.name })}
            </label>
            <label>
              <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} data-testid="indicator-target-scope-all" /> {t('indicators.target.scopeAll')}
            </label>
          </fieldset>
        )}
        <div className="indicator-form__grid">
          <FormField label={t('indicators.form.year')} error={shown('year', yearError)}>
            {({ id, describedBy, invalid }) => (
              <input id={id} className="text-input" inputMode="numeric" value={year} onChange={(e) => {
                  setYear(e.target.value);
                  setState((prev) => withoutFieldError(prev, 'year'));
                }} aria-describedby={describedBy} aria-invalid={invalid} disabled={existing !== null && state.busy} data-testid="indicator-target-year" />
            )}
          </FormField>
          <FigureFields indicator={indicator} draft={draft} setDraft={setDraft} valueError={shown('value', valueError)} documentError={shown('document', null)} noteError={shown('note', null)} onValueEdited={() => setState((prev) => withoutFieldError(prev, 'value'))} valueTestId="indicator-target-value" />
        </div>
        {state.error ? (
          <p className="form-message form-message--error" role="alert" data-testid="indicator-form-error">
            {state.error}
          </p>
        ) : null}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose} disabled={state.busy}>
            {t('edit.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={state.busy} data-testid="indicator-target-save">
            {state.busy ? t('edit.saving') : t('edit.save')}
          </button>
        </div>
      </form>
      {state.conflict && existing ? (
        <ConflictDialog
          base={comparable(indicator.measure, existing as unknown as Record<string, unknown>)}
          changes={state.conflict.changes}
          current={comparable(indicator.measure, state.conflict.current)}
          baseVersion={state.conflict.baseVersion}
          currentVersion={state.conflict.currentVersion}
          fields={conflictFields}
          operators={[]}
          busy={state.busy}
          error={state.error}
          onUseCurrent={() => {
            setState(idle);
            // Theirs stays: the dashboard reads the registry again and the form closes.
            onSaved();
          }}
          onOverwrite={() => send(state.conflict?.currentVersion ?? null)}
        />
      ) : null}
    </ModalDialog>
  );
}

interface ReportedFormProps {
  indicator: Indicator;
  unit: IndicatorUnitRef;
  registry: IndicatorRegistry | null;
  /** The dashboard's period, else the card's latest reported one. */
  period: string;
  onClose: () => void;
  onSaved: () => void;
}

/** Số liệu báo cáo: the figure of one period for the unit, from a source document. */
export function IndicatorReportedForm({ indicator, unit, registry, period: initialPeriod, onClose, onSaved }: ReportedFormProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [period, setPeriod] = useState(initialPeriod);
  const [existing, setExisting] = useState<ReportedValue | null>(null);
  const [loading, setLoading] = useState(true);
  const [draft, setDraft] = useState<Draft>(draftOf(indicator.measure, null));
  const [state, setState] = useState<WriteState>(idle);
  const [submitted, setSubmitted] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    fetchReportedValues({ indicator: indicator.code, boundarySet: unit.boundarySet, unit: unit.code, period }, lang)
      .then((values) => {
        if (!live) return;
        const found = values.find((v) => v.period === period && v.unit.code === unit.code) ?? null;
        setExisting(found);
        setDraft(draftOf(indicator.measure, found));
      })
      .catch((error: unknown) => live && setState({ ...idle, error: describeError(error) }))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [indicator.code, indicator.measure, unit.boundarySet, unit.code, period, lang, reloads]);

  const share = indicator.measure === 'share';
  const valueError = numberProblem(t, draft.value, share);
  const send = (version: number | null) => {
    const written = parseWrittenNumber(draft.value);
    if (written === null) return;
    const value = storedFromWritten(indicator.measure, written);
    const document = draft.document.trim() || null;
    const note = draft.note.trim() || null;
    setState({ ...idle, busy: true });
    const request =
      existing && version !== null
        ? patchReportedValue(existing.id, { value, document, note }, version, lang)
        : postReportedValue({ indicator: indicator.code, period, boundarySet: unit.boundarySet, unit: unit.code, value, document, note }, lang);
    settleWrite(request, setState, onSaved, existing ? { changes: { value: written, document, note }, baseVersion: version ?? existing.version } : null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (valueError || loading) return;
    send(existing ? existing.version : null);
  };
  const shown = (field: string, own: string | null) => (submitted ? own : null) ?? state.fieldErrors[field] ?? undefined;
  const periods = registry?.periods ?? [];

  return (
    <ModalDialog title={t('indicators.reported.title', { indicator: indicator.name[lang], unit: unit.name })} onClose={onClose} busy={state.busy} testId="indicator-reported-form">
      <form className="indicator-form" onSubmit={submit} noValidate>
        <p className="modal__text">
          {loading ? t('indicators.loading') : existing ? t('indicators.reported.editing', { version: String(existing.version), by: existing.updatedBy, source: existing.source }) : t('indicators.reported.new')}
        </p>
        <div className="indicator-form__grid">
          <FormField label={t('indicators.period')} error={shown('period', null)}>
            {({ id, describedBy, invalid }) => (
              <select id={id} className="select-input" value={period} onChange={(e) => {
                  setPeriod(e.target.value);
                  setState((prev) => withoutFieldError(prev, 'period'));
                }} aria-describedby={describedBy} aria-invalid={invalid} data-testid="indicator-reported-period">
                {periods.some((p) => p.code === period) ? null : <option value={period}>{period}</option>}
                {periods.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.label[lang]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FigureFields indicator={indicator} draft={draft} setDraft={setDraft} valueError={shown('value', valueError)} documentError={shown('document', null)} noteError={shown('note', null)} onValueEdited={() => setState((prev) => withoutFieldError(prev, 'value'))} valueTestId="indicator-reported-value" />
        </div>
        {state.error ? (
          <p className="form-message form-message--error" role="alert" data-testid="indicator-form-error">
            {state.error}
          </p>
        ) : null}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose} disabled={state.busy}>
            {t('edit.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={state.busy || loading} data-testid="indicator-reported-save">
            {state.busy ? t('edit.saving') : t('edit.save')}
          </button>
        </div>
      </form>
      {state.conflict && existing ? (
        <ConflictDialog
          base={comparable(indicator.measure, existing as unknown as Record<string, unknown>)}
          changes={state.conflict.changes}
          current={comparable(indicator.measure, state.conflict.current)}
          baseVersion={state.conflict.baseVersion}
          currentVersion={state.conflict.currentVersion}
          fields={conflictFields}
          operators={[]}
          busy={state.busy}
          error={state.error}
          onUseCurrent={() => {
            setState(idle);
            setReloads((n) => n + 1);
          }}
          onOverwrite={() => send(state.conflict?.currentVersion ?? null)}
        />
      ) : null}
    </ModalDialog>
  );
}
