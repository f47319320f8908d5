// Documents fetched at most once per page, shared by the article viewer and the evidence quotes,
// and the whole sentence around an evidence span. A document's id is the hash of its body, so a
// kept copy never goes stale; a failed fetch is not kept, so the next call tries again.
import type { ApiClient } from './client.ts';
import type { DocumentWithExtraction } from './types.ts';

export interface Span {
  start: number;
  end: number;
}

/** A stretch of a document's body and where it starts in the body. */
export interface SentenceText {
  text: string;
  start: number;
}

export interface DocumentCache {
  get(id: string): Promise<DocumentWithExtraction>;
  /** The whole sentence (or sentences) holding the span; the span alone when none is known. */
  sentence(id: string, span: Span): Promise<SentenceText>;
}

/** The body range of the sentences the span overlaps; the span itself when it overlaps none. */
export function sentenceAround(sentences: readonly Span[], span: Span): Span {
  let start = span.start;
  let end = span.end;
  for (const s of sentences) {
    const overlaps = s.start < span.end && span.start < s.end;
    const holdsEmpty = span.start === span.end && s.start <= span.start && span.start <= s.end;
    if (!overlaps && !holdsEmpty) continue;
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return { start, end };
}

export function createDocumentCache(api: Pick<ApiClient, 'document'>): DocumentCache {
  const kept = new Map<string, Promise<DocumentWithExtraction>>();
  const get = (id: string) => {
    let doc = kept.get(id);
    if (!doc) {
      doc = api.document(id);
      kept.set(id, doc);
      doc.catch(() => kept.delete(id));
    }
    return doc;
  };
  return {
    get,
    async sentence(id, span) {
      const { document, sentences } = await get(id);
      const range = sentenceAround(sentences, span);
      return { text: document.text.slice(range.start, range.end), start: range.start };
    },
  };
}
