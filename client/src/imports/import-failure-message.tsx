import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import type { ImportFailure } from './import-run-state.js';

interface Props {
  failure: ImportFailure;
  testId: string;
}

const prefixes = {
  upload: 'import.uploadFailed',
  'dry-run': 'import.dryRunFailed',
  commit: 'import.commitFailed',
  cancel: 'import.cancelFailed',
  progress: 'import.progressFailed',
} as const;

/** A refused request, in the server's words (translated), with its field or row messages and the reassurance that nothing was written. */
export function ImportFailureMessage({ failure, testId }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  // The panel scrolls: a refusal below the button pressed is brought into view.
  useEffect(() => {
    // Braces: newer browsers answer scrollIntoView with a promise, which React would take for a cleanup.
    void ref.current?.scrollIntoView({ block: 'nearest' });
  }, [failure]);
  return (
    <div ref={ref} className="form-message form-message--error import-failure" role="alert" data-testid={testId}>
      <p>{t(prefixes[failure.during], { detail: failure.message })}</p>
      {failure.details.length > 0 ? (
        <ul className="import-failure__details">
          {failure.details.slice(0, 8).map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      ) : null}
      {failure.during === 'cancel' || failure.during === 'progress' ? null : <p className="import-failure__note">{t('import.nothingWritten')}</p>}
    </div>
  );
}
