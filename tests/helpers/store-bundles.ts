// Hand-written document bundles for store tests: a few states and a leader of made-up countries,
// with affiliations and events whose evidence spans slice their own text.
import {
  documentId,
  EXTRACTION_SCHEMA,
  ploverInfo,
  type ActorKind,
  type DocumentBundle,
  type EventMode,
  type Extraction,
  type PloverType,
} from '../../server/model/index.ts';

export interface ActorSpec {
  id: string;
  name: string;
  kind: ActorKind;
  country?: string | null;
  /** Surface forms; each occurrence in the text becomes a mention. */
  forms: string[];
}
interface EventSpec {
  source: string;
  target: string;
  type: PloverType;
  quote: string;
  mode?: EventMode | null;
  date?: string | null;
  confidence?: number;
}
export interface AffiliationSpec {
  person: string;
  of: string;
  role: string;
  quote: string;
}
interface DocSpec {
  text: string;
  title?: string | null;
  published?: string | null;
  actors: ActorSpec[];
  affiliations?: AffiliationSpec[];
  events?: EventSpec[];
  extractor?: string;
}

function quoteOf(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`test factory: "${quote}" not in text`);
  return { start, end: start + quote.length, quote };
}

function occurrences(text: string, form: string) {
  const spans: { start: number; end: number }[] = [];
  for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
    spans.push({ start: i, end: i + form.length });
  }
  return spans;
}

export function makeBundle(spec: DocSpec): DocumentBundle {
  const id = documentId(spec.text);
  const sentences = spec.text.split(/(?<=\.)\s+/);
  const extraction: Extraction = {
    schema: EXTRACTION_SCHEMA,
    extractor: spec.extractor ?? 'test-extractor@1',
    document: {
      id,
      title: spec.title ?? null,
      published: spec.published ?? null,
      source: 'Test Wire',
      url: null,
    },
    actors: spec.actors.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      country: a.country ?? null,
      aliases: a.forms,
      mentions: a.forms.flatMap((f) => occurrences(spec.text, f)).sort((x, y) => x.start - y.start),
    })),
    affiliations: (spec.affiliations ?? []).map((a) => ({
      person: a.person,
      of: a.of,
      role: a.role,
      evidence: quoteOf(spec.text, a.quote),
    })),
    events: (spec.events ?? []).map((e, i) => {
      const info = ploverInfo(e.type);
      const evidence = quoteOf(spec.text, e.quote);
      return {
        id: `${id}-e${i + 1}`,
        source: e.source,
        target: e.target,
        type: e.type,
        quad: info.quad,
        polarity: info.polarity,
        score: info.score,
        mode: e.mode ?? null,
        date: e.date ?? null,
        datePrecision: e.date
          ? (['year', 'month', 'day'] as const)[e.date.split('-').length - 1]!
          : null,
        confidence: e.confidence ?? 0.75,
        evidence: {
          sentence: sentences.findIndex((s) => s.includes(e.quote)),
          ...evidence,
        },
      };
    }),
  };
  return { text: spec.text, extraction };
}

export const NORLAND: ActorSpec = {
  id: 'norland',
  name: 'Norland',
  kind: 'state',
  forms: ['Norland'],
};
export const ESTMARK: ActorSpec = {
  id: 'estmark',
  name: 'Estmark',
  kind: 'state',
  forms: ['Estmark'],
};
export const OSTLAND: ActorSpec = {
  id: 'ostland',
  name: 'Ostland',
  kind: 'state',
  forms: ['Ostland'],
};
export const ARLEN_VOSS: ActorSpec = {
  id: 'arlen-voss',
  name: 'Arlen Voss',
  kind: 'person',
  country: 'norland',
  forms: ['Arlen Voss', 'Voss'],
};
/** Arlen Voss as President of Norland, quoted as the document words it. */
export const vossPresident = (quote: string): AffiliationSpec => ({
  person: 'arlen-voss',
  of: 'norland',
  role: 'President',
  quote,
});

/** Document A: two states and a leader; an affiliation and two events. */
export function docA(): DocumentBundle {
  const text =
    'President Arlen Voss of Norland accused Estmark of massing troops. ' +
    'Voss said Norland would not sanction Estmark yet.';
  return makeBundle({
    text,
    title: 'Norland accuses Estmark',
    published: '2024-03-05',
    actors: [ARLEN_VOSS, NORLAND, ESTMARK],
    affiliations: [vossPresident('President Arlen Voss of Norland')],
    events: [
      {
        source: 'arlen-voss',
        target: 'estmark',
        type: 'ACCUSE',
        quote: 'accused Estmark of massing troops',
        date: '2024-03-05',
        confidence: 0.9,
      },
      {
        source: 'norland',
        target: 'estmark',
        type: 'SANCTION',
        quote: 'would not sanction Estmark',
        mode: 'negated',
        date: '2024-03',
        confidence: 0.55,
      },
    ],
  });
}

/** Document B: Norland again (with another surface form) and a state only this document names. */
export function docB(): DocumentBundle {
  const text =
    'The Norlandic government signed a trade pact with Ostland in Vell. Norland and Ostland agreed to meet again.';
  return makeBundle({
    text,
    published: '2023-11',
    actors: [{ ...NORLAND, forms: ['Norlandic government', 'Norland'] }, OSTLAND],
    events: [
      {
        source: 'norland',
        target: 'ostland',
        type: 'COOPERATE',
        quote: 'signed a trade pact with Ostland',
      },
      {
        source: 'norland',
        target: 'ostland',
        type: 'AGREE',
        quote: 'agreed to meet again',
        mode: 'future',
        date: '2023',
      },
    ],
  });
}

/** A minimal document numbered n (distinct text, so a distinct id). */
export function docN(n: number): DocumentBundle {
  const text = `Bulletin ${n}: Norland consulted Ostland on fishing quotas.`;
  return makeBundle({
    text,
    actors: [NORLAND, OSTLAND],
    events: [{ source: 'norland', target: 'ostland', type: 'CONSULT', quote: 'consulted Ostland' }],
  });
}
