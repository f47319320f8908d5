// The name finder: GUM's Entity= reader and the gold-name definition on a hand-written CoNLL-U
// fixture (titles, dates, groups, possessors, conjoined names), the BILOU scheme, the gazetteer
// lexicon and its weight as a feature, the error breakdown of the evaluation, jackknifed training
// tags read back by sentence, training on a tiny fixture (deterministic, refitted on train and dev),
// the document pass (label consistency across an article), the fast decoding path against plain
// scoring, and the committed model on news sentences written for this test (names from Africa,
// Asia, Europe, Latin America and the Arab world, many of them absent from the project's gazetteer).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../server/nlp/learn/index.ts';
import { allowed, canEnd, OUTSIDE } from '../../server/nlp/names/bilou.ts';
import {
  buildNameLexicon,
  consistentLabels,
  decodeBilou,
  defaultNameFinder,
  encodeBilou,
  findNames,
  findNamesInDocument,
  loadNameLexicon,
  matchLexicon,
  NameFinder,
  NameLexicon,
  NAME_LABELS,
  type LabelledSpan,
  type NameToken,
  type ScoredSpan,
} from '../../server/nlp/names/index.ts';
import { sentenceFeatures } from '../../server/nlp/names/features.ts';
import { viterbi, type Scorer } from '../../server/nlp/names/viterbi.ts';
import { readConllu } from '../../server/nlp/train/conllu.ts';
import { readNameExamples } from '../../server/nlp/train/names-data.ts';
import { NameErrors } from '../../server/nlp/train/names-errors.ts';
import { tableRetagger } from '../../server/nlp/train/names-tags.ts';
import { goldNames, sentenceMentions } from '../../server/nlp/train/names-gum.ts';
import { fitNameFinder } from '../../server/nlp/train/train-names.ts';
import { WordStats } from '../../server/nlp/names/word-stats.ts';
import type { NameLabel } from '../../server/nlp/types.ts';
import { taggedTokens, UPOS } from '../helpers/tagged-tokens.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const fixtures = path.join(root, 'tests', 'fixtures', 'names');
const conllu = path.join(fixtures, 'entities.conllu');

const words = (tokens: readonly { text: string }[], first: number, last: number): string =>
  tokens
    .slice(first, last + 1)
    .map((t) => t.text)
    .join(' ');

describe('GUM Entity= reader', () => {
  const sentences = readConllu(conllu);

  it('reads nested, multi-token and same-token mentions with their fields', () => {
    const m = sentenceMentions(sentences[0].words);
    const show = m.map((x) => `${x.entity}:${x.etype}:${x.first}-${x.last}`);
    expect(show).toEqual([
      '1:person:0-7',
      '2:place:4-7',
      '3:place:7-7',
      '4:organization:9-13',
      '5:place:12-13',
    ]);
    const person = m.find((x) => x.entity === '1');
    expect(person?.minspan).toEqual([1, 2]);
    expect(person?.identity).toBe('Amara_Diallo');
    expect(m.find((x) => x.entity === '3')?.identity).toBe('Korvania_(country)');
    expect(m.find((x) => x.entity === '2')?.identity).toBe('');
  });

  it('reads two openers on one token and closers stacked on a later one', () => {
    const m = sentenceMentions(sentences[1].words);
    expect(m.map((x) => `${x.entity}:${x.first}-${x.last}`)).toEqual([
      '6:0-4',
      '7:0-2',
      '8:6-7',
      '9:9-10',
    ]);
  });

  it('keeps names only, without titles, leading "the", dates, groups or possessors', () => {
    const names = sentences.map((s) =>
      goldNames(s).map(
        (n) =>
          `${n.label}: ${words(
            s.words.map((w) => ({ text: w.form })),
            n.first,
            n.last,
          )}`,
      ),
    );
    expect(names).toEqual([
      [
        'person: Amara Diallo',
        'place: Republic of Korvania',
        'organization: University of Port Selim',
      ],
      ['person: Lee Jae-sung'],
      ['place: Kalu Hall', 'place: Enugu'],
      ['organization: Lagos State Government', 'person: Chidi Okafor'],
      ['person: Tomas Varga', 'organization: Port Selim Herald'],
      // two conjoined names of their own are two places; a name holding "and" stays one
      ['place: Mali', 'place: Burkina Faso', 'place: Museum of Arts and Crafts', 'place: Bamako'],
    ]);
  });

  it('builds examples with offsets from SpaceAfter and unknown proper nouns left free', () => {
    const ex = readNameExamples(conllu);
    expect(ex).toHaveLength(6);
    expect(ex[0].docId).toBe('GUM_news_fixture');
    const t = ex[1].tokens;
    expect(t[2].text).toBe('Jae-sung');
    expect(t[3].start).toBe(t[2].end); // "Jae-sung's": no space before 's
    // "The Americans": a plural group noun is a known non-name, not a free token
    expect(ex[2].forced[1]).toBe(OUTSIDE);
    expect(Array.from(ex[0].forced).every((c) => c >= 0)).toBe(true);
  });
});

