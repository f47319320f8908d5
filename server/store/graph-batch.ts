// A batch of the graph read in columns, to hand from the graph-read thread to the serving thread:
// numbers in typed arrays (transferred, not copied), every repeating text (actor and event ids,
// joined identities and event shapes, affiliation fields, extractors) as a number into a table of
// texts both sides keep for the whole read, so each distinct text crosses once and the serving
// thread decodes each identity and shape once, sharing the object as a read in one thread does.
import type { GraphRows } from './graph-read.ts';
import {
  forEachGraphDocument,
  graphEvent,
  GraphRowDecoder,
  type EventShape,
  type GraphActor,
} from './rows.ts';
import type { GraphDocument } from './types.ts';

/** Distinct texts both sides keep before starting the table afresh (a store of rare repeats). */
const TEXT_TABLE_LIMIT = 1 << 20;
/** Numbers into the table per row: an actor, an affiliation, an event (id, source, target, shape, origin). */
const ACTOR_REFS = 1;
const AFFILIATION_REFS = 3;
const EVENT_REFS = 5;
/** Per event: score, confidence, sentence, start, end. */
const EVENT_NUMBERS = 5;
/** Per document: extractor (a text number) and how many actors, affiliations and events. */
const DOCUMENT_COUNTS = 4;

/** One batch as it crosses between threads (structured clone; the typed arrays transferred). */
export interface GraphBatch {
  /** The table was started afresh before this batch's new texts. */
  reset: boolean;
  /** Texts this batch adds to the table, numbered on from the ones before. */
  texts: string[];
  /** Per document: id, title, published. */
  documents: (string | null)[];
  counts: Int32Array;
  /** Table numbers of each document's actors, then affiliations, then events, in order. */
  refs: Int32Array;
  numbers: Float64Array;
  /** Event origins (JSON, as stored); an event's origin number is -1 for none. */
  origins: string[];
}

/** The reading side: turns a batch of rows into a GraphBatch, numbering texts as it meets them. */
export class GraphBatchEncoder {
  private readonly table = new Map<string, number>();
  private texts: string[] = [];

  /** `limit`: the most distinct texts kept before the table starts afresh. */
  constructor(private readonly limit = TEXT_TABLE_LIMIT) {}

  private text(value: string): number {
    let n = this.table.get(value);
    if (n === undefined) {
      n = this.table.size;
      this.table.set(value, n);
      this.texts.push(value);
    }
    return n;
  }

  /** The batch and the buffers to transfer with it. */
  encode(rows: GraphRows): { batch: GraphBatch; transfer: ArrayBuffer[] } {
    const { actors, affiliations, events } = rows;
    const counts = new Int32Array(rows.documents.length * DOCUMENT_COUNTS);
    const refs = new Int32Array(
      actors.length * ACTOR_REFS +
        affiliations.length * AFFILIATION_REFS +
        events.length * EVENT_REFS,
    );
    const numbers = new Float64Array(events.length * EVENT_NUMBERS);
    const documents: (string | null)[] = [];
    const origins: string[] = [];
    let c = 0;
    let r = 0;
    let x = 0;
    // The table starts afresh between batches, never within one: when this batch could take it
    // past its limit (each of its texts new), both sides drop it first.
    const most =
      rows.documents.length + actors.length + 3 * affiliations.length + 4 * events.length;
    const reset = this.table.size + most > this.limit;
    if (reset) this.table.clear();
    this.texts = [];
    forEachGraphDocument(rows, (doc, a, aEnd, f, fEnd, e, eEnd) => {
      documents.push(doc.id, doc.title, doc.published);
      counts[c++] = this.text(doc.extractor);
      counts[c++] = aEnd - a;
      counts[c++] = fEnd - f;
      counts[c++] = eEnd - e;
      for (; a < aEnd; a++) refs[r++] = this.text(actors[a]![1]);
      for (; f < fEnd; f++) {
        const t = affiliations[f]!;
        refs[r++] = this.text(t[1]);
        refs[r++] = this.text(t[2]);
        refs[r++] = this.text(t[3]);
      }
      for (; e < eEnd; e++) {
        const t = events[e]!;
        refs[r++] = this.text(t[1]);
        refs[r++] = this.text(t[2]);
        refs[r++] = this.text(t[3]);
        refs[r++] = this.text(t[4]);
        refs[r++] = t[10] === null ? -1 : origins.push(t[10]) - 1;
        numbers[x++] = t[5];
        numbers[x++] = t[6];
        numbers[x++] = t[7];
        numbers[x++] = t[8];
        numbers[x++] = t[9];
      }
    });
    const batch: GraphBatch = {
      reset,
      texts: this.texts,
      documents,
      counts: counts.subarray(0, c),
      refs: refs.subarray(0, r),
      numbers: numbers.subarray(0, x),
      origins,
    };
    return { batch, transfer: [counts.buffer, refs.buffer, numbers.buffer] };
  }
}

/** The serving side: turns GraphBatches back into GraphDocuments, keeping the table in step. */
export class GraphBatchDecoder {
  private texts: string[] = [];
  /** The decoded identity or shape of each table number taken as one (decoded on first use). */
  private actors: (GraphActor | undefined)[] = [];
  private shapes: (EventShape | undefined)[] = [];
  private readonly decoder = new GraphRowDecoder();

  private actor(n: number, document: string): GraphActor {
    return (this.actors[n] ??= this.decoder.actor(this.texts[n]!, document));
  }

  private shape(n: number): EventShape {
    return (this.shapes[n] ??= this.decoder.shape(this.texts[n]!));
  }

  decode(batch: GraphBatch): GraphDocument[] {
    if (batch.reset) {
      this.texts = [];
      this.actors = [];
      this.shapes = [];
    }
    for (const text of batch.texts) this.texts.push(text);
    const texts = this.texts;
    const { counts, refs, numbers, documents } = batch;
    const out = new Array<GraphDocument>(counts.length / DOCUMENT_COUNTS);
    let r = 0;
    let x = 0;
    for (let d = 0, c = 0; d < out.length; d++) {
      const id = documents[3 * d] as string;
      const extractor = texts[counts[c++]!]!;
      const actors = new Array<GraphActor>(counts[c++]!);
      const affiliations = new Array<GraphDocument['affiliations'][number]>(counts[c++]!);
      const events = new Array<GraphDocument['events'][number]>(counts[c++]!);
      for (let i = 0; i < actors.length; i++) actors[i] = this.actor(refs[r++]!, id);
      for (let i = 0; i < affiliations.length; i++) {
        const person = texts[refs[r++]!]!;
        const of = texts[refs[r++]!]!;
        affiliations[i] = { person, of, role: texts[refs[r++]!]! };
      }
      for (let i = 0; i < events.length; i++) {
        const eventId = texts[refs[r]!]!;
        const source = texts[refs[r + 1]!]!;
        const target = texts[refs[r + 2]!]!;
        const shape = this.shape(refs[r + 3]!);
        const origin = refs[r + 4]!;
        r += EVENT_REFS;
        events[i] = graphEvent(
          id,
          eventId,
          source,
          target,
          shape,
          numbers[x]!,
          numbers[x + 1]!,
          numbers[x + 2]!,
          numbers[x + 3]!,
          numbers[x + 4]!,
          origin < 0 ? null : batch.origins[origin]!,
        );
        x += EVENT_NUMBERS;
      }
      out[d] = {
        extractor,
        document: {
          id,
          title: documents[3 * d + 1] as string | null,
          published: documents[3 * d + 2] as string | null,
        },
        actors,
        affiliations,
        events,
      };
    }
    return out;
  }
}
