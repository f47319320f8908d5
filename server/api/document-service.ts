// Document services: listing and reading stored documents, ingesting new ones (extracted in the
// worker pool, never on the thread that serves requests), previewing, deleting old ones.
import type { z } from 'zod';
import type { StanceGraph } from '../graph/index.ts';
import type { ArticleInput } from '../extract/index.ts';
import { checkArticleText, checkArticleUrl, ingestArticle } from '../ingest/index.ts';
import { StoreInputError, type Store } from '../store/index.ts';
import { sharedWorkers, type ExtractionWorkers } from '../workers/index.ts';
import { badParameter, notFound } from './errors.ts';
import type { ArticleBody } from './schemas.ts';

export class DocumentService {
  constructor(
    private readonly store: Store,
    private readonly graph: StanceGraph,
    private readonly workers: ExtractionWorkers = sharedWorkers(),
  ) {}

  async list(limit: number, cursor: string | undefined) {
    try {
      return await this.store.listDocuments({ limit, cursor: cursor ?? null });
    } catch (error) {
      if (error instanceof StoreInputError && cursor !== undefined) {
        throw badParameter('cursor', 'malformed or expired cursor');
      }
      throw error;
    }
  }

  async get(id: string) {
    const document = await this.store.getDocument(id);
    const extraction = document ? await this.store.getExtraction(id) : null;
    if (!document || !extraction) throw notFound(`no document with id "${id}"`);
    // Sentence spans let a client show the whole sentence around an evidence span; finding them
    // is most of an extraction's work, so it runs in the pool too.
    const sentences = await this.workers.sentences(document.text);
    return { document, extraction, sentences };
  }

  /** Extracts and stores the article; created is false when the same text was already stored. */
  async ingest(body: z.infer<typeof ArticleBody>) {
    const { id, created, extraction } = await ingestArticle(
      { store: this.store, graph: this.graph, extract: this.workers.extract },
      checkedArticle(body),
    );
    return { id, created, extraction };
  }

  /** The extraction ingest would store, without storing it. */
  async preview(body: z.infer<typeof ArticleBody>) {
    return { extraction: await this.workers.extract(checkedArticle(body)) };
  }

  async remove(id: string) {
    if (!(await this.store.removeDocument(id))) throw notFound(`no document with id "${id}"`);
    this.graph.removeDocument(id);
    return { id, deleted: true as const };
  }
}

/** The article a posted body describes, once its text and link pass the ingest checks. */
function checkedArticle(body: z.infer<typeof ArticleBody>): ArticleInput {
  checkArticleText(body.text);
  checkArticleUrl(body.url);
  return {
    text: body.text,
    title: body.title ?? undefined,
    published: body.published ?? undefined,
    source: body.source ?? undefined,
    url: body.url ?? undefined,
  };
}
