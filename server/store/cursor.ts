// Opaque keyset cursors for listDocuments: the ingest sequence of the last item seen.
import { MAX_PAGE_LIMIT, StoreInputError } from './types.ts';

const PREFIX = 'd1:';

export function encodeCursor(ingestSeq: number): string {
  return Buffer.from(`${PREFIX}${ingestSeq}`, 'utf8').toString('base64url');
}

/** The ingest sequence a cursor stands for; throws StoreInputError on anything this store did not issue. */
export function decodeCursor(cursor: string): number {
  const decoded = /^[A-Za-z0-9_-]{1,64}$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8')
    : '';
  const match = /^d1:([1-9]\d{0,15})$/.exec(decoded);
  const seq = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(seq)) throw new StoreInputError(`invalid cursor "${cursor}"`);
  return seq;
}

export function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new StoreInputError(`limit must be an integer from 1 to ${MAX_PAGE_LIMIT}, got ${limit}`);
  }
}
