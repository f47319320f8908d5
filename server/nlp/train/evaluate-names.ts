// Measures the name finder on GUM (test by default): exact-span precision, recall and F1 per label
// and for person+organization+place together, on all documents and on the news documents alone
// (each GUM document read as one article, so the document pass runs as it would on news),
// beside two references measured in the same run (a gazetteer-only matcher, and "every maximal
// run of proper nouns is a name", which can only be scored without labels), where the model errs
// (correct, label, boundary, miss, spurious per label and per GUM genre: names-errors.ts), plus
// speed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NameFinder } from '../names/name-finder.ts';
import { matchLexicon, type LexiconKind, type NameLexicon } from '../names/lexicon.ts';
import type { NameLabel } from '../types.ts';
import type { NameToken } from '../names/features.ts';
import { readNameExamples, type NameExample } from './names-data.ts';
import { NameErrors } from './names-errors.ts';
import { NameScore, type Prf, type Span } from './names-score.ts';
import { taggerRetagger } from './names-tags.ts';

export const MAIN_LABELS: readonly NameLabel[] = ['person', 'organization', 'place'];
export const ALL_LABELS: readonly NameLabel[] = ['person', 'organization', 'place', 'other'];

export interface NameSystemScores {
  byLabel: Record<NameLabel, Prf>;
  main: Prf;
  spans: Prf;
}

export interface NameEvaluation {
  split: string;
  tags: 'gold' | 'predicted';
  sentences: number;
  newsSentences: number;
  /**
   * The model over whole documents (findNamesInDocument), scored as documented in NameScore.add:
   * spans on tokens GUM leaves unbracketed are not counted.
   */
  model: { all: NameSystemScores; news: NameSystemScores };
  /** The same output scored strictly: every predicted span counts. */
  modelStrict: { all: NameSystemScores; news: NameSystemScores };
  /** The model sentence by sentence, without the document pass. */
  bySentence: { all: NameSystemScores; news: NameSystemScores };
  gazetteer: { all: NameSystemScores; news: NameSystemScores };
  properRuns: { all: NameSystemScores; news: NameSystemScores };
  /** The model's errors by kind, per label and per GUM genre (spans scored as in `model`). */
  errors: NameErrors;
  /** Sentences per CPU second of this process over whole documents (the wall clock mostly measures machine load). */
  sentencesPerSecond: number;
}

/** A GUM document's genre: "news" for GUM_news_homeopathic. */
export function gumGenre(docId: string): string {
  return docId.split('_')[1] ?? docId;
}

/** Predicted spans that touch a token GUM brackets or leaves as a non-name (see NameScore.add). */
function scoredSpans(spans: readonly Span[], forced: Int8Array): Span[] {
  return spans.filter((s) => {
    for (let i = s.first; i <= s.last; i++) if (forced[i] >= 0) return true;
    return false;
  });
}

const KIND_LABEL: Partial<Record<LexiconKind, NameLabel>> = {
  state: 'place',
  capital: 'place',
  metonym: 'place',
  organization: 'organization',
  person: 'person',
  surname: 'person',
};

/**
 * Reference: gazetteer matches alone, longest first and never overlapping; a form the gazetteer
 * marks ambiguous counts only when capitalised and not sentence-initial.
 */
export function gazetteerNames(tokens: readonly NameToken[], lexicon: NameLexicon): Span[] {
  const found: Span[] = [];
  const taken = new Uint8Array(tokens.length);
  const matches = matchLexicon(tokens, lexicon).sort(
    (a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first,
  );
  for (const m of matches) {
    if (taken.subarray(m.first, m.last + 1).some((t) => t === 1)) continue;
    const entry = m.entries.find(
      (e) =>
        KIND_LABEL[e.kind] !== undefined &&
        (!e.ambiguous || (m.first > 0 && /^\p{Lu}/u.test(tokens[m.first].text))),
    );
    if (!entry) continue;
    taken.fill(1, m.first, m.last + 1);
    found.push({ first: m.first, last: m.last, label: KIND_LABEL[entry.kind] as NameLabel });
  }
  return found.sort((a, b) => a.first - b.first);
}

/** Reference: every maximal run of PROPN tokens, labelled `other` (scored on spans only). */
export function properNounRuns(tokens: readonly NameToken[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].upos !== 'PROPN') continue;
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1].upos === 'PROPN') j++;
    out.push({ first: i, last: j, label: 'other' });
    i = j;
  }
  return out;
}

function summary(score: NameScore): NameSystemScores {
  const byLabel = {} as Record<NameLabel, Prf>;
  for (const l of ALL_LABELS) byLabel[l] = score.label(l);
  return { byLabel, main: score.group(MAIN_LABELS), spans: score.spans() };
}

/** Whether a GUM document id is a news document. */
export function isNewsDoc(docId: string): boolean {
  return gumGenre(docId) === 'news';
}

export interface EvaluateNamesOptions {
  split?: 'dev' | 'test';
  /** Tagger model used to re-tag the sentences; gold tags when absent or missing. */
  taggerFile?: string;
}

