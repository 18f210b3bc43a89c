/**
 * PostgreSQL WAL positions ("16/B374D848": two hex halves of a 64-bit byte
 * offset), as the primary reports them (pg_current_wal_lsn) and a replica has
 * replayed them (pg_last_wal_replay_lsn). Read-your-writes compares the two.
 */
const lsnPattern = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i;

/** The position as a number, or null for anything that is not an LSN (a client's cookie is input). */
export function parseLsn(text: string | null | undefined): bigint | null {
  const match = lsnPattern.exec(text ?? '');
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}
