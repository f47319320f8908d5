// Opaque pagination cursors: base64url JSON, validated when read back.
import { InvalidCursorError } from './errors.ts';

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Decodes a cursor and checks it with the guard; throws InvalidCursorError otherwise. */
export function decodeCursor<T>(cursor: string, guard: (v: unknown) => v is T): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!guard(value)) throw new InvalidCursorError();
  return value;
}

/** An offset cursor's value: a position in a ranked list. */
export function isOffset(v: unknown): v is { o: number } {
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isSafeInteger((v as { o: unknown }).o) &&
    (v as { o: number }).o >= 0
  );
}
