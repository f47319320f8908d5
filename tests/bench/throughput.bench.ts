// Whole-extraction throughput (sentences per second on one core) beside bare wink-nlp tokenising and
// tagging of the same text, plus timings for a 5 MB article and a 4x input (linearity).
import os from 'node:os';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { extractArticle, sentencesOf } from '../../server/extract/index.ts';
import { generateCorpus, type BenchArticle } from './corpus.ts';

export const title = 'Extraction throughput';

/** Whole extraction on the trained language layer, one core (the parse-based extraction issue's floor). */
const TARGET = 2_500;
const MIN_SENTENCES = 20_000;
const PASSES = 3;

function time(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

function extractAll(articles: BenchArticle[]): number {
  let events = 0;
  for (const a of articles)
    events += extractArticle({ text: a.text, published: a.published }).events.length;
  return events;
}

export async function run(): Promise<void> {
  const articles = generateCorpus(MIN_SENTENCES);
  const sentences = articles.reduce((n, a) => n + a.sentences, 0);
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  const split = articles.reduce((n, a) => n + sentencesOf(a.text).length, 0);
  console.log(
    `machine: ${os.availableParallelism()} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    `corpus: ${articles.length} articles, ${sentences} sentences generated (${split} as split), ${(chars / 1e6).toFixed(2)} M chars`,
  );

  const nlp = winkNLP(model);
  const its = nlp.its;
  const wink = (list: BenchArticle[]) => {
    let tokens = 0;
    for (const a of list) {
      const doc = nlp.readDoc(a.text);
      tokens += doc.tokens().out().length;
      doc.tokens().out(its.pos);
    }
    return tokens;
  };

  // Warm up both paths so the JIT and lazy data loads are not timed.
  const warm = generateCorpus(500, 99);
  extractAll(warm);
  wink(warm);

  // Best of three passes each, interleaved, so load from other processes hurts both sides alike.
  let events = 0;
  let extractMs = Infinity;
  let winkMs = Infinity;
  for (let pass = 0; pass < PASSES; pass++) {
    extractMs = Math.min(
      extractMs,
      time(() => (events = extractAll(articles))),
    );
    winkMs = Math.min(
      winkMs,
      time(() => wink(articles)),
    );
  }
  const rate = (sentences / extractMs) * 1000;
  const winkRate = (sentences / winkMs) * 1000;
  console.log(
    `extractArticle: ${rate.toFixed(0)} sentences/s (${extractMs.toFixed(0)} ms, ${events} events) ` +
      `target >= ${TARGET}: ${rate >= TARGET ? 'met' : 'NOT met'}`,
  );
  console.log(
    `wink-nlp readDoc+tokens+pos: ${winkRate.toFixed(0)} sentences/s (${winkMs.toFixed(0)} ms)`,
  );
  console.log(
    `ratio: extraction takes ${(extractMs / winkMs).toFixed(2)}x the time of bare wink-nlp`,
  );

  // Linearity and size: distinct articles joined into one body (a repeated paragraph would be set
  // aside as a repeated teaser and cost nothing, hiding the real cost).
  const pool = generateCorpus(64_000, 7).map((a) => a.text);
  const part = pool.slice(0, Math.ceil(pool.length / 16));
  const one = part.join('\n\n');
  const fourfold = pool.slice(0, part.length * 4).join('\n\n');
  const oneMs = time(() => extractArticle({ text: one, published: '2023-01-01' }));
  const fourMs = time(() => extractArticle({ text: fourfold, published: '2023-01-01' }));
  console.log(
    `linearity: ${(one.length / 1e3).toFixed(0)} k chars in ${oneMs.toFixed(0)} ms, ` +
      `4x in ${fourMs.toFixed(0)} ms (x${(fourMs / oneMs).toFixed(2)})`,
  );

  // One 5 MB article: the size limit's worst case.
  let body = '';
  for (let i = 0; i < pool.length && body.length < 5 * 1024 * 1024; i++) body += pool[i] + '\n\n';
  const bigMs = time(() => extractArticle({ text: body, published: '2023-01-01' }));
  console.log(
    `5 MB article: ${(body.length / 1e6).toFixed(2)} M chars in ${(bigMs / 1000).toFixed(1)} s`,
  );
}
