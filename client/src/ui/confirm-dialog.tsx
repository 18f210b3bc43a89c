import { useState } from 'react';
import { describeError } from '../api/api-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ModalDialog } from './modal-dialog.js';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  busyLabel: string;
  /** Text of a failure, in front of the server's detail. */
  failedText: (detail: string) => string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  danger?: boolean;
  testId?: string;
}

/** "Are you sure?" for an action that changes data; the action's error stays in the dialog. */
export function ConfirmDialog({ title, body, confirmLabel, busyLabel, failedText, onConfirm, onClose, danger = false, testId }: ConfirmDialogProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = () => {
    setBusy(true);
    setError(null);
    onConfirm()
      .then(() => onClose())
      .catch((e: unknown) => {
        setBusy(false);
        setError(failedText(describeError(e)));
      });
  };
  return (
    <ModalDialog title={title} onClose={onClose} size="narrow" testId={testId} busy={busy}>
      <p className="modal__text">{body}</p>
      {error ? (
        <p className="form-message form-message--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {t('edit.cancel')}
        </button>
        <button
          type="button"
          className={danger ? 'button button--danger' : 'button button--primary'}
          onClick={confirm}
          disabled={busy}
          data-testid={testId ? `${testId}-confirm` : undefined}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