/** Scores a finder on a GUM split. */
export function evaluateNames(
  treebanks: string,
  finder: NameFinder,
  lexicon: NameLexicon,
  options: EvaluateNamesOptions = {},
): NameEvaluation {
  const split = options.split ?? 'test';
  const retag = options.taggerFile ? taggerRetagger(options.taggerFile) : undefined;
  const file = path.join(treebanks, 'en-gum', `en_gum-cc-by-${split}.conllu`);
  const examples: NameExample[] = readNameExamples(file, retag);
  const systems = {
    model: [new NameScore(), new NameScore()],
    modelStrict: [new NameScore(), new NameScore()],
    bySentence: [new NameScore(), new NameScore()],
    gazetteer: [new NameScore(), new NameScore()],
    properRuns: [new NameScore(), new NameScore()],
  };
  // documents as GUM has them: the finder makes labels consistent within each
  const docs: NameExample[][] = [];
  examples.forEach((ex, i) => {
    if (i === 0 || ex.docId !== examples[i - 1].docId) docs.push([]);
    docs[docs.length - 1].push(ex);
  });
  // the sentence-by-sentence pass first also warms the JIT and the finder's caches for timing
  const bySentence = examples.map((ex) => finder.findNames(ex.tokens, lexicon));
  const used = process.cpuUsage();
  const predicted = docs.flatMap((doc) =>
    finder.findNamesInDocument(
      doc.map((ex) => ex.tokens),
      lexicon,
    ),
  );
  const spent = process.cpuUsage(used);
  const seconds = (spent.user + spent.system) / 1e6;
  let news = 0;
  const errors = new NameErrors();
  examples.forEach((ex, i) => {
    const isNews = isNewsDoc(ex.docId);
    errors.add(ex.gold, scoredSpans(predicted[i], ex.forced), gumGenre(ex.docId));
    if (isNews) news++;
    systems.model[0].add(ex.gold, predicted[i], ex.forced);
    if (isNews) systems.model[1].add(ex.gold, predicted[i], ex.forced);
    systems.bySentence[0].add(ex.gold, bySentence[i], ex.forced);
    if (isNews) systems.bySentence[1].add(ex.gold, bySentence[i], ex.forced);
    const outputs: [keyof typeof systems, Span[]][] = [
      ['modelStrict', predicted[i]],
      ['gazetteer', gazetteerNames(ex.tokens, lexicon)],
      ['properRuns', properNounRuns(ex.tokens)],
    ];
    for (const [name, spans] of outputs) {
      systems[name][0].add(ex.gold, spans);
      if (isNews) systems[name][1].add(ex.gold, spans);
    }
  });
  const both = (s: NameScore[]): { all: NameSystemScores; news: NameSystemScores } => ({
    all: summary(s[0]),
    news: summary(s[1]),
  });
  return {
    split,
    tags: retag ? 'predicted' : 'gold',
    sentences: examples.length,
    newsSentences: news,
    model: both(systems.model),
    modelStrict: both(systems.modelStrict),
    bySentence: both(systems.bySentence),
    gazetteer: both(systems.gazetteer),
    properRuns: both(systems.properRuns),
    errors,
    sentencesPerSecond: examples.length / Math.max(seconds, 1e-9),
  };
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

function row(name: string, p: Prf): string {
  return `${name.padEnd(28)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}  (gold ${p.gold}, found ${p.predicted})`;
}

/** A readable report of an evaluation. */
export function formatNameEvaluation(e: NameEvaluation): string {
  const lines: string[] = [];
  lines.push(
    `GUM ${e.split}: ${e.sentences} sentences (${e.newsSentences} in news documents), ${e.tags} tags; exact spans`,
  );
  lines.push(
    'model rows leave out spans wholly on proper nouns GUM does not bracket ("U.S." in "U.S. citizens"); ' +
      '"strict" counts them as wrong; the references are scored strictly',
  );
  for (const [part, title] of [
    ['all', 'all documents'],
    ['news', 'news documents'],
  ] as const) {
    lines.push(`-- ${title}`);
    const m = e.model[part];
    for (const l of ALL_LABELS) lines.push(row(`model ${l}`, m.byLabel[l]));
    lines.push(row('model person+org+place', m.main));
    lines.push(row('model spans (any label)', m.spans));
    lines.push(row('model p+o+p, strict', e.modelStrict[part].main));
    lines.push(row('sentence by sentence p+o+p', e.bySentence[part].main));
    const g = e.gazetteer[part];
    for (const l of MAIN_LABELS) lines.push(row(`gazetteer-only ${l}`, g.byLabel[l]));
    lines.push(row('gazetteer-only p+o+p', g.main));
    lines.push(row('gazetteer-only spans', g.spans));
    lines.push(row('PROPN runs spans', e.properRuns[part].spans));
  }
  lines.push('-- where the model errs (person, organization, place; all documents)');
  lines.push(e.errors.format());
  lines.push(
    `speed: ${Math.round(e.sentencesPerSecond)} sentences per CPU second (features, decoding, labelling, document pass; second pass)`,
  );
  return lines.join('\n');
}

/** Default tagger model beside the name model, when one was trained. */
export function defaultTaggerFile(modelsDir: string): string | undefined {
  const file = path.join(modelsDir, 'tagger.bin');
  return existsSync(file) ? file : undefined;
}

// `npx tsx server/nlp/train/evaluate-names.ts [treebanks] [dev|test]`: prints the evaluation of
// the committed model.
if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const { loadNameFinder } = await import('../names/index.ts');
  const { loadNameLexicon } = await import('../names/lexicon.ts');
  const root = path.resolve(import.meta.dirname, '..', '..', '..');
  const treebanks = process.argv[2] ?? path.resolve(root, '..', 'shared', 'treebanks');
  const split = process.argv[3] === 'dev' ? 'dev' : 'test';
  const lexicon = loadNameLexicon(path.join(root, 'graph-data', 'gazetteer'));
  const taggerFile = defaultTaggerFile(path.join(root, 'graph-data', 'models'));
  console.log(
    formatNameEvaluation(
      evaluateNames(treebanks, loadNameFinder(), lexicon, { split, taggerFile }),
    ),
  );
}
