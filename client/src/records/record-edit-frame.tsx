import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { deleteRecord, type RecordByEntity } from '../api/record-api.js';
import type { Operator, RegisterEntity } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { ConflictDialog } from './conflict-dialog.js';
import { useRecordSave } from './use-record-save.js';

export interface RecordEditFrameProps<E extends RegisterEntity> {
  entity: E;
  code: string;
  title: string;
  /** "vị trí trạm", "BTS", "tuyến cáp quang": in the delete question. */
  kindLabel: string;
  /** The record the form was loaded from (its version is the one every write names). */
  base: Record<string, unknown> & { version: number; updatedAt: string };
  /** The edited fields, in form order: the rows of the conflict dialog. */
  fields: readonly string[];
  operators: readonly Operator[];
  /** The changes the form holds now, and the fields it cannot read. */
  changes: Record<string, unknown>;
  errors: Record<string, string>;
  notes?: readonly string[];
  deleteNote?: string;
  /** The fields; receives the messages to show under them (the form's own, then the server's). */
  children: (fieldErrors: Record<string, string>) => ReactNode;
  onCancel: () => void;
  onSaved: (record: RecordByEntity[E]) => void;
  onDeleted: (record: RecordByEntity[E]) => void;
  /** "Use the current version": drop the form and show the record as saved by the other person. */
  onDiscard: () => void;
}

/** An edit form's frame: title, version, save with version check, conflict resolution, delete with confirmation. */
export function RecordEditFrame<E extends RegisterEntity>(props: RecordEditFrameProps<E>) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { entity, code, base, changes, errors } = props;
  const save = useRecordSave(entity, code, lang, props.onSaved);
  const [submitted, setSubmitted] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const changedCount = Object.keys(changes).length;
  const invalid = Object.keys(errors).length > 0;

  // Leaving the page (reload, closing the tab) with unsaved changes asks first.
  useEffect(() => {
    if (changedCount === 0) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [changedCount]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (invalid) {
      setMessage(t('edit.fixErrors'));
      return;
    }
    if (changedCount === 0) {
      setMessage(t('edit.noChanges'));
      return;
    }
    setMessage(null);
    save.save(changes, base.version);
  };

  const shownErrors = { ...(submitted ? errors : {}), ...save.fieldErrors };
  return (
    <form className="record-form" onSubmit={submit} noValidate data-testid={`${entity}-edit-form`}>
      <header className="record-form__header">
        <h3 className="record-form__title">{props.title}</h3>
        <p className="record-form__version" data-testid="record-version">
          {t('edit.version', { version: String(base.version), date: i18n.formatDateTime(base.updatedAt) })}
        </p>
      </header>
      <div className="record-form__grid">{props.children(shownErrors)}</div>
      {(props.notes ?? []).map((note) => (
        <p key={note} className="record-form__note">
          {note}
        </p>
      ))}
      {message ? (
        <p className={invalid ? 'form-message form-message--error' : 'form-message'} role="status">
          {message}
        </p>
      ) : null}
      {save.error && !save.conflict ? (
        <p className="form-message form-message--error" role="alert" data-testid="record-save-error">
          {t('edit.failed', { detail: save.error })}
        </p>
      ) : null}
      <div className="record-form__actions">
        <button type="button" className="button button--danger-outline" onClick={() => setDeleting(true)} disabled={save.saving} data-testid="record-delete">
          {t('edit.delete')}
        </button>
        <span className="record-form__spacer" />
        <span className="record-form__changed" aria-live="polite">
          {changedCount > 0 ? t('edit.changedCount', { count: changedCount }) : ''}
        </span>
        <button type="button" className="button" onClick={props.onCancel} disabled={save.saving} data-testid="record-cancel">
          {t('edit.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={save.saving} data-testid="record-save">
          {save.saving && !save.conflict ? t('edit.saving') : t('edit.save')}
        </button>
      </div>
      {save.conflict ? (
        <ConflictDialog
          base={base}
          changes={save.conflict.changes}
          current={save.conflict.current}
          baseVersion={save.conflict.baseVersion}
          currentVersion={save.conflict.currentVersion}
          fields={props.fields}
          operators={props.operators}
          busy={save.saving}
          error={save.error}
          onUseCurrent={() => {
            save.dismissConflict();
            props.onDiscard();
          }}
          onOverwrite={save.overwrite}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('delete.title', { kind: props.kindLabel, code })}
          body={[t('delete.body'), props.deleteNote].filter(Boolean).join(' ')}
          confirmLabel={t('delete.confirm')}
          busyLabel={t('delete.deleting')}
          failedText={(detail) => t('delete.failed', { detail })}
          danger
          testId="record-delete-dialog"
          onConfirm={() => deleteRecord(entity, code, base.version, lang).then(props.onDeleted)}
          onClose={() => setDeleting(false)}
        />
      ) : null}
    </form>
  );
}