describe('BILOU scheme', () => {
  it('decodes what it encodes, and only well-formed sequences', () => {
    const rng = new Rng(7);
    for (let round = 0; round < 300; round++) {
      const n = 1 + rng.int(14);
      const spans: LabelledSpan[] = [];
      for (let i = 0; i < n;) {
        if (rng.next() < 0.4) {
          const last = Math.min(n - 1, i + rng.int(4));
          spans.push({ first: i, last, label: NAME_LABELS[rng.int(NAME_LABELS.length)] });
          i = last + 1 + rng.int(2);
        } else i++;
      }
      const classes = encodeBilou(n, spans);
      expect(decodeBilou(classes)).toEqual(spans);
      let prev = OUTSIDE;
      for (const c of classes) {
        expect(allowed(prev, c)).toBe(true);
        prev = c;
      }
      expect(canEnd(prev)).toBe(true);
    }
  });

  it('reads ill-formed sequences leniently', () => {
    // B-person I-person O  I-place L-place  B-other
    expect(decodeBilou([1, 2, 0, 10, 11, 13])).toEqual([
      { first: 0, last: 1, label: 'person' },
      { first: 3, last: 4, label: 'place' },
      { first: 5, last: 5, label: 'other' },
    ]);
  });
});

function tok(texts: string[], joins: boolean[] = []): NameToken[] {
  let at = 0;
  return texts.map((text, i) => {
    if (i > 0 && !joins[i]) at++;
    const t = { text, start: at, end: at + text.length, upos: 'PROPN', xpos: 'NNP' };
    at = t.end;
    return t;
  });
}

