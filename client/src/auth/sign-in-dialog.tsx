import { useI18n } from '../i18n/i18n-context.js';
import { ModalDialog } from '../ui/modal-dialog.js';
import { SignInForm } from './sign-in-form.js';
import type { SignInReason } from './use-session.js';

/** The sign-in dialog over the map: asked for from the header, or brought back when a session ended. */
export function SignInDialog({ reason, onClose }: { reason: SignInReason; onClose: () => void }) {
  const { t } = useI18n();
  const notice = reason === 'expired' ? t('auth.expiredNotice') : reason === 'required' ? t('auth.requiredNotice') : null;
  return (
    <ModalDialog title={t('auth.signInTitle')} onClose={onClose} size="narrow" testId="sign-in-dialog">
      <SignInForm notice={notice} onCancel={onClose} />
    </ModalDialog>
  );
}
