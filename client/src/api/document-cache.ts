// Documents fetched at most once per page, shared by the article viewer and the evidence quotes,
// and the whole sentence around an evidence span. A document's id is the hash of its body, so a
// kept copy never goes stale; a failed fetch is not kept, so the next call tries again. Sentences
// only widen a quote already shown, so their fetches wait in line, SENTENCE_FETCHES at a time: a
// busy actor's event list must not hold the browser's few connections while the user asks for a
// view or an article (those fetch at once).
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

/** Documents fetched at once for sentences; the rest wait their turn. */
export const SENTENCE_FETCHES = 2;

export function createDocumentCache(api: Pick<ApiClient, 'document'>): DocumentCache {
  const kept = new Map<string, Promise<DocumentWithExtraction>>();
  const waiting: (() => void)[] = [];
  let running = 0;
  const acquire = (): Promise<void> | void => {
    if (running < SENTENCE_FETCHES) running++;
    else return new Promise<void>((go) => waiting.push(go));
  };
  /** Hands the turn to the next in line, or frees it. */
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  /** The document for a sentence: kept or in flight already, or fetched when a turn is free. */
  const forSentence = async (id: string): Promise<DocumentWithExtraction> => {
    const known = kept.get(id);
    if (known) return known;
    await acquire();
    try {
      return await get(id);
    } finally {
      release();
    }
  };
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
      const { document, sentences } = await forSentence(id);
      const range = sentenceAround(sentences, span);
      return { text: document.text.slice(range.start, range.end), start: range.start };
    },
  };
}
