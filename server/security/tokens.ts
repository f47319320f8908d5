// Bearer tokens: parsing the Authorization header and comparing tokens without leaking timing.
import { createHash, timingSafeEqual } from 'node:crypto';

/** The token of an "Authorization: Bearer <token>" header, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer[ \t]+([!-~]+)[ \t]*$/i.exec(header);
  return m ? m[1]! : null;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Compares fixed-length digests so neither the token's length nor the position of the first
 * wrong character shows in the response time.
 */
export function tokensMatch(given: string | null, expected: string): boolean {
  return timingSafeEqual(digest(given ?? ''), digest(expected)) && given !== null;
}
