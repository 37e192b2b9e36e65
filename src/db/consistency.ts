import { badInput } from '../errors';

/**
 * The consistency token is a PostgreSQL WAL position (LSN) in PostgreSQL's own text form, `16/B374D848`:
 * a position on the primary's WAL that the response reflects. Comparing two tokens compares positions;
 * a replica can serve a request once `pg_last_wal_replay_lsn()` is at or past the request's token.
 */
export type Lsn = bigint;

export const CONSISTENCY_HEADER = 'spotter-consistency';

const LSN_TEXT = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;

/** The LSN of PostgreSQL's `X/Y` text, or null when it is not one. */
export function parseLsn(text: string): Lsn | null {
  const match = LSN_TEXT.exec(text.trim());
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function formatLsn(lsn: Lsn): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** The `Spotter-Consistency` header's position; null when absent; BAD_USER_INPUT when malformed. */
export function tokenFromHeader(value: string | null | undefined): Lsn | null {
  if (value == null || value.trim() === '') return null;
  const lsn = parseLsn(value);
  if (lsn === null) {
    throw badInput('Spotter-Consistency must be a token from a previous response’s extensions.consistency');
  }
  return lsn;
}

export const maxLsn = (a: Lsn, b: Lsn | null): Lsn => (b !== null && b > a ? b : a);
