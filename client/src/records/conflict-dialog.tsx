import type { Operator } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ModalDialog } from '../ui/modal-dialog.js';
import { fieldLabel, fieldValueText, sameValue } from './record-value-text.js';

export interface ConflictDialogProps {
  /** The record the form was loaded from, the changes it tried to send and the record as it is now. */
  base: Record<string, unknown>;
  changes: Record<string, unknown>;
  current: Record<string, unknown>;
  baseVersion: number;
  currentVersion: number;
  /** The fields the form edits, in its order. */
  fields: readonly string[];
  operators: readonly Operator[];
  busy: boolean;
  error: string | null;
  onUseCurrent: () => void;
  onOverwrite: () => void;
}

/**
 * "Bản ghi đã được người khác thay đổi": the form's fields side by side, yours
 * against the record as saved meanwhile; keep theirs, or send yours on top.
 */
export function ConflictDialog(props: ConflictDialogProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { base, changes, current, fields, operators } = props;
  const rows = fields.map((key) => {
    const youChanged = key in changes;
    const mine = youChanged ? changes[key] : base[key];
    return {
      key,
      mine,
      now: current[key],
      youChanged,
      theyChanged: !sameValue(base[key], current[key]),
      differs: !sameValue(mine, current[key]),
    };
  });
  return (
    <ModalDialog title={t('conflict.title')} onClose={props.onUseCurrent} size="wide" testId="conflict-dialog" busy={props.busy}>
      <p className="modal__text">{t('conflict.intro', { base: String(props.baseVersion), current: String(props.currentVersion) })}</p>
      <div className="table-scroll table-scroll--modal">
        <table className="data-table data-table--plain compare-table" data-testid="conflict-table">
          <thead>
            <tr>
              <th scope="col">{t('conflict.field')}</th>
              <th scope="col">{t('conflict.mine')}</th>
              <th scope="col">{t('conflict.current')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.differs ? 'compare-table__row compare-table__row--differs' : 'compare-table__row'} data-testid="conflict-row" data-field={row.key} data-differs={row.differs}>
                <th scope="row">
                  {fieldLabel(i18n, row.key)}
                  {row.youChanged ? <span className="change-tag change-tag--mine">{t('conflict.youChanged')}</span> : null}
                  {row.theyChanged ? <span className="change-tag change-tag--theirs">{t('conflict.theyChanged')}</span> : null}
                </th>
                <td className="compare-table__value">{fieldValueText(i18n, row.key, row.mine, operators)}</td>
                <td className="compare-table__value">{fieldValueText(i18n, row.key, row.now, operators)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="modal__note">{t('conflict.legend')}</p>
      {props.error ? (
        <p className="form-message form-message--error" role="alert">
          {props.error}
        </p>
      ) : null}
      <div className="modal__actions">
        <button type="button" className="button" onClick={props.onUseCurrent} disabled={props.busy} title={t('conflict.useCurrentHint')} data-testid="conflict-use-current">
          {t('conflict.useCurrent')}
        </button>
        <button type="button" className="button button--primary" onClick={props.onOverwrite} disabled={props.busy} title={t('conflict.overwriteHint')} data-testid="conflict-overwrite">
          {props.busy ? t('edit.saving') : t('conflict.overwrite')}
        </button>
      </div>
    </ModalDialog>
  );
}
