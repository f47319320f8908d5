// Document services: listing and reading stored documents, ingesting new ones, deleting old ones.
import type { z } from 'zod';
import type { StanceGraph } from '../graph/index.ts';
import { sentencesOf } from '../extract/index.ts';
import { checkArticleText, ingestArticle } from '../ingest/index.ts';
import { StoreInputError, type Store } from '../store/index.ts';
import { badParameter, notFound } from './errors.ts';
import type { ArticleBody } from './schemas.ts';

export class DocumentService {
  constructor(
    private readonly store: Store,
    private readonly graph: StanceGraph,
  ) {}

  list(limit: number, cursor: string | undefined) {
    try {
      return this.store.listDocuments({ limit, cursor: cursor ?? null });
    } catch (error) {
      if (error instanceof StoreInputError && cursor !== undefined) {
        throw badParameter('cursor', 'malformed or expired cursor');
      }
      throw error;
    }
  }

  get(id: string) {
    const document = this.store.getDocument(id);
    const extraction = document ? this.store.getExtraction(id) : null;
    if (!document || !extraction) throw notFound(`no document with id "${id}"`);
    // Sentence spans let a client show the whole sentence around an evidence span.
    const sentences = sentencesOf(document.text).map(({ start, end }) => ({ start, end }));
    return { document, extraction, sentences };
  }

  /** Extracts and stores the article; created is false when the same text was already stored. */
  ingest(body: z.infer<typeof ArticleBody>) {
    checkArticleText(body.text);
    const { id, created, extraction } = ingestArticle(
      { store: this.store, graph: this.graph },
      {
        text: body.text,
        title: body.title ?? undefined,
        published: body.published ?? undefined,
        source: body.source ?? undefined,
        url: body.url ?? undefined,
      },
    );
    return { id, created, extraction };
  }

  remove(id: string) {
    if (!this.store.removeDocument(id)) throw notFound(`no document with id "${id}"`);
    this.graph.removeDocument(id);
    return { id, deleted: true as const };
  }

  counts() {
    return this.store.counts();
  }
}
