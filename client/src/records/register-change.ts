import type { RegisterEntity } from '../domain/contract-types.js';

/**
 * A write this tab made to the register (or learned of through a conflict):
 * the map reloads the register layers, the coverage derived from them and the
 * open detail; a deletion can be undone from the notice.
 */
export interface RegisterChange {
  entity: RegisterEntity;
  code: string;
  action: 'update' | 'delete' | 'restore' | 'reload';
  /** The record's version after the write (a restore names it). */
  version: number;
}

/** What an edit form reports, wired for an inspector that shows one record and leaves the form after a save or a discard. */
export interface RecordFormCallbacks {
  onCancel: () => void;
  onSaved: (record: { code: string; version: number }) => void;
  onDeleted: (record: { code: string; version: number }) => void;
  onDiscard: () => void;
}

export function recordFormCallbacks(
  entity: RegisterEntity,
  code: string,
  onRegisterChanged: (change: RegisterChange) => void,
  stopEditing: () => void,
): RecordFormCallbacks {
  return {
    onCancel: stopEditing,
    onSaved: (record) => {
      stopEditing();
      onRegisterChanged({ entity, code: record.code, action: 'update', version: record.version });
    },
    onDeleted: (record) => onRegisterChanged({ entity, code: record.code, action: 'delete', version: record.version }),
    // The record changed under the form: show it as it is now.
    onDiscard: () => {
      stopEditing();
      onRegisterChanged({ entity, code, action: 'reload', version: 0 });
    },
  };
}
