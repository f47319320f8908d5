// POST /api/extract: runs the extractor on a pasted article and returns what it found without
// storing anything, so the explorer can preview an article before adding it.
import { z } from 'zod';
import { Extraction } from '../model/index.ts';
import { defineRoute } from './route-spec.ts';
import { ArticleBody } from './schemas.ts';

const ExtractPreviewResponse = z.object({ extraction: Extraction });

/** The registry entry for POST /api/extract; ROUTES lists it after POST /documents. */
export const extractPreviewRoute = defineRoute({
  method: 'post',
  path: '/extract',
  tag: 'documents',
  summary: 'Extract an article without storing it (preview)',
  description:
    'The same extraction POST /documents would store, for showing actors and events in the text ' +
    'before the article is added. Nothing is written.',
  body: ArticleBody,
  response: { status: 200, description: 'the extraction', schema: ExtractPreviewResponse },
  errors: [401, 413, 415, 422, 429, 503],
  handler: async ({ body }, s) => ({ body: await s.documents.preview(body) }),
});
