import { useCallback, useState } from 'react';
import { describeError } from '../api/api-client.js';
import type { RegisterEntity } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import { patchRecord, type RecordByEntity } from '../api/record-api.js';
import { fieldErrorsOf, versionConflictOf, type VersionConflict } from './version-conflict.js';

export interface PendingConflict extends VersionConflict {
  /** What this form tried to send, and the version it was based on. */
  changes: Record<string, unknown>;
  baseVersion: number;
}

export interface RecordSave {
  saving: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  conflict: PendingConflict | null;
  save(changes: Record<string, unknown>, version: number): void;
  /** Sends the same changes again on top of the version that won. */
  overwrite(): void;
  dismissConflict(): void;
}

/** PATCH of one register record with its version; a stale version becomes a conflict to resolve, not an error. */
export function useRecordSave<E extends RegisterEntity>(entity: E, code: string, lang: Lang, onSaved: (record: RecordByEntity[E]) => void): RecordSave {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<PendingConflict | null>(null);

  const save = useCallback(
    (changes: Record<string, unknown>, version: number) => {
      setSaving(true);
      setError(null);
      setFieldErrors({});
      patchRecord(entity, code, changes, version, lang)
        .then((record) => {
          setConflict(null);
          onSaved(record);
        })
        .catch((e: unknown) => {
          const found = versionConflictOf(e);
          if (found) {
            setConflict({ ...found, changes, baseVersion: version });
            return;
          }
          setConflict(null);
          setError(describeError(e));
          setFieldErrors(fieldErrorsOf(e));
        })
        .finally(() => setSaving(false));
    },
    [entity, code, lang, onSaved],
  );

  const overwrite = useCallback(() => {
    if (conflict) save(conflict.changes, conflict.currentVersion);
  }, [conflict, save]);
  const dismissConflict = useCallback(() => setConflict(null), []);

  return { saving, error, fieldErrors, conflict, save, overwrite, dismissConflict };
}
