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
