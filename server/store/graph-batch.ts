// A batch of the graph read in columns, made on the graph-read thread for the serving thread
// (graph-batch-decoder.ts turns it back into documents there): numbers in typed arrays
// (transferred, not copied), every repeating text (actor and event ids, joined identities and event
// shapes, affiliation fields, extractors) as a number into a table of texts both sides keep for the
// whole read, so each distinct text crosses once and is decoded once.
import { forEachGraphDocument } from './graph-columns.ts';
import type { GraphRows } from './graph-read.ts';

/** Distinct texts both sides keep before starting the table afresh (a store of rare repeats). */
const TEXT_TABLE_LIMIT = 1 << 20;
/** Table numbers per row: an actor; an affiliation; an event (id, source, target, shape, origin). */
export const ACTOR_REFS = 1;
export const AFFILIATION_REFS = 3;
export const EVENT_REFS = 5;
/** Per event: score, confidence, sentence, start, end. */
export const EVENT_NUMBERS = 5;
/** Per document: extractor (a text number) and how many actors, affiliations and events. */
export const DOCUMENT_COUNTS = 4;

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
