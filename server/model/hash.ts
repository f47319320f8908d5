// Content hashing: documents are deduplicated on the SHA-256 of their body, and named by its prefix.
import { createHash } from 'node:crypto';

/** SHA-256 of the body, hex. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A document's id: the first 16 hex digits of the SHA-256 of its body. */
export function documentId(text: string): string {
  return contentHash(text).slice(0, 16);
}