describe('name lexicon', () => {
  const lexicon = loadNameLexicon(path.join(fixtures, 'gazetteer'));

  it('loads states, organizations and people with their kinds', () => {
    expect(lexicon.lookup('Korvania')).toEqual([{ kind: 'state', ambiguous: false }]);
    expect(lexicon.lookup('Republic of Korvania')?.[0].kind).toBe('state');
    expect(lexicon.lookup('Korvanians')?.[0].kind).toBe('demonym');
    expect(lexicon.lookup('Port Selim')?.[0].kind).toBe('capital');
    expect(lexicon.lookup('K.R.')).toEqual([{ kind: 'state', ambiguous: true }]);
    expect(lexicon.lookup('Selim Water Board')?.[0].kind).toBe('organization');
    expect(lexicon.lookup('SWB')).toEqual([{ kind: 'organization', ambiguous: true }]);
    expect(lexicon.lookup('Amara K. Diallo')?.[0].kind).toBe('person');
    expect(lexicon.lookup('Diallo')?.[0].kind).toBe('surname');
    expect(lexicon.lookup('Amara')?.[0].kind).toBe('given');
    expect(lexicon.lookup('Jae-sung')?.[0].kind).toBe('given');
    expect(lexicon.lookup('Lee')?.[0].kind).toBe('surname');
  });

  it('accepts a form without its leading "the" and folds typographic apostrophes', () => {
    expect(lexicon.lookup('the Amber Palace')?.[0].kind).toBe('metonym');
    expect(lexicon.lookup('Amber Palace')?.[0].kind).toBe('metonym');
    expect(lexicon.lookup("People's Water Board")?.[0].kind).toBe('organization');
    expect(lexicon.lookup('People’s Water Board')?.[0].kind).toBe('organization');
  });

  it('matches forms whatever the tokenization', () => {
    const whole = tok(['in', 'K.R.', 'and', 'Port', 'Selim']);
    const split = tok(
      ['in', 'K', '.', 'R', '.', 'and', 'Port', 'Selim'],
      [false, false, true, true, true, false, false, false],
    );
    const show = (t: NameToken[]): string[] =>
      matchLexicon(t, lexicon).map((m) => `${words(t, m.first, m.last)}=${m.entries[0].kind}`);
    expect(show(whole)).toEqual(['K.R.=state', 'Port Selim=capital']);
    expect(show(split)).toEqual(['K . R .=state', 'Port Selim=capital']);
    expect(show(tok(['People', "'s", 'Water', 'Board'], [false, true]))).toEqual([
      "People 's Water Board=organization",
    ]);
  });

  it('builds from records in memory and tolerates a folder without files', () => {
    const lex = buildNameLexicon({ people: [{ name: 'Ngozi Adeyemi', surname: 'Adeyemi' }] });
    expect(lex.lookup('Ngozi Adeyemi')?.[0].kind).toBe('person');
    expect(lex.lookup('Ngozi')?.[0].kind).toBe('given');
    expect(loadNameLexicon(path.join(fixtures, 'no-such-folder')).size).toBe(0);
  });

  it('fingerprints what the name finder sees of a gazetteer, and nothing else', () => {
    const base = buildNameLexicon({
      states: [{ name: 'Paraguay', capitals: ['Asunción'] }],
      organizations: [{ name: 'Mercosur' }],
    });
    // the same forms and kinds in another order, and fields the lexicon does not read
    const reordered = buildNameLexicon({
      organizations: [{ name: 'Mercosur', iso: 'MSR' } as { name: string }],
      states: [{ capitals: ['Asunción'], name: 'Paraguay' }],
    });
    expect(reordered.fingerprint()).toBe(base.fingerprint());
    const added = buildNameLexicon({
      states: [{ name: 'Paraguay', capitals: ['Asunción'] }],
      organizations: [{ name: 'Mercosur' }, { name: 'Itaipu Binacional' }],
    });
    expect(added.fingerprint()).not.toBe(base.fingerprint());
    const otherKind = buildNameLexicon({
      states: [{ name: 'Paraguay', capitals: ['Asunción'] }],
      people: [{ name: 'Mercosur' }],
    });
    expect(otherKind.fingerprint()).not.toBe(base.fingerprint());
    expect(new NameLexicon().fingerprint()).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('training', () => {
  it('learns a tiny fixture, deterministically, and survives a save and load', () => {
    const lexicon = loadNameLexicon(path.join(fixtures, 'gazetteer'));
    const examples = readNameExamples(conllu);
    const options = { lexicon, maxEpochs: 12, log: () => {} };
    const finder = fitNameFinder(examples, examples, WordStats.empty(), options);
    for (const ex of examples) {
      const found = finder.findNames(ex.tokens, lexicon);
      expect(found.map((n) => [n.first, n.last, n.label])).toEqual(
        ex.gold.map((g) => [g.first, g.last, g.label]),
      );
      expect(found.every((n) => n.start === ex.tokens[n.first].start)).toBe(true);
    }
    // the final models were trained once more on train and dev together
    expect(finder.meta.refit).toBe('train+dev');
    // the gazetteer it was trained with is recorded
    expect(finder.meta.gazetteer).toEqual({
      forms: lexicon.size,
      fingerprint: lexicon.fingerprint(),
    });
    const bytes = finder.save();
    const again = fitNameFinder(examples, examples, WordStats.empty(), options).save();
    expect(Buffer.compare(bytes, again)).toBe(0);
    const loaded = NameFinder.fromBuffer(bytes);
    for (const ex of examples)
      expect(loaded.findNames(ex.tokens, lexicon)).toEqual(finder.findNames(ex.tokens, lexicon));
    expect(() => NameFinder.fromBuffer(Buffer.from('not a model'))).toThrow();
  });
});

describe('error breakdown', () => {
  it('sorts each name into correct, label, boundary, miss or spurious', () => {
    const errors = new NameErrors();
    const span = (first: number, last: number, label: NameLabel): LabelledSpan => ({
      first,
      last,
      label,
    });
    errors.add(
      [
        span(0, 1, 'person'), // found exactly
        span(3, 3, 'place'), // found as an organization
        span(5, 7, 'organization'), // found one token short
        span(9, 9, 'person'), // not found
        span(11, 11, 'other'), // found as "other": not counted
      ],
      [
        span(0, 1, 'person'),
        span(3, 3, 'organization'),
        span(5, 6, 'organization'),
        span(11, 11, 'other'),
        span(13, 14, 'place'), // nothing there
      ],
      'news',
    );
    errors.add([span(0, 0, 'other')], [span(0, 0, 'place')], 'bio');
    const row = (key: string): number[] => {
      const r = errors.counts.get(key);
      return r ? [r.correct, r.label, r.boundary, r.miss, r.spurious] : [];
    };
    expect(row('all')).toEqual([1, 2, 1, 1, 1]);
    expect(row('person')).toEqual([1, 0, 0, 1, 0]);
    expect(row('place')).toEqual([0, 1, 0, 0, 1]);
    expect(row('other')).toEqual([0, 1, 0, 0, 0]);
    expect(row('group:news')).toEqual([1, 1, 1, 1, 1]);
    expect(row('group:bio')).toEqual([0, 1, 0, 0, 0]);
    expect(row('place->organization')[1]).toBe(1);
    expect(row('other->place')[1]).toBe(1);
    expect(errors.format()).toContain('place->organization 1');
  });
});

describe('training tags', () => {
  it('reads tags back by sentence words, and refuses a sentence it was not given', () => {
    const retag = tableRetagger([
      {
        words: ['Ama', 'Serwaa', 'spoke'],
        upos: ['PROPN', 'PROPN', 'VERB'],
        xpos: ['NNP', 'NNP', 'VBD'],
      },
      { words: ['Ama', 'spoke'], upos: ['NOUN', 'VERB'], xpos: ['NN', 'VBD'] },
    ]);
    const tokens = tok(['Ama', 'spoke']);
    retag(tokens);
    expect(tokens.map((t) => `${t.upos}/${t.xpos}`)).toEqual(['NOUN/NN', 'VERB/VBD']);
    expect(() => retag(tok(['Serwaa', 'spoke']))).toThrow();
  });
});

// --- the committed model on hand-written news sentences -------------------------------------

interface NewsCase {
  tokens: NameToken[];
  expected: { label: NameLabel; text: string; unseen: boolean }[];
}

function newsCases(): NewsCase[] {
  const text = readFileSync(path.join(fixtures, 'news-sentences.txt'), 'utf8');
  return text
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')))
    .filter((lines) => lines.length > 0)
    .map((lines) => {
      let at = 0;
      const tokens = lines[0].split(' ').map((item) => {
        const slash = item.lastIndexOf('/');
        const word = item.slice(0, slash);
        const xpos = item.slice(slash + 1);
        const t = { text: word, start: at, end: at + word.length, upos: UPOS[xpos] ?? 'X', xpos };
        at = t.end + 1;
        return t;
      });
      const expected = lines.slice(1).map((l) => {
        const m = /^(\w+): (.+?)( \*)?$/.exec(l);
        if (!m) throw new Error(`bad expectation line: ${l}`);
        return { label: m[1] as NameLabel, text: m[2], unseen: m[3] !== undefined };
      });
      return { tokens, expected };
    });
}

describe('committed name model on news sentences', () => {
  const lexicon = loadNameLexicon(path.join(root, 'graph-data', 'gazetteer'));
  const finder = defaultNameFinder();
  const cases = newsCases();
  const results = cases.map((c) => {
    const found = findNames(c.tokens, lexicon, finder);
    return {
      ...c,
      found: found.map((n) => ({ label: n.label, text: words(c.tokens, n.first, n.last) })),
    };
  });

  it('uses names the gazetteer really lacks where the fixture says so', () => {
    for (const c of cases)
      for (const e of c.expected)
        if (e.unseen) expect(lexicon.lookup(e.text.replace(" 's", "'s"))).toBeUndefined();
    expect(cases.flatMap((c) => c.expected).filter((e) => e.unseen).length).toBeGreaterThanOrEqual(
      12,
    );
  });

  it('finds most names exactly, with their labels', () => {
    const expected = results.flatMap((r) => r.expected.map((e) => ({ e, r })));
    const hits = expected.filter(({ e, r }) =>
      r.found.some((f) => f.label === e.label && f.text === e.text),
    );
    expect(hits.length / expected.length).toBeGreaterThanOrEqual(0.85);
    const predicted = results.reduce((n, r) => n + r.found.length, 0);
    expect(hits.length / predicted).toBeGreaterThanOrEqual(0.8);
  });

  it('finds persons, organizations and places the gazetteer has never seen', () => {
    for (const label of ['person', 'organization', 'place'] as const) {
      const unseen = results.flatMap((r) =>
        r.expected.filter((e) => e.unseen && e.label === label).map((e) => ({ e, r })),
      );
      const hits = unseen.filter(({ e, r }) =>
        r.found.some((f) => f.label === label && f.text === e.text),
      );
      expect(unseen.length).toBeGreaterThanOrEqual(3);
      expect(hits.length / unseen.length).toBeGreaterThanOrEqual(0.66);
    }
  });

  it('finds names with every word and an empty lexicon too', () => {
    const empty = new NameLexicon();
    const persons = results.flatMap((r) =>
      r.expected.filter((e) => e.label === 'person').map((e) => ({ e, r })),
    );
    const hits = persons.filter(({ e, r }) =>
      findNames(r.tokens, empty, finder).some((f) => words(r.tokens, f.first, f.last) === e.text),
    );
    expect(hits.length / persons.length).toBeGreaterThanOrEqual(0.75);
  });

  it('does not tag capitalised sentence-initial common words', () => {
    // sentences of the fixture that start with an ordinary word, capitalised only by position
    const ordinary = /^(However|Yesterday|Police|Protesters|Officials|The|Nigerian|Colombian)$/;
    const starting = results.filter((r) => ordinary.test(r.tokens[0].text));
    expect(starting.length).toBeGreaterThanOrEqual(8);
    for (const r of starting) {
      const spans = findNames(r.tokens, lexicon, finder);
      const first = r.tokens[0].text;
      expect(
        spans.some((s) => s.first === 0),
        `${first} tagged in "${words(r.tokens, 0, 4)}"`,
      ).toBe(false);
    }
  });

  it('handles empty, one-word and very long sentences, with offsets from the tokens', () => {
    expect(findNames([], lexicon, finder)).toEqual([]);
    const one = findNames(tok(['Ouagadougou']), lexicon, finder);
    expect(one.every((n) => n.first === 0 && n.last === 0 && n.end === 11)).toBe(true);
    // every fixture sentence run together as one long sentence
    let at = 0;
    const tokens = results
      .flatMap((r) => r.tokens)
      .map((t) => {
        const moved = { ...t, start: at, end: at + t.text.length };
        at = moved.end + 1;
        return moved;
      });
    const names = findNames(tokens, lexicon, finder);
    expect(names.length).toBeGreaterThan(20);
    for (const n of names) {
      expect(n.start).toBe(tokens[n.first].start);
      expect(n.end).toBe(tokens[n.last].end);
      expect(n.first).toBeLessThanOrEqual(n.last);
    }
  });
});

describe('the gazetteer as a feature', () => {
  const finder = defaultNameFinder();
  /** Organization score minus the best other label's, for the span over token `at`, or undefined. */
  const orgMargin = (tokens: NameToken[], lexicon: NameLexicon, at: number): number | undefined => {
    const found = finder.scoreSpans(tokens, lexicon).find((s) => s.span.first === at);
    if (!found || found.span.last !== at) return undefined;
    const org = NAME_LABELS.indexOf('organization');
    const others = Array.from(found.scores).filter((_, l) => l !== org);
    return found.scores[org] - Math.max(...others);
  };

  it('makes a name the gazetteer lists as an organization surer to be one', () => {
    // invented one-word names in contexts that do not say what they are
    const lines = [
      'Talks/NNS with/IN Ostravel/NNP ended/VBD on/IN Monday/NNP ./.',
      'Reporters/NNS waited/VBD for/IN Kelmaro/NNP all/DT day/NN ./.',
      'Nobody/NN expected/VBD Dunvessa/NNP to/TO agree/VB ./.',
    ];
    for (const line of lines) {
      const tokens = taggedTokens(line);
      const at = tokens.findIndex((t) => t.xpos === 'NNP');
      const name = tokens[at].text;
      const listed = buildNameLexicon({ organizations: [{ name }] });
      const withEntry = orgMargin(tokens, listed, at);
      expect(withEntry, name).toBeDefined();
      expect(withEntry as number, name).toBeGreaterThan(0);
      const without = orgMargin(tokens, new NameLexicon(), at);
      if (without !== undefined) expect(withEntry as number, name).toBeGreaterThan(without);
    }
  });
});

// --- the document pass ------------------------------------------------------------------------

/** A span over the tokens spelling `words`, with scores favouring `label` by `margin`. */
function scoredSpan(
  tokens: readonly NameToken[],
  words: string,
  label: NameLabel,
  margin: number,
): ScoredSpan {
  const parts = words.split(' ');
  const first = tokens.findIndex((_, i) => parts.every((p, k) => tokens[i + k]?.text === p));
  if (first < 0) throw new Error(`no "${words}" in the sentence`);
  const scores = new Float64Array(NAME_LABELS.length).fill(10);
  scores[NAME_LABELS.indexOf(label)] = 10 + margin;
  return { span: { first, last: first + parts.length - 1, label }, scores };
}

describe('document pass', () => {
  // an article written for this test: the first mentions are sure, the later ones are not
  const article = [
    'Opposition/NN leader/NN Chidi/NNP Okafor/NNP arrived/VBD in/IN Port/NNP Harcourt/NNP on/IN Monday/NNP ./.',
    'Okafor/NNP told/VBD supporters/NNS that/IN Port/NNP Harcourt/NNP deserved/VBD better/JJR roads/NNS ./.',
    'Police/NNS in/IN Port/NNP Harcourt/NNP said/VBD Okafor/NNP had/VBD no/DT permit/NN ./.',
  ].map(taggedTokens);
  const scored: ScoredSpan[][] = [
    [
      scoredSpan(article[0], 'Chidi Okafor', 'person', 300),
      scoredSpan(article[0], 'Port Harcourt', 'place', 250),
    ],
    [
      scoredSpan(article[1], 'Okafor', 'place', 20),
      scoredSpan(article[1], 'Port Harcourt', 'person', 30),
    ],
    [
      // sure enough to keep its own label although the article's first mention differs
      scoredSpan(article[2], 'Port Harcourt', 'organization', 400),
      scoredSpan(article[2], 'Okafor', 'organization', 10),
    ],
  ];
  const show = (labels: LabelledSpan[][]): string[][] =>
    labels.map((spans, k) => spans.map((s) => `${words(article[k], s.first, s.last)}=${s.label}`));

  it('gives unsure mentions the label of the surest mention of the same name or surname', () => {
    expect(show(consistentLabels(article, scored, { confident: 100, unsure: 50 }))).toEqual([
      ['Chidi Okafor=person', 'Port Harcourt=place'],
      ['Okafor=person', 'Port Harcourt=organization'],
      ['Port Harcourt=organization', 'Okafor=person'],
    ]);
  });

  it('leaves sure mentions, and everything when the pass is off', () => {
    const asFound = scored.map((spans) => spans.map((s) => s.span));
    expect(consistentLabels(article, scored, { confident: 0, unsure: 0 })).toEqual(asFound);
    // nobody is unsure below 5: every label stays
    expect(consistentLabels(article, scored, { confident: 100, unsure: 5 })).toEqual(asFound);
    // nobody is sure above 1000: no leader, every label stays
    expect(consistentLabels(article, scored, { confident: 1000, unsure: 50 })).toEqual(asFound);
  });

  it('runs the committed model over a document with the spans of the sentence-by-sentence finder', () => {
    const lexicon = loadNameLexicon(path.join(root, 'graph-data', 'gazetteer'));
    const finder = defaultNameFinder();
    const document = newsCases().map((c) => c.tokens);
    const byDocument = findNamesInDocument(document, lexicon, finder);
    expect(byDocument).toHaveLength(document.length);
    document.forEach((tokens, k) => {
      const alone = findNames(tokens, lexicon, finder);
      const spans = (names: typeof alone): string[] => names.map((n) => `${n.start}-${n.end}`);
      expect(spans(byDocument[k])).toEqual(spans(alone));
    });
    // with the label thresholds off, labels are exactly the sentence-by-sentence ones (the lone-
    // surname rule, always on, has nothing to do here: no surname stands alone after its full name)
    const off = new NameFinder(
      finder.model,
      finder.stats,
      { ...finder.meta, consistency: { confident: 0, unsure: 0 } },
      finder.typer,
    );
    expect(off.findNamesInDocument(document, lexicon)).toEqual(
      document.map((tokens) => findNames(tokens, lexicon, finder)),
    );
  });
});

describe('fast decoding', () => {
  it('finds the same classes as scoring every feature of every token', () => {
    const lexicon = loadNameLexicon(path.join(root, 'graph-data', 'gazetteer'));
    const finder = defaultNameFinder();
    // a scorer the decoder cannot take for a fixed model: it scores all features, plainly
    const plain: Scorer = { score: (f, n, out) => finder.model.score(f, n, out) };
    let names = 0;
    for (const { tokens } of newsCases()) {
      const sf = sentenceFeatures(tokens, lexicon, finder.stats);
      const classes = viterbi(plain, sf);
      const spans = decodeBilou(classes);
      names += spans.length;
      expect(finder.findSpans(tokens, lexicon).map((s) => [s.first, s.last])).toEqual(
        spans.map((s) => [s.first, s.last]),
      );
    }
    expect(names).toBeGreaterThan(20);
  });
});
